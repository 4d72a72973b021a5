package org.powercheck.checker.explicit;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.powercheck.checker.CheckTimeoutException;
import org.powercheck.model.interrupts.InterruptSlot;
import org.powercheck.model.interrupts.InterruptSlots;

/**
 * The runs of a CPU that takes interrupts, spelled out one by one: every path of its thread,
 * with 0 to k of its interrupt slots inserted, slot by slot in order, each at every boundary
 * where it may start (one boundary per event position suffices: boundaries with no event
 * between them give the same run), and each slot run at its point. An interrupt between a
 * load-reserve and its successful store-conditional is no run: the exit path clears the
 * reservation. This is the oracle for the SAT engine's choice of interruption points.
 */
final class CpuRuns implements PathSource {
    private final ThreadInterpreter thread;
    private final List<ThreadInterpreter> slots;
    private final List<InterruptSlot> slotInfo;
    private final boolean enabledOnly;
    private final org.powercheck.checker.CheckOptions options;
    private List<ThreadRun> out;

    CpuRuns(ThreadInterpreter thread, List<ThreadInterpreter> slots, List<InterruptSlot> slotInfo,
            org.powercheck.checker.CheckOptions options, boolean enabledOnly) {
        this.thread = thread;
        this.slots = slots;
        this.slotInfo = slotInfo;
        this.options = options;
        this.enabledOnly = enabledOnly;
        thread.recordBoundaries();
    }

    @Override
    public ThreadInterpreter.Paths paths(ValueDomain domain) throws CheckTimeoutException {
        return paths(domain, false);
    }

    @Override
    public ThreadInterpreter.Paths paths(ValueDomain domain, boolean freeControl) throws CheckTimeoutException {
        ThreadInterpreter.Paths host = thread.paths(domain, freeControl);
        List<ThreadInterpreter.Paths> slotPaths = new ArrayList<>();
        for (ThreadInterpreter s : slots) slotPaths.add(s.paths(domain, freeControl));
        List<List<LocalEvent>> dropped = new ArrayList<>(host.dropped());
        int influential = host.mostInfluential();
        for (ThreadInterpreter.Paths p : slotPaths) {
            dropped.addAll(p.dropped());
            influential += p.mostInfluential();
            // a slot's writes are possible whatever the thread runs: the domain must know them
            for (ThreadRun r : p.runs()) dropped.add(r.events());
        }
        out = new ArrayList<>();
        for (ThreadRun run : host.runs()) {
            List<Integer> points = points(run);
            extend(run, points, slotPaths, 0, 0, new ArrayList<>());
            options.checkDeadline();
        }
        return new ThreadInterpreter.Paths(out, dropped, influential);
    }

    /** One boundary per event position at which an interrupt may start, first the enabled ones. */
    private List<Integer> points(ThreadRun run) {
        List<ThreadRun.Boundary> bs = run.boundaries();
        List<Integer> chosen = new ArrayList<>();
        int[] byEvents = new int[run.events().size() + 1];
        java.util.Arrays.fill(byEvents, -1);
        for (int k = 0; k < bs.size(); k++) {
            ThreadRun.Boundary b = bs.get(k);
            if (enabledOnly && !b.enabled()) continue;
            int prev = byEvents[b.events()];
            // prefer an enabled boundary as the one shown in reports
            if (prev < 0 || (!bs.get(prev).enabled() && b.enabled())) byEvents[b.events()] = k;
        }
        for (int k : byEvents) if (k >= 0) chosen.add(k);
        return chosen;
    }

    private record Placed(int boundary, ThreadRun run) { }

    /** Inserts slot {@code s} at a point from {@code from} on, or stops taking interrupts. */
    private void extend(ThreadRun run, List<Integer> points, List<ThreadInterpreter.Paths> slotPaths, int s,
                        int from, List<Placed> placed) throws CheckTimeoutException {
        out.add(merge(run, placed));
        // the placements of several interrupts multiply: a large CPU can have millions of runs
        if ((out.size() & 0x3ff) == 0) options.checkDeadline();
        if (s == slots.size()) return;
        for (int p = from; p < points.size(); p++) {
            int boundary = points.get(p);
            if (kills(run, boundary)) continue;
            for (ThreadRun r : slotPaths.get(s).runs()) {
                placed.add(new Placed(boundary, r));
                extend(run, points, slotPaths, s + 1, p, placed);
                placed.remove(placed.size() - 1);
            }
        }
    }

    private static boolean kills(ThreadRun run, int boundary) {
        for (int[] range : run.killRanges()) if (range[0] <= boundary && boundary <= range[1]) return true;
        return false;
    }

    /** The thread's run with the placed slot runs inserted, dependencies renumbered. */
    private ThreadRun merge(ThreadRun run, List<Placed> placed) {
        if (placed.isEmpty()) {
            return new ThreadRun(run.events(), run.registerIndex(), run.values(), run.cut(), run.boundaries(),
                    run.killRanges(), List.of());
        }
        List<ThreadRun.Boundary> bs = run.boundaries();
        List<LocalEvent> events = new ArrayList<>();
        int[] hostIndex = new int[run.events().size()];
        int next = 0;
        boolean cut = run.cut();
        List<ThreadRun.Taken> taken = new ArrayList<>();
        for (int s = 0; s <= placed.size(); s++) {
            int upTo = s < placed.size() ? bs.get(placed.get(s).boundary()).events() : run.events().size();
            for (; next < upTo; next++) {
                hostIndex[next] = events.size();
                events.add(null);
            }
            if (s == placed.size()) break;
            Placed p = placed.get(s);
            int offset = events.size();
            for (LocalEvent e : p.run().events()) events.add(shift(e, offset));
            cut |= p.run().cut();
            ThreadRun.Boundary b = bs.get(p.boundary());
            boolean replayed = b.enabled() && p.boundary() > 0 && !bs.get(p.boundary() - 1).enabled();
            taken.add(new ThreadRun.Taken(b, source(s, p.run()), replayed, !b.enabled()));
        }
        for (int i = 0; i < run.events().size(); i++) events.set(hostIndex[i], renumber(run.events().get(i), hostIndex));
        return new ThreadRun(List.copyOf(events), run.registerIndex(), run.values(), cut, bs, run.killRanges(), taken);
    }

    private String source(int s, ThreadRun r) {
        List<String> names = slotInfo.get(s).sources();
        return names.size() == 1 ? names.get(0) : names.get((int) r.register(InterruptSlots.SOURCE));
    }

    private static LocalEvent shift(LocalEvent e, int offset) {
        return new LocalEvent(e.kind(), e.cell(), e.value(), e.fence(), e.exclusive(), shift(e.addr(), offset),
                shift(e.data(), offset), shift(e.ctrl(), offset), e.instr(), e.further());
    }

    private static BitSet shift(BitSet b, int offset) {
        BitSet out = new BitSet();
        for (int i = b.nextSetBit(0); i >= 0; i = b.nextSetBit(i + 1)) out.set(i + offset);
        return out;
    }

    private static LocalEvent renumber(LocalEvent e, int[] index) {
        return new LocalEvent(e.kind(), e.cell(), e.value(), e.fence(), e.exclusive(), renumber(e.addr(), index),
                renumber(e.data(), index), renumber(e.ctrl(), index), e.instr(), e.further());
    }

    private static BitSet renumber(BitSet b, int[] index) {
        BitSet out = new BitSet();
        for (int i = b.nextSetBit(0); i >= 0; i = b.nextSetBit(i + 1)) out.set(index[i]);
        return out;
    }
}
