package org.powercheck.checker.sat;

import java.util.ArrayList;
import java.util.List;
import org.powercheck.checker.FinalState;
import org.powercheck.checker.Witness;

/** Reads one execution out of the solver's current model. */
final class WitnessBuilder {
    private WitnessBuilder() {}

    static Witness build(Encoding enc, FinalState state) {
        Circuit c = enc.circuit;
        List<Event> events = enc.exec.events;
        String[] names = new String[events.size()];
        List<String> lines = new ArrayList<>();
        int[] perThread = new int[enc.threads.size()];
        for (Event e : events) {
            if (!c.value(e.guard)) continue;
            names[e.id] = describe(enc, e, perThread);
            String where = e.instr == null ? "" : "  at " + e.instr.pos() + "  " + e.instr;
            lines.add(names[e.id] + where);
        }
        List<String> edges = new ArrayList<>();
        for (Event r : events) {
            if (names[r.id] == null || !r.read) continue;
            for (Event w : events) {
                if (names[w.id] != null && w.write && c.value(enc.memory.rf.get(w.id, r.id))) {
                    edges.add("rf: " + names[w.id] + " -> " + names[r.id]);
                }
            }
        }
        // Coherence as a chain per cell: each write to its immediate co-successor.
        for (Event a : events) {
            if (names[a.id] == null || !a.write) continue;
            Event next = null;
            int nextRank = Integer.MAX_VALUE;
            for (Event b : events) {
                if (names[b.id] == null || !c.value(enc.memory.co.get(a.id, b.id))) continue;
                int rank = 0;
                for (Event x : events) if (names[x.id] != null && c.value(enc.memory.co.get(x.id, b.id))) rank++;
                if (rank < nextRank) {
                    nextRank = rank;
                    next = b;
                }
            }
            if (next != null) edges.add("co: " + names[a.id] + " -> " + names[next.id]);
        }
        return new Witness(state, lines, edges, interrupts(enc, names), Traces.recordable(enc.program)
                ? java.util.Optional.of(ExecutionReader.read(enc)) : java.util.Optional.empty());
    }

    /** One line per interrupt taken, in the order each CPU took them. */
    private static List<String> interrupts(Encoding enc, String[] names) {
        Circuit c = enc.circuit;
        InterruptEncoding ie = enc.interrupts;
        List<String> out = new ArrayList<>();
        for (int s = 0; s < ie.slots.size(); s++) {
            if (!c.value(ie.taken(s))) continue;
            var slot = ie.slots.get(s);
            ThreadProgram host = enc.threads.get(slot.host());
            String source = source(enc, s);
            String where = "before its first instruction";
            boolean masked = false, replay = false;
            if (!c.value(ie.atStart[s])) {
                for (int n = 0; n < ie.at[s].length; n++) {
                    if (!c.value(ie.at[s][n])) continue;
                    org.powercheck.ir.Instr in = host.dag.instr(n);
                    where = "after " + in.pos() + " (" + in + ")";
                    masked = !c.value(enc.exec.enabledAfter[slot.host()][n]);
                    replay = !masked && !c.value(enc.exec.enabledBefore[slot.host()][n]);
                }
            }
            StringBuilder line = new StringBuilder("P" + host.id() + " took " + source + " " + where);
            for (Event e : enc.exec.events) {
                if (e.thread != ie.firstSlot + s || !e.read || !c.value(e.guard)
                        || !(e.instr instanceof org.powercheck.ir.Instr.Load l)
                        || !l.dst().equals(org.powercheck.model.interrupts.InterruptSlots.DELIVERY)) continue;
                for (Event w : enc.exec.events) {
                    if (w.write && names[w.id] != null && c.value(enc.memory.rf.get(w.id, e.id)) && w.instr != null) {
                        line.append("; delivered by the trigger of P").append(enc.threads.get(w.thread).id())
                                .append(" at ").append(w.instr.pos());
                    }
                }
            }
            if (masked) line.append("; a masked point: spurious under soft-masking semantics");
            if (replay) line.append("; a soft-enable point: an interrupt that arrived while masked is replayed here");
            out.add(line.toString());
        }
        return out;
    }

    /** The source slot {@code s} ran in the solver's model: the handler its dispatch chose. */
    static String source(Encoding enc, int s) {
        InterruptEncoding ie = enc.interrupts;
        var slot = ie.slots.get(s);
        String source = slot.sources().get(0);
        int src = enc.threads.get(ie.firstSlot + s).reg(org.powercheck.model.interrupts.InterruptSlots.SOURCE);
        if (src >= 0) {
            ValueMap v = enc.exec.finalRegs[ie.firstSlot + s][src];
            for (int i = 0; i < v.size(); i++) if (enc.circuit.value(v.lits[i])) source = slot.sources().get((int) v.values[i]);
        }
        return source;
    }

    private static String describe(Encoding enc, Event e, int[] perThread) {
        Circuit c = enc.circuit;
        String cell = "?";
        for (int k = 0; k < e.cells.length; k++) {
            if (c.value(e.cellLits[k])) cell = enc.locations.name(e.cells[k]);
        }
        if (e.isInit()) return "init " + cell + "=" + value(enc, e);
        String id = "P" + enc.threads.get(e.thread).id() + "." + perThread[e.thread]++;
        if (e.fence != null) return id + " F " + e.fence.mnemonic();
        if (e.instr instanceof org.powercheck.ir.Instr.Marker m) return id + " F[" + m.tag() + "]";
        return id + (e.read ? " R " : " W ") + cell + "=" + value(enc, e);
    }

    static String value(Encoding enc, Event e) {
        ValueMap v = e.value;
        for (int i = 0; i < v.size(); i++) if (enc.circuit.value(v.lits[i])) return enc.layout.format(v.values[i]);
        return "?";
    }
}
