package org.powercheck.checker.explicit;

import org.powercheck.ir.FenceKind;
import org.powercheck.model.EventSet;
import org.powercheck.model.Rel;

/** A candidate execution: the events of an {@link EventGraph} with one rf and co choice per cell. */
final class Candidate implements ConcreteExecution {
    final EventGraph g;
    final LocationChoice[] choices;
    final BitMatrix rf;
    final BitMatrix co;
    final long[] finalWrites;

    Candidate(EventGraph g, LocationChoice[] choices) {
        this.g = g;
        this.choices = choices;
        rf = BitMatrix.empty(g.n);
        co = BitMatrix.empty(g.n);
        finalWrites = EventMask.empty(g.n);
        for (int c = 0; c < g.cells; c++) {
            int[] writes = g.writesOf[c];
            int[] order = choices[c].co();
            for (int i = 0; i < order.length; i++) {
                for (int j = i + 1; j < order.length; j++) co.set(writes[order[i]], writes[order[j]]);
            }
            if (g.observed[c]) EventMask.add(finalWrites, writes[choices[c].finalWrite()]);
            int[] reads = g.readsOf[c];
            for (int r = 0; r < reads.length; r++) rf.set(writes[choices[c].rfSource()[r]], reads[r]);
        }
    }

    @Override
    public int size() {
        return g.n;
    }

    @Override
    public BitMatrix relation(Rel.Base base) {
        return switch (base) {
            case RF -> rf;
            case CO -> co;
            default -> g.relation(base);
        };
    }

    @Override
    public long[] set(EventSet.Base base) {
        return switch (base) {
            case ALL -> EventMask.all(g.n);
            case R -> g.reads;
            case W -> g.writes;
            case IW -> g.initialWrites;
            case FW -> finalWrites;
            case X -> g.exclusives;
            case F -> g.fences;
        };
    }

    @Override
    public long[] fences(FenceKind kind) {
        return g.fencesOfKind[kind.ordinal()];
    }

    @Override
    public long[] tagged(String tag) {
        return g.tagged(tag);
    }
}
