package org.powercheck.checker.explicit;

import java.util.ArrayList;
import java.util.List;
import org.powercheck.checker.FinalState;
import org.powercheck.checker.Witness;
import org.powercheck.ir.Program;

/** Renders an allowed candidate as a {@link Witness}: its events, then the rf and co edges. */
final class WitnessWriter {
    private WitnessWriter() {}

    static Witness describe(Program program, Candidate c, FinalState state) {
        EventGraph g = c.g;
        List<String> events = new ArrayList<>();
        for (int e = 0; e < g.n; e++) events.add(describe(program, g, e));
        List<String> edges = new ArrayList<>();
        for (int cell = 0; cell < g.cells; cell++) {
            int[] writes = g.writesOf[cell];
            int[] reads = g.readsOf[cell];
            for (int r = 0; r < reads.length; r++) {
                edges.add("rf e" + writes[c.choices[cell].rfSource()[r]] + " -> e" + reads[r]);
            }
        }
        for (int cell = 0; cell < g.cells; cell++) {
            int[] writes = g.writesOf[cell];
            int[] order = c.choices[cell].co();
            for (int i = 0; i + 1 < order.length; i++) {
                edges.add("co e" + writes[order[i]] + " -> e" + writes[order[i + 1]]);
            }
        }
        List<String> interrupts = new ArrayList<>();
        for (int t = 0; t < g.runs.size(); t++) {
            for (ThreadRun.Taken taken : g.runs.get(t).interrupts()) {
                var at = taken.at().after();
                String where = at == null ? "before its first instruction" : "after " + at.pos() + " (" + at + ")";
                String line = "P" + program.threads().get(t).id() + " took " + taken.source() + " " + where;
                if (taken.masked()) line += "; a masked point: spurious under soft-masking semantics";
                if (taken.replayed()) line += "; a soft-enable point: an interrupt that arrived while masked is replayed here";
                interrupts.add(line);
            }
        }
        return new Witness(state, events, edges, interrupts, org.powercheck.checker.sat.Traces.recordable(program)
                ? java.util.Optional.of(ExecutionWriter.of(program, c)) : java.util.Optional.empty());
    }

    private static String describe(Program program, EventGraph g, int e) {
        if (g.isInitial(e)) {
            return "e" + e + ": init W " + g.locations.name(e) + "=" + g.layout.format(g.value[e]);
        }
        LocalEvent le = g.local[e];
        String thread = program.threads().get(g.thread[e]).name();
        String what = switch (le.kind()) {
            case READ -> "R " + g.locations.name(le.cell()) + "=" + g.layout.format(le.value());
            case WRITE -> "W " + g.locations.name(le.cell()) + "=" + g.layout.format(le.value());
            case FENCE -> le.fence() != null ? "F " + le.fence().mnemonic() : le.instr().toString();
        };
        return "e" + e + ": " + thread + " " + what + (le.exclusive() ? " (exclusive)" : "")
                + " at " + le.instr().pos() + " (" + le.instr() + ")";
    }
}
