package org.powercheck.frontend.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.powercheck.frontend.preprocess.PreprocessorTestSupport.expand;

import org.junit.jupiter.api.Test;

class MacroExpansionTest {

    @Test
    void objectLikeMacrosExpandAndRescan() {
        assertEquals("""


                int x = 3 + 4;
                """, expand("""
                #define THREE 3
                #define SUM THREE + 4
                int x = SUM;
                """));
    }

    @Test
    void lineSplicesJoinLinesAndOutputKeepsLineNumbers() {
        assertEquals("""


                int y = (1 + 2);
                int
                z;
                """, expand("""
                #define LONG_ONE (1 + \\
                                  2)
                int y = LONG_ONE;
                int \\
                z;
                """));
    }

    @Test
    void commentsBecomeWhitespaceAndKeepLineStructure() {
        assertEquals("""
                int a;
                          int           b;
                int    c;
                """, expand("""
                int a; // trailing
                /* one */ int /* two */ b;
                int/**/c;
                """));
    }

    @Test
    void selfReferentialMacrosStopAfterOneExpansion() {
        assertEquals("""



                int v = count + 1 + foo + bar;
                """, expand("""
                #define count count + 1
                #define foo bar
                #define bar foo
                int v = count + foo + bar;
                """));
    }

    @Test
    void functionLikeMacroArgumentsKeepNestedParenthesesAndCommas() {
        assertEquals("""

                { g(1, 2); (3, 4) }
                """, expand("""
                #define PAIR(a, b) { a; b }
                PAIR(g(1, 2), (3, 4))
                """));
    }

    @Test
    void functionLikeNameWithoutParenthesesIsNotAnInvocation() {
        assertEquals("""

                int F = 1;
                x = (
                 7);
                """, expand("""
                #define F(x) (x)
                int F = 1;
                x = F
                (7);
                """));
    }

    @Test
    void argumentsAreExpandedBeforeSubstitutionAndRescannedAfter() {
        assertEquals("""




                t = 2*9*g; u = (5) (5);
                """, expand("""
                #define mul(a) a*g
                #define g(a) mul(a)
                #define ID(x) x
                #define TWICE(x) ID(x) ID(x)
                t = mul(2)(9); u = TWICE((5));
                """));
    }

    @Test
    void macroNameFromOwnExpansionStaysUnexpandedEvenWhenCalledLater() {
        assertEquals("""

                  1 f(2)
                """, expand("""
                #define f(x) x f
                f(1)(2)
                """));
    }

    @Test
    void stringizingSpellsTheRawArgumentWithEscapes() {
        assertEquals("""



                s = "a + b"; t = "\\"q\\\\n\\" 'c'"; u = "42";
                """, expand("""
                #define STR(x) #x
                #define XSTR(x) STR(x)
                #define ANSWER 42
                s = STR( a   +  b ); t = STR("q\\n" 'c'); u = XSTR(ANSWER);
                """));
    }

    @Test
    void pastingJoinsRawOperandsAndHandlesEmptyArguments() {
        assertEquals("""


                x1 y z ONE2 1;
                """, expand("""
                #define CAT(a, b) a##b
                #define ONE 1
                CAT(x, 1) CAT(, y) CAT(z, ) CAT(,) CAT(ONE, 2) CAT(O, NE);
                """));
    }

    @Test
    void pastedNamesOfFunctionLikeMacrosAreCalled() {
        assertEquals("""



                a = (7 + 1);
                """, expand("""
                #define inc_int(v) (v + 1)
                #define OP(type, v) op_ ## type(v)
                #define op_int(v) inc_int(v)
                a = OP(int, 7);
                """));
    }

    @Test
    void variadicMacrosTakeTheRemainingArguments() {
        assertEquals("""

                p("%d %d", 1, (2, 3)); p("x",);
                """, expand("""
                #define V(fmt, ...) p(fmt, __VA_ARGS__)
                V("%d %d", 1, (2, 3)); V("x");
                """));
    }

    @Test
    void gnuCommaPasteDropsTheCommaBeforeEmptyVariableArguments() {
        assertEquals("""


                printk("a\\n"); printk("b %d\\n", 1, 2);
                q(0); q(0, x);
                """, expand("""
                #define pr_dbg(fmt, ...) printk(fmt, ##__VA_ARGS__)
                #define Q(args...) q(0, ## args)
                pr_dbg("a\\n"); pr_dbg("b %d\\n", 1, 2);
                Q(); Q(x);
                """));
    }

    @Test
    void vaOptAppearsOnlyWithVariableArguments() {
        assertEquals("""

                f(a); f(a , b, c);
                """, expand("""
                #define CALL(x, ...) f(x __VA_OPT__(,) __VA_ARGS__)
                CALL(a); CALL(a, b, c);
                """));
    }

    @Test
    void undefRemovesADefinition() {
        assertEquals("""

                a = 1;

                b = X;
                """, expand("""
                #define X 1
                a = X;
                #undef X
                b = X;
                """));
    }

    @Test
    void emptyExpansionLeavesOneSpaceAndAdjacentTokensDoNotMerge() {
        assertEquals("""



                a       b; x = - - 1; y = + +z; s = L "w";
                """, expand("""
                #define EMPTY
                #define MINUS -
                #define PLUS(v) +v
                a EMPTY b; x = -MINUS 1; y = +PLUS(z); s = L/**/"w";
                """));
    }

    @Test
    void builtinLineAndFileNameTheInvocation() {
        assertEquals("""

                at(2, "t.c"); at(2,
                    "t.c");
                """, expand("""
                #define HERE at(__LINE__, __FILE__)
                HERE; at(__LINE__,
                    __FILE__);
                """));
    }

    @Test
    void kconfigTestsWorkInCode() {
        assertEquals("""
                a = 1; b = 0; c = 1; d = 0; e = 1; f = 0;
                """, expand("""
                a = IS_ENABLED(CONFIG_SMP); b = IS_ENABLED(CONFIG_NUMA); c = IS_ENABLED(CONFIG_M); \
                d = IS_BUILTIN(CONFIG_M); e = IS_MODULE(CONFIG_M); f = IS_ENABLED(CONFIG_TWO);
                """, "-DCONFIG_SMP", "-DCONFIG_M_MODULE=1", "-DCONFIG_TWO=2"));
    }

    @Test
    void pragmaOperatorIsExecutedNotPassedOn() {
        assertEquals("""

                int a; int b;
                """, expand("""
                #define NOWARN _Pragma("GCC diagnostic push") int b
                int a; NOWARN;
                """));
    }
}
