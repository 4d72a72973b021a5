package org.powercheck.checker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.powercheck.checker.report.Fixtures.eq;
import static org.powercheck.checker.report.Fixtures.reg;

import org.junit.jupiter.api.Test;
import org.powercheck.ir.Condition;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Prop;
import org.powercheck.ir.StateKey;

/** The renderings below are copied from herd7 7.58's Condition lines in the corpus. */
class HerdConditionTest {
    private final Prop a = eq(reg(1, "r1"), 1);
    private final Prop b = eq(reg(1, "r3"), 0);
    private final Prop c = eq(new StateKey.MemKey("x"), 2);
    private final Prop d = eq(reg(0, "r2"), 0);

    @Test
    void conjunctionsAreFlat() {
        assertEquals("1:r1=1 /\\ 1:r3=0 /\\ [x]=2", HerdCondition.format(new Prop.And(new Prop.And(a, b), c)));
        assertEquals("1:r1=1 /\\ 1:r3=0 /\\ [x]=2", HerdCondition.format(new Prop.And(a, new Prop.And(b, c))));
    }

    @Test
    void disjunctionInsideConjunctionIsParenthesised() {
        // herd: "exists ((0:r1=1 \/ 0:r1=2) /\ 1:r1=0)"
        assertEquals("(1:r1=1 \\/ 1:r3=0) /\\ [x]=2", HerdCondition.format(new Prop.And(new Prop.Or(a, b), c)));
        // herd: "forall (0:r1=1 /\ 0:r2=0 /\ [x]=1 \/ 0:r1=0 /\ ...)"
        assertEquals("1:r1=1 /\\ 1:r3=0 \\/ [x]=2 /\\ 0:r2=0",
                HerdCondition.format(new Prop.Or(new Prop.And(a, b), new Prop.And(c, d))));
    }

    @Test
    void negationAndConstants() {
        assertEquals("not ([x]=2)", HerdCondition.format(new Prop.Not(c)));
        assertEquals("not (1:r1=1 /\\ 1:r3=0)", HerdCondition.format(new Prop.Not(new Prop.And(a, b))));
        assertEquals("forall (true)", HerdCondition.format(new Condition(Condition.Quantifier.FORALL, new Prop.True(), Fixtures.AT)));
        assertEquals("~exists ([x]=2)", HerdCondition.format(new Condition(Condition.Quantifier.NOT_EXISTS, c, Fixtures.AT)));
    }

    @Test
    void addressValuesPrintAsNames() {
        assertEquals("0:r2=y", HerdCondition.format(new Prop.Eq(reg(0, "r2"), new Expr.Addr("y"))));
    }

    @Test
    void implicationBindsLoosest() {
        assertEquals("1:r1=1 /\\ 1:r3=0 => [x]=2 \\/ 0:r2=0",
                HerdCondition.format(new Prop.Implies(new Prop.And(a, b), new Prop.Or(c, d))));
        assertEquals("(1:r1=1 => 1:r3=0) /\\ [x]=2", HerdCondition.format(new Prop.And(new Prop.Implies(a, b), c)));
    }
}
