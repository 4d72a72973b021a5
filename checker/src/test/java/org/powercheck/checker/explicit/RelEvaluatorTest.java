package org.powercheck.checker.explicit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.powercheck.ir.FenceKind;
import org.powercheck.model.Check;
import org.powercheck.model.EventSet;
import org.powercheck.model.Rel;

/** The concrete relation algebra on a four-event execution: 0 -po-> 1 -po-> 2, and a lone 3. */
class RelEvaluatorTest {
    private static final int N = 4;
    private final RelEvaluator eval = new RelEvaluator();

    private static BitMatrix pairs(int... ij) {
        BitMatrix m = BitMatrix.empty(N);
        for (int k = 0; k < ij.length; k += 2) m.set(ij[k], ij[k + 1]);
        return m;
    }

    private static long[] events(int... es) {
        long[] s = EventMask.empty(N);
        for (int e : es) EventMask.add(s, e);
        return s;
    }

    /** po: 0->1, 1->2 only (deliberately not transitive, so closures show); rf: 2->3; reads {1,3}. */
    private static final ConcreteExecution EXEC = new ConcreteExecution() {
        @Override public int size() { return N; }

        @Override public BitMatrix relation(Rel.Base base) {
            return switch (base) {
                case PO -> pairs(0, 1, 1, 2);
                case RF -> pairs(2, 3);
                case ID -> BitMatrix.identity(N);
                default -> BitMatrix.empty(N);
            };
        }

        @Override public long[] set(EventSet.Base base) {
            return switch (base) {
                case ALL -> events(0, 1, 2, 3);
                case R -> events(1, 3);
                case W -> events(0, 2);
                default -> events();
            };
        }

        @Override public long[] fences(FenceKind kind) {
            return kind == FenceKind.SYNC ? events(1) : events();
        }

        @Override public long[] tagged(String tag) {
            return tag.equals("once") ? events(0, 3) : events();
        }
    };

    @BeforeEach
    void start() {
        eval.newGraph();
        eval.useCandidate(EXEC);
    }

    @Test
    void closures() {
        assertEquals(pairs(0, 1, 1, 2, 0, 2), eval.eval(Rel.Base.PO.plus()));
        assertEquals(pairs(0, 1, 1, 2, 0, 2, 0, 0, 1, 1, 2, 2, 3, 3), eval.eval(Rel.Base.PO.star()));
        assertEquals(pairs(0, 1, 1, 2, 0, 0, 1, 1, 2, 2, 3, 3), eval.eval(Rel.Base.PO.opt()));
    }

    @Test
    void sequenceInverseAndBooleanOperators() {
        assertEquals(pairs(1, 3), eval.eval(Rel.Base.PO.seq(Rel.Base.RF)));
        assertEquals(pairs(1, 0, 2, 1), eval.eval(Rel.Base.PO.inverse()));
        assertEquals(pairs(0, 1, 1, 2, 2, 3), eval.eval(Rel.Base.PO.or(Rel.Base.RF)));
        assertEquals(pairs(1, 2), eval.eval(Rel.Base.PO.and(pairs01or12Cross())));
        assertEquals(pairs(0, 1), eval.eval(Rel.Base.PO.minus(pairs01or12Cross())));
        assertEquals(pairs(), eval.eval(new Rel.Empty()));
    }

    /** R * W = {1,3} x {0,2}, which contains (1,2) but not (0,1). */
    private static Rel pairs01or12Cross() {
        return Rel.cross(EventSet.Base.R, EventSet.Base.W);
    }

    @Test
    void eventSets() {
        assertEquals(pairs(1, 1), eval.eval(Rel.id(new EventSet.Fences(FenceKind.SYNC))));
        assertEquals(pairs(1, 1, 3, 3, 0, 0, 2, 2), eval.eval(Rel.id(EventSet.Base.R.or(EventSet.Base.W))));
        assertEquals(pairs(), eval.eval(Rel.id(EventSet.Base.R.and(EventSet.Base.W))));
        assertEquals(pairs(3, 3), eval.eval(Rel.id(EventSet.Base.R.minus(new EventSet.Fences(FenceKind.SYNC)))));
    }

    @Test
    void leastFixpointOfMutualRecursion() {
        // a = po | b;po ; b = a  — the least solution is a = b = po+
        Rel.Var a = new Rel.Var("a");
        Rel.Var b = new Rel.Var("b");
        Rel.Fix fix = new Rel.Fix(List.of("a", "b"), List.of(Rel.Base.PO.or(b.seq(Rel.Base.PO)), a), 0);
        assertEquals(eval.eval(Rel.Base.PO.plus()), eval.eval(fix));
        assertEquals(eval.eval(Rel.Base.PO.plus()), eval.eval(fix.component(1)));
        // a self-justifying equation stays empty in the least solution
        Rel.Fix loop = new Rel.Fix(List.of("c"), List.of(new Rel.Var("c")), 0);
        assertEquals(pairs(), eval.eval(loop));
    }

    @Test
    void checks() {
        assertTrue(eval.holds(new Check("a", Check.Kind.ACYCLIC, Rel.Base.PO.or(Rel.Base.RF))));
        assertFalse(eval.holds(new Check("b", Check.Kind.ACYCLIC, Rel.Base.PO.or(Rel.Base.PO.inverse()))));
        assertTrue(eval.holds(new Check("c", Check.Kind.IRREFLEXIVE, Rel.Base.PO.plus())));
        assertFalse(eval.holds(new Check("d", Check.Kind.IRREFLEXIVE, Rel.Base.PO.star())));
        assertTrue(eval.holds(new Check("e", Check.Kind.EMPTY, Rel.Base.PO.and(Rel.Base.RF))));
        assertFalse(eval.holds(new Check("f", Check.Kind.EMPTY, Rel.Base.RF)));
    }
}
