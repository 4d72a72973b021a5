package org.powercheck.model.cat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercheck.model.Check;
import org.powercheck.model.Model;
import org.powercheck.model.PpcModel;

/** The RCU axioms each built-in model checks, by name. */
class GracePeriodsTest {
    private static List<String> names(List<Check> checks) {
        return checks.stream().map(Check::name).toList();
    }

    @Test
    void powerWithRcuIsPowerThenTheGracePeriodAxioms() {
        Model m = GracePeriods.withRcu();
        List<String> power = names(PpcModel.MODEL.checks());
        assertEquals(power, names(m.checks()).subList(0, power.size()));
        assertEquals(List.of("rcu-thinair", "rcu-propagation", "rcu-observation"),
                names(m.checks()).subList(power.size(), m.checks().size()));
        assertEquals(List.of("rcu-nesting-beyond-three-levels", "unmatched-rcu-lock", "unmatched-rcu-unlock",
                "unmatched-srcu-lock", "unmatched-srcu-unlock", "multiple-srcu-matches", "invalid-sleep"), names(m.flags()));
    }

    @Test
    void theLkmmChecksHerdsRcuAxiom() {
        Model lkmm = CatReader.bundled(CatReader.LKMM);
        assertEquals(List.of("coherence", "atomic", "happens-before", "propagation", "rcu", "plain-coherence"),
                names(lkmm.checks()));
    }

    @Test
    void anotherModelIsLeftAsItIs() {
        Model lkmm = CatReader.bundled(CatReader.LKMM);
        assertSame(lkmm, GracePeriods.forProgram(lkmm, null));
    }
}
