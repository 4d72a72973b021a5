package org.powercheck.checker.explicit;

import java.util.ArrayList;
import java.util.List;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Layout;
import org.powercheck.ir.Locations;
import org.powercheck.model.interrupts.InterruptSlot;
import org.powercheck.model.interrupts.InterruptSlots;

/**
 * The delivery rules of power-model.md 3.3 on one candidate: a trigger is taken by at most one
 * delivery, and a trigger still pending when a CPU's thread ends with interrupts enabled must
 * have been taken. If the CPU still had an interrupt to spare the candidate is no execution; if
 * it had taken as many as the bound allows, the execution is cut by that bound.
 */
final class Deliveries {
    enum Verdict { VALID, INVALID, CUT }

    private record Cpu(int thread, int slots, int[] triggerCells) { }

    private final List<Cpu> cpus = new ArrayList<>();

    /** Trigger cells are whole-width pseudo-locations: each is the one location of its cell. */
    Deliveries(List<InterruptSlot> slots, Locations locations) {
        Layout layout = locations.layout();
        for (InterruptSlot s : slots) {
            if (s.index() != 0) continue;
            int count = (int) slots.stream().filter(o -> o.host() == s.host()).count();
            int[] cells = s.triggerCells().stream().mapToInt(c -> locations.first(layout.indexOf(c))).toArray();
            cpus.add(new Cpu(s.host(), count, cells));
        }
    }

    Verdict judge(EventGraph g, LocationChoice[] choice) {
        Verdict out = Verdict.VALID;
        for (Cpu cpu : cpus) {
            ThreadRun run = g.runs.get(cpu.thread());
            for (int cell : cpu.triggerCells()) {
                int[] writes = g.writesOf[cell];
                int[] reads = g.readsOf[cell];
                int[] readers = new int[writes.length];
                for (int r = 0; r < reads.length; r++) {
                    if (isDelivery(g, reads[r], cpu.thread())) readers[choice[cell].rfSource()[r]]++;
                }
                for (int count : readers) if (count > 1) return Verdict.INVALID;
                int last = choice[cell].finalWrite();
                boolean pending = g.value[writes[last]] != 0 && readers[last] == 0;
                List<ThreadRun.Boundary> bs = run.boundaries();
                boolean endsEnabled = !run.cut() && bs != null && bs.get(bs.size() - 1).enabled();
                if (pending && endsEnabled) {
                    if (run.interrupts().size() < cpu.slots()) return Verdict.INVALID;
                    out = Verdict.CUT;
                }
            }
        }
        return out;
    }

    private static boolean isDelivery(EventGraph g, int e, int thread) {
        return g.thread[e] == thread && g.local[e].instr() instanceof Instr.Load l
                && l.dst().equals(InterruptSlots.DELIVERY);
    }
}
