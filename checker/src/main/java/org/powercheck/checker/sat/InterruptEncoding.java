package org.powercheck.checker.sat;

import java.util.ArrayList;
import java.util.List;
import org.powercheck.model.interrupts.InterruptSlot;
import org.powercheck.model.interrupts.InterruptSlots;

/**
 * Where each interrupt slot runs inside its CPU's thread, as a choice of the solver
 * (power-model.md 3.3). The slot's code is one copy; only program order between it and the
 * interrupted thread depends on the point, so the encoding grows with the thread's boundaries
 * plus the handler's size, not their product:
 * <ul>
 *   <li>{@code at[s][n]}: slot s runs right after node n of its host's DAG ({@code atStart[s]}:
 *       before the first one); at most one holds along the path taken, and one does exactly
 *       when the slot is taken;</li>
 *   <li>{@code before[s][n]} = "node n runs, and before slot s": the chosen boundary is on the
 *       path after n. A host event at n is po-before the slot's events when it holds, po-after
 *       them when it does not;</li>
 *   <li>slot s+1 is taken only after slot s, at the same point or later;</li>
 *   <li>with enabled points only (the default) a boundary is chosen only where
 *       interrupts are effectively enabled (the soft-masked region's interrupt is replayed at
 *       the first enabled boundary, so it is such a point too).</li>
 * </ul>
 * Delivery: no two deliveries read the same trigger, and a trigger still pending at the end
 * of a thread that ends enabled must have been taken: by a free slot, or the execution is cut
 * by the interrupt bound.
 */
final class InterruptEncoding {
    private final Circuit c;
    private final List<ThreadProgram> threads;
    private final SymbolicExecution exec;
    final List<InterruptSlot> slots;
    /** the first thread index that is a slot: slot s is thread {@code firstSlot + s} */
    final int firstSlot;
    final int[] atStart;
    final int[][] at;
    final int[][] before;
    /** some execution needs more interrupts than the bound gives (FALSE when none can) */
    int interruptCut = Circuit.FALSE;

    InterruptEncoding(Circuit c, List<ThreadProgram> threads, SymbolicExecution exec, List<InterruptSlot> slots,
                      boolean enabledOnly) {
        this.c = c;
        this.threads = threads;
        this.exec = exec;
        this.slots = slots;
        this.firstSlot = threads.size() - slots.size();
        int ns = slots.size();
        atStart = new int[ns];
        at = new int[ns][];
        before = new int[ns][];
        for (int s = 0; s < ns; s++) place(s, enabledOnly);
        for (int s = 1; s < ns; s++) {
            InterruptSlot prev = slots.get(s - 1), cur = slots.get(s);
            if (prev.host() != cur.host()) continue;
            c.clause(-taken(s), taken(s - 1));
            // slot s-1 runs no later than slot s: whatever runs before s-1 runs before s too
            for (int n = 0; n < before[s].length; n++) c.clause(-taken(s), -before[s - 1][n], before[s][n]);
            c.clause(-atStart[s], atStart[s - 1]);
        }
    }

    boolean any() {
        return !slots.isEmpty();
    }

    /** The CPU a thread runs on: its own index, or its host's for a slot. */
    int cpu(int thread) {
        return thread >= firstSlot && thread >= 0 ? slots.get(thread - firstSlot).host() : thread;
    }

    /** The slot number of a thread, or -1 for a CPU's own thread. */
    int slot(int thread) {
        return thread >= firstSlot ? thread - firstSlot : -1;
    }

    int taken(int s) {
        return exec.startGuard[firstSlot + s];
    }

    /** Program order between two events of one CPU, at least one of them in a slot (FALSE if never). */
    int po(Event x, Event y) {
        int sx = slot(x.thread), sy = slot(y.thread);
        if (sx < 0 && sy >= 0) return c.and(c.and(x.guard, y.guard), before[sy][x.node]);
        if (sx >= 0 && sy < 0) return c.and(c.and(x.guard, y.guard), -before[sx][y.node]);
        if (sx >= 0 && sy >= 0 && sx < sy) return c.and(x.guard, y.guard);
        return Circuit.FALSE;
    }

    /** Whether {@link #po} can hold for these two events of different threads. */
    boolean mayPo(Event x, Event y) {
        if (x.isInit() || y.isInit() || x.thread == y.thread || cpu(x.thread) != cpu(y.thread)) return false;
        int sx = slot(x.thread), sy = slot(y.thread);
        return sx < 0 || sy < 0 || sx < sy;
    }

    private void place(int s, boolean enabledOnly) {
        int host = slots.get(s).host();
        ThreadDag dag = threads.get(host).dag;
        int n = dag.size();
        int taken = taken(s);
        at[s] = new int[n];
        before[s] = new int[n];
        atStart[s] = c.newVar();
        c.clause(-atStart[s], taken);
        if (enabledOnly) c.clause(-atStart[s], initiallyEnabled(host));
        List<Integer> choices = new ArrayList<>();
        for (int node = n - 1; node >= 0; node--) {
            int[] eg = exec.edgeGuard[host][node];
            if (node == dag.exit || node == dag.cut || eg == null) {
                at[s][node] = Circuit.FALSE;
                before[s][node] = Circuit.FALSE;
                continue;
            }
            int a = c.newVar();
            at[s][node] = a;
            c.clause(-a, taken);
            c.clause(-a, nodeGuard(eg));
            if (enabledOnly) c.clause(-a, exec.enabledAfter[host][node]);
            int later = Circuit.FALSE;
            int[] succ = dag.succ[node];
            for (int k = 0; k < succ.length; k++) {
                int downstream = c.and(eg[k], before[s][succ[k]]);
                // at most one point along the path: not here and again further on
                c.clause(-a, -downstream);
                later = c.or(later, downstream);
            }
            before[s][node] = c.or(a, later);
            choices.add(node);
        }
        int first = before[s][0];
        c.clause(-atStart[s], -first);
        c.clause(-taken, atStart[s], first);
        c.clause(-first, taken);
    }

    /** A node runs when one of its out-edges is taken (its guard is their disjunction). */
    private int nodeGuard(int[] edgeGuards) {
        int g = Circuit.FALSE;
        for (int e : edgeGuards) g = c.or(g, e);
        return g;
    }

    private int initiallyEnabled(int host) {
        ThreadProgram tp = threads.get(host);
        int soft = tp.reg(org.powercheck.ir.Reg.IRQ_SOFT_MASK), hard = tp.reg(org.powercheck.ir.Reg.IRQ_HARD_DISABLED);
        boolean on = (soft < 0 || tp.initValues[soft] == 0) && (hard < 0 || tp.initValues[hard] == 0);
        return on ? Circuit.TRUE : Circuit.FALSE;
    }

    /**
     * The reservation of the interrupted context does not survive an interrupt (the exit path's
     * {@code stdcx.}): a store-conditional paired with a load-reserve before the point fails.
     */
    void killReservations(List<Event> events) {
        for (Event w : events) {
            if (!w.write || !w.exclusive || w.isInit() || slot(w.thread) >= 0) continue;
            for (int s = 0; s < slots.size(); s++) {
                if (slots.get(s).host() != w.thread) continue;
                for (int i = 0; i < w.rmw.events.length; i++) {
                    Event r = events.get(w.rmw.events[i]);
                    c.clause(-w.rmw.lits[i], -before[s][r.node], before[s][w.node]);
                }
            }
        }
    }

    /** The delivery rules over reads-from and coherence (see the class comment). */
    void deliver(List<Event> events, MemoryEncoding mem, org.powercheck.ir.Locations locations) {
        List<Integer> hosts = new ArrayList<>();
        for (InterruptSlot sl : slots) if (!hosts.contains(sl.host())) hosts.add(sl.host());
        for (int host : hosts) {
            List<Integer> hostSlots = new ArrayList<>();
            List<String> cells = List.of();
            for (int s = 0; s < slots.size(); s++) {
                if (slots.get(s).host() == host) {
                    hostSlots.add(s);
                    cells = slots.get(s).triggerCells();
                }
            }
            List<Event> deliveries = new ArrayList<>();
            for (Event e : events) {
                if (e.read && !e.isInit() && cpu(e.thread) == host && slot(e.thread) >= 0 && e.instr
                        instanceof org.powercheck.ir.Instr.Load l && l.dst().equals(InterruptSlots.DELIVERY)) {
                    deliveries.add(e);
                }
            }
            int pending = Circuit.FALSE;
            for (String name : cells) {
                // a trigger cell is a whole-width pseudo-location: one location
                int cell = locations.first(locations.layout().indexOf(name));
                for (Event w : events) {
                    int here = w.write ? w.cellLit(cell) : Circuit.FALSE;
                    if (here == Circuit.FALSE) continue;
                    int[] readers = new int[deliveries.size()];
                    for (int d = 0; d < deliveries.size(); d++) readers[d] = mem.rf.get(w.id, deliveries.get(d).id);
                    c.atMostOne(readers, readers.length);
                    int read = c.or(readers.clone(), readers.length);
                    int last = c.and(here, mem.coLast[w.id]);
                    pending = c.or(pending, c.and(c.and(last, w.value.nonZero(c)), -read));
                }
            }
            if (pending == Circuit.FALSE) continue;
            int stuck = c.and(c.and(pending, exec.exitGuard[host]), exec.enabledAtEnd[host]);
            int allUsed = hostSlots.isEmpty() ? Circuit.TRUE : taken(hostSlots.get(hostSlots.size() - 1));
            c.clause(-stuck, allUsed);
            interruptCut = c.or(interruptCut, stuck);
        }
    }
}
