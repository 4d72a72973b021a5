package org.powercheck.checker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.powercheck.checker.report.Fixtures.eq;
import static org.powercheck.checker.report.Fixtures.reg;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.powercheck.ir.Condition;
import org.powercheck.ir.Program;
import org.powercheck.ir.Prop;
import org.powercheck.ir.StateKey;

class HerdTextTest {
    @Test
    void existsTestHasHerdsShape() {
        // herd7 7.58's output for MP+lwsync+po, without its Hash line.
        String herd = """
                Test MP+lwsync+po Allowed
                States 4
                1:r1=0; 1:r3=0;
                1:r1=0; 1:r3=1;
                1:r1=1; 1:r3=0;
                1:r1=1; 1:r3=1;
                Ok
                Witnesses
                Positive: 1 Negative: 3
                Condition exists (1:r1=1 /\\ 1:r3=0)
                Observation MP+lwsync+po Sometimes 1 3
                Time MP+lwsync+po 0.01

                """;
        assertEquals(herd, HerdText.format(Fixtures.mpChecked(Path.of("mp.litmus")), 2));
    }

    @Test
    void notExistsCountsTheNegatedConditionInTheWitnessLine() {
        // herd7 on co10.litmus (CoWW): "Positive: 1 Negative: 0" but "Observation CoWW Never 0 1".
        StateKey x = new StateKey.MemKey("x");
        Program p = Fixtures.program("CoWW", Program.Arch.PPC, Condition.Quantifier.NOT_EXISTS, eq(x, 1), "x");
        String text = HerdText.format(Fixtures.checked(Path.of("co10.litmus"), p, false, List.of(Map.of(x, 2L))), 2);
        assertEquals("""
                Test CoWW Forbidden
                States 1
                [x]=2;
                Ok
                Witnesses
                Positive: 1 Negative: 0
                Condition ~exists ([x]=1)
                Observation CoWW Never 0 1
                Time CoWW 0.01

                """, text);
    }

    @Test
    void forallHeaderIsRequiredAndNoWhenViolated() {
        StateKey r = reg(0, "r2");
        Program p = Fixtures.program("F", Program.Arch.PPC, Condition.Quantifier.FORALL,
                new Prop.Or(eq(r, -1), eq(r, 3)), "x");
        String text = HerdText.format(Fixtures.checked(Path.of("f.litmus"), p, false,
                List.of(Map.of(r, -1L), Map.of(r, 2L), Map.of(r, 3L))), 2);
        assertEquals(List.of("Test F Required", "States 3", "0:r2=-1;", "0:r2=2;", "0:r2=3;", "No", "Witnesses",
                "Positive: 2 Negative: 1", "Condition forall (0:r2=-1 \\/ 0:r2=3)", "Observation F Sometimes 2 1",
                "Time F 0.01", ""), text.lines().toList());
    }

    @Test
    void addressesPrintAsCellNames() {
        StateKey r = reg(0, "r2");
        Program p = Fixtures.program("A", Program.Arch.PPC, Condition.Quantifier.EXISTS, eq(r, 0), "x", "y");
        long addressOfY = p.layout().addressOf("y");
        String text = HerdText.format(Fixtures.checked(Path.of("a.litmus"), p, false, List.of(Map.of(r, addressOfY))), 2);
        assertEquals("0:r2=y;", text.lines().toList().get(2));
    }

    @Test
    void timeHasTwoDecimals() {
        assertEquals("0.00", HerdText.seconds(4_000_000));
        assertEquals("1.27", HerdText.seconds(1_270_000_000));
    }
}
