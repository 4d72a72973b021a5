package org.powercheck.checker.explicit;

import java.util.BitSet;
import org.powercheck.checker.Execution;
import org.powercheck.ir.FenceKind;
import org.powercheck.model.Check;
import org.powercheck.model.EventSet;
import org.powercheck.model.Rel;

/**
 * The model's relations on one recorded {@link Execution}, evaluated by the oracle's own
 * evaluator: what explanations of a witness say is what the explicit engine computes.
 */
public final class ModelEvaluation {
    private final Execution execution;
    private final RelEvaluator evaluator = new RelEvaluator();
    private final java.util.Map<Rel, BitSet[]> known = new java.util.IdentityHashMap<>();

    public ModelEvaluation(Execution execution) {
        this.execution = execution;
        View view = new View(execution);
        evaluator.newGraph();
        evaluator.useCandidate(view);
    }

    /** The pairs of {@code rel}: row i holds the events i is related to. */
    public BitSet[] relation(Rel rel) {
        return known.computeIfAbsent(rel, r -> ExecutionWriter.rows(evaluator.eval(r), execution.size()));
    }

    public boolean holds(Check check) {
        return evaluator.holds(check);
    }

    /** An execution's data as the evaluator's input. */
    private static final class View implements ConcreteExecution {
        private final Execution x;
        private final int n;

        View(Execution x) {
            this.x = x;
            this.n = x.size();
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public BitMatrix relation(Rel.Base base) {
            BitMatrix m = BitMatrix.empty(n);
            BitSet[] rows = x.relations().get(base);
            for (int i = 0; i < n; i++) for (int j = rows[i].nextSetBit(0); j >= 0; j = rows[i].nextSetBit(j + 1)) m.set(i, j);
            return m;
        }

        @Override
        public long[] set(EventSet.Base base) {
            return mask(x.sets().get(base));
        }

        @Override
        public long[] fences(FenceKind kind) {
            return mask(x.fences().get(kind));
        }

        /** The LKMM's tags: a witness's events carry none (POWER programs have no tagged events). */
        @Override
        public long[] tagged(String tag) {
            return EventMask.empty(n);
        }

        private long[] mask(BitSet s) {
            long[] m = EventMask.empty(n);
            for (int i = s.nextSetBit(0); i >= 0; i = s.nextSetBit(i + 1)) EventMask.add(m, i);
            return m;
        }
    }
}
