package org.powercheck.checker.explicit;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.powercheck.checker.Execution;
import org.powercheck.ir.FenceKind;
import org.powercheck.ir.Program;
import org.powercheck.model.EventSet;
import org.powercheck.model.Rel;

/** A candidate as plain {@link Execution} data: its events and primitive relations. */
final class ExecutionWriter {
    private ExecutionWriter() {}

    static Execution of(Program program, Candidate c) {
        EventGraph g = c.g;
        List<Execution.Event> events = new ArrayList<>();
        for (int e = 0; e < g.n; e++) {
            if (g.isInitial(e)) {
                events.add(new Execution.Event(e, -1, "init", -1, Execution.Kind.INIT, g.locations.name(e),
                        g.layout.format(g.value[e]), null, false, null));
                continue;
            }
            LocalEvent le = g.local[e];
            var thread = program.threads().get(g.thread[e]);
            Execution.Kind kind = switch (le.kind()) {
                case READ -> Execution.Kind.READ;
                case WRITE -> Execution.Kind.WRITE;
                case FENCE -> Execution.Kind.FENCE;
            };
            boolean memory = kind != Execution.Kind.FENCE;
            events.add(new Execution.Event(e, thread.id(), thread.name(), -1, kind,
                    memory ? g.locations.name(le.cell()) : null, memory ? g.layout.format(le.value()) : null,
                    le.fence(), le.exclusive(), le.instr()));
        }
        Map<Rel.Base, BitSet[]> relations = new EnumMap<>(Rel.Base.class);
        for (Rel.Base b : Rel.Base.values()) relations.put(b, rows(c.relation(b), g.n));
        Map<EventSet.Base, BitSet> sets = new EnumMap<>(EventSet.Base.class);
        for (EventSet.Base b : EventSet.Base.values()) sets.put(b, set(c.set(b), g.n));
        Map<FenceKind, BitSet> fences = new EnumMap<>(FenceKind.class);
        for (FenceKind k : FenceKind.values()) fences.put(k, set(c.fences(k), g.n));
        return new Execution(events, relations, sets, fences);
    }

    static BitSet[] rows(BitMatrix m, int n) {
        BitSet[] out = new BitSet[n];
        for (int i = 0; i < n; i++) {
            out[i] = new BitSet(n);
            for (int j = 0; j < n; j++) if (m.get(i, j)) out[i].set(j);
        }
        return out;
    }

    static BitSet set(long[] mask, int n) {
        BitSet out = new BitSet(n);
        for (int i = 0; i < n; i++) if (EventMask.has(mask, i)) out.set(i);
        return out;
    }
}
