package org.powercheck.frontend.ppc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.powercheck.frontend.litmus.ConditionTail;
import org.powercheck.frontend.litmus.ConditionTailParser;
import org.powercheck.frontend.litmus.KeyResolver;
import org.powercheck.ir.Condition;
import org.powercheck.ir.Expr;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Prop;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.StateKey;

/** The shared condition-tail parser, on its own. */
class ConditionTailParserTest {
    private static ConditionTail parse(String tail) {
        return ConditionTailParser.parse(tail, "f", 10, 5, KeyResolver.PLAIN);
    }

    private static String condition(String tail) {
        return parse(tail).condition().toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "exists (0:r1=1 /\\ x=2)            | exists (0:r1=1 /\\ [x]=2)",
        "~exists (0:r1=1)                   | ~exists (0:r1=1)",
        "~ exists (0:r1=1)                  | ~exists (0:r1=1)",
        "forall 0:r0 = 0x10000              | forall (0:r0=65536)",
        "forall 0:r0=-1 /\\ 0:r2 <> -1      | forall (0:r0=-1 /\\ not (0:r2=-1))",
        "exists (x != 1)                    | exists (not ([x]=1))",
        "exists ~x=2                        | exists (not ([x]=2))",
        "exists not (x=1 \\/ y=1)           | exists (not (([x]=1 \\/ [y]=1)))",
        "exists (1:r2=x /\\ [y]=1)          | exists (1:r2=x /\\ [y]=1)",
        "exists (P1:r2=0)                   | exists (1:r2=0)",
        "exists (true)                      | exists (true)",
        "exists (false \\/ x=1 => y=1)      | exists ((false \\/ ([x]=1 => [y]=1)))",
        "(x=1)                              | exists ([x]=1)",
        "final (1:r1 = 1); with default: exists; | exists (1:r1=1)",
        "exists (x=1) (* trailing (* nested *) comment *) | exists ([x]=1)",
        "exists (x=1);                      | exists ([x]=1)",
    })
    void conditions(String text, String expected) {
        assertEquals(expected, condition(text));
    }

    @Test
    void precedenceFollowsHerd() {
        // herd: \/ binds weakest, then /\, then =>; ~ binds tightest.
        Prop p = parse("exists ~a=1 /\\ b=1 \\/ c=1").condition().prop();
        Prop a = new Prop.Eq(new StateKey.MemKey("a"), new Expr.Const(1));
        Prop b = new Prop.Eq(new StateKey.MemKey("b"), new Expr.Const(1));
        Prop c = new Prop.Eq(new StateKey.MemKey("c"), new Expr.Const(1));
        assertEquals(new Prop.Or(new Prop.And(new Prop.Not(a), b), c), p);
    }

    @Test
    void missingConditionIsForallTrue() {
        ConditionTail tail = parse("locations [0:r3; x; 1:r2;]");
        assertEquals(Condition.Quantifier.FORALL, tail.condition().quantifier());
        assertEquals(new Prop.True(), tail.condition().prop());
        assertEquals(List.of(new StateKey.RegKey(0, new Reg("r3")), new StateKey.MemKey("x"),
                new StateKey.RegKey(1, new Reg("r2"))), tail.locations());
        assertEquals("forall (true)", condition(""));
    }

    @Test
    void filterAndLocations() {
        ConditionTail tail = parse("locations [x] filter (0:r1=0) exists (x=1)");
        assertEquals(Optional.of(new Prop.Eq(new StateKey.RegKey(0, new Reg("r1")), new Expr.Const(0))), tail.filter());
        assertEquals(List.of(new StateKey.MemKey("x")), tail.locations());
    }

    @Test
    void positionsCountFromTheGivenStart() {
        // The tail starts at line 10, column 5 of its file.
        assertEquals(new SourcePos("f", 10, 5), parse("exists (x=1)").condition().pos());
        assertEquals(new SourcePos("f", 11, 1), parse("\nexists (x=1)").condition().pos());
        InputException e = assertThrows(InputException.class, () -> parse("exists (x=)"));
        assertEquals("f:10:15: expected a value like 1 or x but found ')'", e.getMessage());
        InputException second = assertThrows(InputException.class, () -> parse("exists\n  (x=1 y)"));
        assertEquals("f:11:8: expected '/\\', '\\/', '=>' or ')' but found 'y'", second.getMessage());
    }

    @Test
    void parseFromAnOffsetOfTheWholeText() {
        String text = "PPC t\n{}\nP0;\nnop;\n  exists (x=1)\n";
        int offset = text.indexOf("exists");
        ConditionTail tail = ConditionTailParser.parseFrom(text, offset, "t", KeyResolver.PLAIN);
        assertEquals(new SourcePos("t", 5, 3), tail.condition().pos());
    }

    @Test
    void resolverSeesEveryName() {
        StringBuilder seen = new StringBuilder();
        KeyResolver recording = new KeyResolver() {
            @Override public StateKey register(int thread, String name, SourcePos pos) {
                seen.append("reg ").append(thread).append(':').append(name).append(' ').append(pos.column()).append(';');
                return KeyResolver.super.register(thread, name, pos);
            }

            @Override public StateKey memory(String name, SourcePos pos) {
                seen.append("mem ").append(name).append(';');
                return KeyResolver.super.memory(name, pos);
            }

            @Override public Expr address(String name, SourcePos pos) {
                seen.append("addr ").append(name).append(';');
                return KeyResolver.super.address(name, pos);
            }
        };
        ConditionTailParser.parse("exists (0:r1=y /\\ [x]=1)", "f", 1, 1, recording);
        assertEquals("reg 0:r1 9;addr y;mem x;", seen.toString());
    }

    @Test
    void badConditions() {
        assertEquals("f:10:5: expected a final condition ('exists', '~exists', 'forall' or 'final') but found 'exist'",
                assertThrows(InputException.class, () -> parse("exist (x=1)")).getMessage());
        assertEquals("f:10:15: unexpected end of file, expected '/\\', '\\/', '=>' or ')' (is the test truncated?)",
                assertThrows(InputException.class, () -> parse("exists (x=1")).getMessage());
        assertEquals("f:10:18: comment is never closed",
                assertThrows(InputException.class, () -> parse("exists (x=1) (* oops")).getMessage());
    }

    @Test
    void aConditionMayCompareTwoFinalValues() {
        Prop same = new Prop.SameValue(new StateKey.RegKey(0, new Reg("r1")), new StateKey.RegKey(1, new Reg("r2")));
        assertEquals(same, parse("exists (0:r1=1:r2)").condition().prop());
        assertEquals(new Prop.Not(new Prop.SameValue(new StateKey.MemKey("x"), new StateKey.MemKey("y"))),
                parse("exists (~[x]=[y])").condition().prop());
        assertEquals(new Prop.Eq(new StateKey.RegKey(0, new Reg("r1")), new Expr.Addr("x")),
                parse("exists (0:r1=x)").condition().prop(), "a bare name on the right is an address");
    }
}
