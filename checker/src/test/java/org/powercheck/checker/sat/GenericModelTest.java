package org.powercheck.checker.sat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.powercheck.checker.sat.Litmus.and;
import static org.powercheck.checker.sat.Litmus.eq;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.Outcome;
import org.powercheck.ir.Program;
import org.powercheck.model.Check;
import org.powercheck.model.EventSet;
import org.powercheck.model.Model;
import org.powercheck.model.Rel;

/** Models other than ppc.cat, in particular closures and fixpoints under a difference. */
class GenericModelTest {
    private static Program mp() {
        Litmus l = new Litmus("MP", "x", "y");
        l.thread().addr("r2", "x").addr("r4", "y").li("r1", 1).stw("r1", "r2").li("r3", 1).stw("r3", "r4");
        l.thread().addr("r2", "y").addr("r4", "x").lwz("r1", "r2").lwz("r3", "r4");
        return l.exists(and(eq(1, "r1", 1), eq(1, "r3", 0)));
    }

    private static int states(Rel emptyRel) throws Exception {
        Model m = new Model("test", List.of(new Check("c", Check.Kind.EMPTY, emptyRel)));
        Outcome o = new SatEngine().run(mp(), new CheckOptions(m, 2, Long.MAX_VALUE));
        return o.states().size();
    }

    @Test
    void emptyModelAllowsEveryCandidate() throws Exception {
        assertEquals(4, states(new Rel.Empty()));
    }

    private static final Rel SC_ORDER = Rel.union(Rel.Base.PO, Rel.Base.RF, Rel.Base.CO,
            Rel.Base.RF.inverse().seq(Rel.Base.CO).minus(Rel.Base.ID));
    private static final Rel READS = Rel.id(EventSet.Base.R);

    @Test
    void subtractedClosureIsExact() throws Exception {
        // "every read lies on a cycle of po | com": only MP's weak outcome has such a cycle.
        // An over-approximated closure would let the solver put every read on a cycle.
        assertEquals(1, states(READS.minus(SC_ORDER.plus())));
        assertEquals(4, states(Rel.Base.RF.minus(Rel.Base.RF.plus())));
        assertEquals(0, states(Rel.Base.PO.minus(Rel.Base.RF.plus())));
    }

    @Test
    void subtractedFixpointIsExact() throws Exception {
        Rel.Var f = new Rel.Var("f");
        Rel.Fix closure = new Rel.Fix(List.of("f"), List.of(SC_ORDER.or(f.seq(f))), 0);
        assertEquals(1, states(READS.minus(closure)));
    }

    @Test
    void acyclicCoherenceAloneForbidsOnlyCoherenceCycles() throws Exception {
        Rel com = Rel.union(Rel.Base.PO.and(Rel.Base.LOC), Rel.Base.RF, Rel.Base.CO,
                Rel.Base.RF.inverse().seq(Rel.Base.CO).minus(Rel.Base.ID));
        Model m = new Model("sc-per-location", List.of(new Check("uniproc", Check.Kind.ACYCLIC, com)));
        Outcome o = new SatEngine().run(mp(), new CheckOptions(m, 2, Long.MAX_VALUE));
        assertEquals(4, o.states().size());
    }

    /** Whether the flag {@code ~empty flagged} is raised by an execution the checks allow. */
    private static boolean raised(List<Check> checks, Rel flagged) throws Exception {
        Model m = new Model("test", checks, List.of(new Check("f", Check.Kind.EMPTY, flagged)));
        Outcome o = new SatEngine().run(mp(), new CheckOptions(m, 2, Long.MAX_VALUE));
        assertEquals(false, o.flags().undecided());
        return o.flags().raised().contains("f");
    }

    @Test
    void flagsAreNeverRaisedByAnOverApproximation() throws Exception {
        List<Check> none = List.of();
        List<Check> sc = List.of(new Check("sc", Check.Kind.ACYCLIC, SC_ORDER));
        // Exact at the top: a read on a cycle of po | com exists only in MP's weak outcome.
        assertEquals(true, raised(none, READS.and(SC_ORDER.plus())));
        assertEquals(false, raised(sc, READS.and(SC_ORDER.plus())));
        // One way below a difference's right side: rf+ may only grow there, which never raises.
        assertEquals(false, raised(none, Rel.Base.RF.minus(Rel.Base.RF.plus())));
        assertEquals(true, raised(none, Rel.Base.PO.minus(Rel.Base.RF.plus())));
        // Exact again below the next difference: reads on a cycle, spelt as a double difference.
        Rel onCycle = READS.minus(READS.minus(SC_ORDER.plus()));
        assertEquals(true, raised(none, onCycle));
        assertEquals(false, raised(sc, onCycle));
    }

    /** Three threads each store their own value to x; the final states over x. */
    private static java.util.Set<String> finalValuesOfThreeWriters(Model m) throws Exception {
        Litmus l = new Litmus("3W", "x");
        for (int v = 1; v <= 3; v++) l.thread().addr("r2", "x").li("r1", v).stw("r1", "r2");
        Outcome o = new SatEngine().run(l.exists(Litmus.mem("x", 1)), new CheckOptions(m, 2, Long.MAX_VALUE));
        java.util.Set<String> out = new java.util.TreeSet<>();
        o.states().forEach(s -> out.add(s.toString()));
        return out;
    }

    @Test
    void coherenceIsAnOrderWithOrWithoutAModelCheckingItsCycles() throws Exception {
        // Without a check over co, coherence's transitivity is encoded; with "acyclic co" the
        // check gives it: either way, every writer can be last and each execution has one last.
        java.util.Set<String> unchecked = finalValuesOfThreeWriters(new Model("none", List.of()));
        assertEquals(3, unchecked.size(), unchecked.toString());
        Model acyclicCo = new Model("co", List.of(new Check("co", Check.Kind.ACYCLIC, Rel.Base.CO)));
        assertEquals(unchecked, finalValuesOfThreeWriters(acyclicCo));
    }
}
