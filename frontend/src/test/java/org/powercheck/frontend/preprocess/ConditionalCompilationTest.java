package org.powercheck.frontend.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.powercheck.frontend.preprocess.PreprocessorTestSupport.expand;

import org.junit.jupiter.api.Test;

class ConditionalCompilationTest {

    @Test
    void ifElseChoosesOneBranch() {
        assertEquals("\nyes;\n" + "\n".repeat(5) + "also;\n", expand("""
                #if 1
                yes;
                #else
                no;
                #endif
                #if 0
                #else
                also;
                #endif
                """));
    }

    @Test
    void ifdefAndIfndefTestDefinitionOnly() {
        assertEquals("\na;\n" + "\n".repeat(5) + "d;\n", expand("""
                #ifdef ZERO
                a;
                #endif
                #ifdef MISSING
                c;
                #endif
                #ifndef MISSING
                d;
                #endif
                """, "-DZERO=0"));
    }

    @Test
    void elifChainTakesTheFirstTrueBranchOnly() {
        String source = """
                #if defined CONFIG_PPC64
                sixty_four;
                #elif defined(CONFIG_PPC32) && !defined(CONFIG_SMP)
                thirty_two_up;
                #elif defined(CONFIG_PPC32)
                thirty_two;
                #else
                other;
                #endif
                """;
        assertEquals("\nsixty_four;\n", expand(source, "-DCONFIG_PPC64", "-DCONFIG_PPC32"));
        assertEquals("\n\n\nthirty_two_up;\n", expand(source, "-DCONFIG_PPC32"));
        assertEquals("\n\n\n\n\nthirty_two;\n", expand(source, "-DCONFIG_PPC32", "-DCONFIG_SMP"));
        assertEquals("\n\n\n\n\n\n\nother;\n", expand(source));
    }

    @Test
    void skippedGroupsAreNotEvaluatedOrLexedStrictly() {
        assertEquals("\n".repeat(7) + "kept;\n", expand("""
                #if 0
                  #if 1 / 0
                  #bogus directive
                  don't worry about this apostrophe
                  #else
                  #endif
                #elif 1
                kept;
                #elif 1 / 0
                #else
                #endif
                """));
    }

    @Test
    void macrosExpandInConditionsAndUnknownIdentifiersAreZero() {
        assertEquals("""



                big;
                """, expand("""
                #define NR_CPUS 2048
                #define LIMIT (NR_CPUS > 1024)
                #if LIMIT && UNKNOWN_THING == 0 && !defined(UNKNOWN_THING)
                big;
                #endif
                """));
    }

    @Test
    void kconfigTestsFollowTheValueOfTheOption() {
        String source = """
                #if IS_ENABLED(CONFIG_SMP)
                smp;
                #endif
                #if IS_ENABLED(CONFIG_NUMA) || IS_BUILTIN(CONFIG_MOD) || !IS_MODULE(CONFIG_MOD)
                never;
                #endif
                """;
        assertEquals("\nsmp;\n", expand(source, "-DCONFIG_SMP=1", "-DCONFIG_MOD_MODULE=1"));
        assertEquals("\nsmp;\n", expand(source, "-DCONFIG_SMP=y", "-DCONFIG_MOD_MODULE"));
        assertEquals("\n\n\n\nnever;\n", expand(source, "-DCONFIG_SMP=2"));
    }

    @Test
    void commandLineOptionsApplyInOrder() {
        String source = """
                #ifdef __KERNEL__
                kernel = VALUE;
                #endif
                """;
        assertEquals("\nkernel = 7;\n", expand(source, "-D__KERNEL__", "-D", "VALUE=7"));
        assertEquals("", expand(source, "-D__KERNEL__", "-U__KERNEL__"));
        assertEquals("\nkernel = (2*3);\n", expand("""
                #ifdef __KERNEL__
                kernel = TIMES(2, 3);
                #endif
                """, "-D__KERNEL__", "-DTIMES(a,b)=(a*b)"));
    }

    @Test
    void hasOperatorsAnswerFromTheOptions() {
        assertEquals("\npacked;\n" + "\n".repeat(4) + "expect;\n", expand("""
                #if __has_attribute(__packed__) && defined(__has_attribute)
                packed;
                #endif
                #if __has_attribute(no_such_attribute) || __has_builtin(__builtin_no_such)
                never;
                #elif __has_builtin(__builtin_expect) && __has_include("no_such_header.h") == 0
                expect;
                #endif
                """));
    }

    @Test
    void elifdefAndElifndef() {
        assertEquals("\n\n\nb;\n", expand("""
                #ifdef A
                a;
                #elifdef B
                b;
                #elifndef C
                c;
                #endif
                """, "-DB"));
    }
}
