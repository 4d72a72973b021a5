package org.powercheck.checker.sat;

import java.util.ArrayList;
import java.util.List;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Layout;
import org.powercheck.ir.Locations;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.Undetermined;
import org.powercheck.ir.Width;

/**
 * Runs every thread's DAG symbolically, in topological order: each node gets a guard (the
 * path condition), registers are guarded value maps with guarded dependency sets, merged where
 * paths join. Creates the events (initial writes first) with their guards, addresses, values
 * and dependencies. The loaded values are fresh one-hot variables over the load's domain from
 * {@link ValueAnalysis}; {@link MemoryEncoding} ties them to reads-from. Control dependencies
 * are collected per branch ({@link ControlDeps}).
 */
final class SymbolicExecution {
    final Circuit c;
    final Layout layout;
    final List<ThreadProgram> threads;
    final List<Event> events = new ArrayList<>();
    /** per thread: guard of reaching the end */
    final int[] exitGuard;
    /** per thread: guard of exceeding the unrolling bound (FALSE when impossible) */
    final int[] cutGuard;
    /** control dependencies, from the conditional branches */
    final ControlDeps control = new ControlDeps();
    /** per thread: register values at the end */
    final ValueMap[][] finalRegs;
    /** load domains and node liveness */
    private final ValueAnalysis values;
    /**
     * per thread: the guard under which it starts (TRUE, or for an interrupt slot the fresh
     * variable "this interrupt is taken")
     */
    final int[] startGuard;
    /** per thread, per DAG node, per successor: the guard of taking that edge (FALSE when dead) */
    final int[][][] edgeGuard;
    /**
     * per interruptible thread, per DAG node: "interrupts are effectively enabled" just before
     * and just after the node's instruction (null for other threads); and at the end
     */
    final int[][] enabledBefore, enabledAfter;
    final int[] enabledAtEnd;
    /** accesses that are not exactly one whole cell */
    private final MixedAccesses mixed;
    /** what becomes of an access that is no access (outside every cell, misaligned) */
    final Faults faults;
    private int currentThread;
    /** the path condition of the node being stepped */
    private int currentNodeGuard;

    /** An edge into a node: taken under {@code guard}, carrying the state after its source. */
    private record Incoming(int guard, State state) { }

    /** Register state of one program point; copied when an instruction changes it. */
    private static final class State {
        ValueMap[] vals;
        EventMap[] deps;
        EventMap reservation = EventMap.EMPTY;
        EventMap lastExclusive = EventMap.EMPTY;

        State copy() {
            State s = new State();
            s.vals = vals.clone();
            s.deps = deps.clone();
            s.reservation = reservation;
            s.lastExclusive = lastExclusive;
            return s;
        }
    }

    /**
     * @param optional      per thread: it runs only under a fresh start guard (an interrupt slot)
     * @param interruptible per thread: record where interrupts are enabled (a CPU with sources)
     */
    SymbolicExecution(Circuit c, Layout layout, List<ThreadProgram> threads, ValueAnalysis values,
                      boolean[] optional, boolean[] interruptible, Faults faults) {
        this.c = c;
        this.layout = layout;
        this.threads = threads;
        this.values = values;
        this.faults = faults;
        Locations locations = values.locations;
        this.mixed = new MixedAccesses(c, locations, events);
        int nt = threads.size();
        exitGuard = new int[nt];
        cutGuard = new int[nt];
        finalRegs = new ValueMap[nt][];
        startGuard = new int[nt];
        edgeGuard = new int[nt][][];
        enabledBefore = new int[nt][];
        enabledAfter = new int[nt][];
        enabledAtEnd = new int[nt];
        for (int t = 0; t < nt; t++) {
            startGuard[t] = optional[t] ? c.newVar() : Circuit.TRUE;
            int n = threads.get(t).dag.size();
            edgeGuard[t] = new int[n][];
            if (interruptible[t]) {
                enabledBefore[t] = new int[n];
                enabledAfter[t] = new int[n];
                java.util.Arrays.fill(enabledBefore[t], Circuit.FALSE);
                java.util.Arrays.fill(enabledAfter[t], Circuit.FALSE);
            }
        }
        for (int loc = 0; loc < locations.size(); loc++) {
            Event iw = new Event(events.size(), -1, -1, null, false, true, false, null);
            iw.guard = Circuit.TRUE;
            iw.cells = new int[] {loc};
            iw.cellLits = new int[] {Circuit.TRUE};
            iw.value = ValueMap.constant(locations.initialValue(loc));
            events.add(iw);
        }
        for (int t = 0; t < nt; t++) runThread(t);
    }

    private void runThread(int t) {
        currentThread = t;
        ThreadProgram tp = threads.get(t);
        ThreadDag dag = tp.dag;
        int n = dag.size();
        List<List<Incoming>> incoming = new ArrayList<>(n);
        for (int i = 0; i < n; i++) incoming.add(null);
        control.addThread(n);
        State init = new State();
        init.vals = new ValueMap[tp.regs.length];
        init.deps = new EventMap[tp.regs.length];
        for (int r = 0; r < tp.regs.length; r++) {
            init.vals[r] = ValueMap.constant(tp.initValues[r]);
            init.deps[r] = EventMap.EMPTY;
        }
        exitGuard[t] = Circuit.FALSE;
        cutGuard[t] = Circuit.FALSE;
        finalRegs[t] = init.vals;
        enabledAtEnd[t] = Circuit.FALSE;
        for (int node = 0; node < n; node++) {
            int g;
            State st;
            if (node == 0) {
                g = startGuard[t];
                st = init;
            } else {
                List<Incoming> in = incoming.get(node);
                if (in == null) continue;
                incoming.set(node, null);
                // The value analysis over-approximates every execution: a node it never reaches
                // has an unsatisfiable guard even when the formula does not fold to FALSE.
                if (!values.live[t][node]) continue;
                int k = in.size();
                int[] edges = new int[k];
                State[] states = new State[k];
                for (int i = 0; i < k; i++) {
                    edges[i] = in.get(i).guard();
                    states[i] = in.get(i).state();
                }
                g = c.or(edges.clone(), k);
                if (g == Circuit.FALSE) continue;
                // A dead end's state is never read: its paths all end in an assume(0).
                st = k == 1 || deadEnd(dag, node) ? states[0] : merge(edges, states);
            }
            if (node == dag.exit) {
                exitGuard[t] = g;
                finalRegs[t] = st.vals;
                if (enabledBefore[t] != null) enabledAtEnd[t] = enabled(tp, st);
                continue;
            }
            if (node == dag.cut) {
                cutGuard[t] = g;
                continue;
            }
            currentNodeGuard = g;
            step(t, tp, node, g, st, incoming);
        }
        control.finishThread(dag);
    }

    /** Whether every path from the node meets an {@code assume(0)} after labels only. */
    private static boolean deadEnd(ThreadDag dag, int node) {
        while (true) {
            Instr in = dag.instr(node);
            if (in instanceof Instr.Assume a) return a.cond() instanceof org.powercheck.ir.Expr.Const k && k.value() == 0;
            if (!(in instanceof Instr.Label) || dag.succ[node].length != 1) return false;
            node = dag.succ[node][0];
        }
    }

    private State merge(int[] edges, State[] states) {
        int k = states.length;
        State out = new State();
        int nr = states[0].vals.length;
        out.vals = new ValueMap[nr];
        out.deps = new EventMap[nr];
        ValueMap[] vm = new ValueMap[k];
        EventMap[] em = new EventMap[k];
        for (int r = 0; r < nr; r++) {
            for (int i = 0; i < k; i++) vm[i] = states[i].vals[r];
            out.vals[r] = ValueMap.merge(c, edges, vm);
            for (int i = 0; i < k; i++) em[i] = states[i].deps[r];
            out.deps[r] = EventMap.merge(c, edges, em);
        }
        for (int i = 0; i < k; i++) em[i] = states[i].reservation;
        out.reservation = EventMap.merge(c, edges, em);
        for (int i = 0; i < k; i++) em[i] = states[i].lastExclusive;
        out.lastExclusive = EventMap.merge(c, edges, em);
        return out;
    }

    private void step(int t, ThreadProgram tp, int node, int g, State st, List<List<Incoming>> incoming) {
        ThreadDag dag = tp.dag;
        Instr instr = dag.instr(node);
        int p = dag.pc[node];
        State out = st;
        int takenGuard = g, fallGuard = g;
        switch (instr) {
            case Instr.Load l -> {
                ValueMap a = eval(tp.address[p], st, l.pos());
                g = rejectInvalid(a, l.width(), g, l.pos());
                if (mixed.split(a, l.width())) {
                    MixedAccesses.Load ml = mixed.load(t, node, l, a, g, deps(tp.address[p], st),
                            values.partDomain[t][node]);
                    out = st.copy();
                    out.vals[tp.dst[p]] = ml.register();
                    out.deps[tp.dst[p]] = ml.deps();
                    if (l.reserve()) {
                        out.reservation = ml.first();
                        out.lastExclusive = ml.deps();
                    }
                    break;
                }
                Event e = newEvent(t, node, instr, true, false, l.reserve(), null, g);
                address(e, a, l.width(), g);
                e.addr = deps(tp.address[p], st);
                long[] dom = values.readDomain[t][node];
                ValueMap.Builder mem = new ValueMap.Builder();
                ValueMap.Builder reg = new ValueMap.Builder();
                for (long m : dom) {
                    int x = dom.length == 1 ? Circuit.TRUE : c.newVar();
                    mem.add(m, x);
                    reg.add(l.width().extend(m, l.signed()), x);
                }
                e.value = mem.build(c);
                out = st.copy();
                out.vals[tp.dst[p]] = reg.build(c);
                out.deps[tp.dst[p]] = EventMap.of(e.id, Circuit.TRUE);
                if (l.reserve()) {
                    out.reservation = EventMap.of(e.id, Circuit.TRUE);
                    out.lastExclusive = out.reservation;
                }
            }
            case Instr.Store s -> {
                ValueMap a = eval(tp.address[p], st, s.pos());
                g = rejectInvalid(a, s.width(), g, s.pos());
                if (mixed.split(a, s.width())) {
                    mixed.store(t, node, instr, false, a, s.width(), eval(tp.value[p], st, s.pos()), g,
                            deps(tp.address[p], st), deps(tp.value[p], st));
                    break;
                }
                Event e = newEvent(t, node, instr, false, true, false, null, g);
                address(e, a, s.width(), g);
                e.addr = deps(tp.address[p], st);
                e.data = deps(tp.value[p], st);
                e.value = truncate(eval(tp.value[p], st, s.pos()), s.width());
            }
            case Instr.StoreConditional s -> {
                ValueMap addr = eval(tp.address[p], st, s.pos());
                int held = Circuit.FALSE;
                EventMap res = st.reservation;
                for (int i = 0; i < res.events.length; i++) {
                    Event r = events.get(res.events[i]);
                    int[] same = new int[r.cells.length];
                    for (int k = 0; k < r.cells.length; k++) {
                        same[k] = c.and(r.cellLits[k], addr.eq(values.locations.addressOf(r.cells[k])));
                    }
                    held = c.or(held, c.and(res.lits[i], c.or(same, r.cells.length)));
                }
                int success = held == Circuit.FALSE ? Circuit.FALSE : c.newVar();
                c.clause(-success, g);
                c.clause(-success, held);
                g = rejectInvalid(addr, s.width(), g, s.pos());
                if (faults.diagnosing()) c.clause(-success, g);
                out = st.copy();
                EventMap statusDeps = EventMap.union(c, deps(tp.value[p], st), deps(tp.address[p], st));
                if (success != Circuit.FALSE) {
                    Event[] parts;
                    if (mixed.split(addr, s.width())) {
                        parts = mixed.store(t, node, instr, true, addr, s.width(), eval(tp.value[p], st, s.pos()),
                                success, deps(tp.address[p], st), deps(tp.value[p], st));
                    } else {
                        Event e = newEvent(t, node, instr, false, true, true, null, success);
                        address(e, addr, s.width(), success);
                        e.addr = deps(tp.address[p], st);
                        e.data = deps(tp.value[p], st);
                        e.value = truncate(eval(tp.value[p], st, s.pos()), s.width());
                        parts = new Event[] {e};
                    }
                    EventMap last = st.lastExclusive;
                    EventMap.Builder rmw = new EventMap.Builder();
                    for (int i = 0; i < last.events.length; i++) {
                        Event x = events.get(last.events[i]);
                        if (x.read) rmw.add(x.id, c.and(success, last.lits[i]));
                    }
                    EventMap written = EventMap.EMPTY;
                    for (Event e : parts) {
                        e.rmw = rmw.build();
                        written = EventMap.union(c, written, EventMap.of(e.id, success));
                    }
                    out.lastExclusive = EventMap.union(c, written, last.restrict(c, -success));
                }
                out.reservation = EventMap.EMPTY;
                out.vals[tp.dst[p]] = new ValueMap.Builder().add(0, success).add(1, -success).build(c);
                out.deps[tp.dst[p]] = statusDeps;
            }
            case Instr.Fence f -> newEvent(t, node, instr, false, false, false, f.kind(), g);
            case Instr.Marker m -> {
                Event e = newEvent(t, node, instr, false, false, false, null, g);
                if (m.located()) {
                    // a location, no access: an address outside every cell leaves it at none
                    address(e, eval(tp.address[p], st, m.pos()), m.width(), g);
                }
                if (m.data() != null) e.data = deps(tp.value[p], st);
            }
            case Instr.Assign a -> {
                out = st.copy();
                out.vals[tp.dst[p]] = eval(tp.value[p], st, a.pos());
                out.deps[tp.dst[p]] = deps(tp.value[p], st);
            }
            case Instr.Label l -> { }
            case Instr.Branch b -> {
                if (!b.unconditional()) {
                    ValueMap k = eval(tp.cond[p], st, b.pos());
                    int cond = k.nonZero(c);
                    // an undetermined condition goes either way (herd's symbolic branch): a free choice
                    int u = k.eq(Undetermined.VALUE);
                    if (u != Circuit.FALSE) cond = c.or(cond, c.and(u, c.newVar()));
                    takenGuard = c.and(g, cond);
                    fallGuard = c.and(g, -cond);
                    control.addBranch(node, g, deps(tp.cond[p], st), b.scopeEnd() == null ? -1 : labelPc(tp, b.scopeEnd()));
                }
            }
            case Instr.Assume a -> {
                ValueMap k = eval(tp.cond[p], st, a.pos());
                int holds = c.or(k.nonZero(c), k.eq(Undetermined.VALUE));
                c.clause(-g, holds);
                // nothing follows an assume that never holds (its state need not be merged on)
                if (holds == Circuit.FALSE) g = Circuit.FALSE;
            }
            case Instr.Havoc h -> {
                // exactly one of the choices, as a one-hot group of fresh variables
                long[] vals = ValueAnalysis.havocValues(h, layout);
                int[] lits = new int[vals.length];
                ValueMap.Builder b = new ValueMap.Builder();
                for (int i = 0; i < vals.length; i++) {
                    lits[i] = vals.length == 1 ? Circuit.TRUE : c.newVar();
                    b.add(vals[i], lits[i]);
                }
                if (vals.length > 1) {
                    int[] some = java.util.Arrays.copyOf(lits, vals.length + 1);
                    some[vals.length] = -g;
                    c.clause(some);
                    for (int i = 0; i < vals.length; i++) {
                        for (int j = i + 1; j < vals.length; j++) c.clause(-lits[i], -lits[j]);
                    }
                }
                out = st.copy();
                out.vals[tp.dst[p]] = b.build(c);
                out.deps[tp.dst[p]] = EventMap.EMPTY;
            }
        }
        if (enabledBefore[t] != null) {
            enabledBefore[t][node] = enabled(tp, st);
            enabledAfter[t][node] = enabled(tp, out);
        }
        int[] succ = dag.succ[node];
        edgeGuard[t][node] = new int[succ.length];
        for (int k = 0; k < succ.length; k++) {
            int kind = dag.succKind[node][k];
            int eg = kind == ThreadDag.TAKEN ? takenGuard : kind == ThreadDag.FALL ? fallGuard : g;
            edgeGuard[t][node][k] = eg;
            if (eg == Circuit.FALSE) continue;
            List<Incoming> in = incoming.get(succ[k]);
            if (in == null) {
                in = new ArrayList<>(2);
                incoming.set(succ[k], in);
            }
            in.add(new Incoming(eg, out));
        }
    }

    /** Interrupts are effectively enabled in this state: soft mask clear and MSR[EE] set. */
    private int enabled(ThreadProgram tp, State st) {
        return c.and(clear(tp, st, org.powercheck.ir.Reg.IRQ_SOFT_MASK), clear(tp, st, org.powercheck.ir.Reg.IRQ_HARD_DISABLED));
    }

    private static int clear(ThreadProgram tp, State st, org.powercheck.ir.Reg r) {
        int i = tp.reg(r);
        return i < 0 ? Circuit.TRUE : st.vals[i].eq(0);
    }

    /** The index of a label in a thread's code. */
    private static int labelPc(ThreadProgram tp, String label) {
        java.util.List<Instr> code = tp.dag.thread.code();
        for (int i = 0; i < code.size(); i++) {
            if (code.get(i) instanceof Instr.Label l && l.name().equals(label)) return i;
        }
        throw new IllegalArgumentException("no label " + label);
    }

    private Event newEvent(int t, int node, Instr instr, boolean read, boolean write, boolean excl,
                           org.powercheck.ir.FenceKind fence, int guard) {
        Event e = new Event(events.size(), t, node, instr, read, write, excl, fence);
        e.guard = guard;
        e.atNode = guard == currentNodeGuard;
        events.add(e);
        return e;
    }

    /**
     * An access to a value that is no access (outside every cell, misaligned) invalidates the
     * execution; {@link Faults} says how. Returns the guard the access and its successors run under.
     */
    private int rejectInvalid(ValueMap a, Width w, int g, SourcePos pos) {
        int[] bad = new int[a.values.length];
        int n = 0;
        for (int i = 0; i < a.values.length; i++) {
            if (mixed.valid(a.values[i], w)) continue;
            if (!faults.diagnosing()) {
                c.clause(-g, -a.lits[i]);
                continue;
            }
            bad[n++] = a.lits[i];
            faults.note(currentThread, c.and(g, a.lits[i]), pos, values.locations.fault(a.values[i], w));
        }
        return n == 0 ? g : c.and(g, -c.or(bad, n));
    }

    private void address(Event e, ValueMap a, Width w, int g) {
        int[] cells = new int[a.values.length];
        int[] lits = new int[a.values.length];
        int n = 0;
        for (int i = 0; i < a.values.length; i++) {
            int cell = mixed.wholeCell(a.values[i], w);
            if (cell < 0) continue;
            int lit = c.and(g, a.lits[i]);
            if (lit == Circuit.FALSE) continue;
            cells[n] = cell;
            lits[n++] = lit;
        }
        e.cells = java.util.Arrays.copyOf(cells, n);
        e.cellLits = java.util.Arrays.copyOf(lits, n);
    }

    private EventMap deps(RegExpr e, State st) {
        EventMap out = EventMap.EMPTY;
        for (int r : e.regs) out = EventMap.union(c, out, st.deps[r]);
        return out;
    }

    private ValueMap truncate(ValueMap v, org.powercheck.ir.Width w) {
        if (w.bits == 64) return v;
        ValueMap.Builder b = new ValueMap.Builder();
        for (int i = 0; i < v.values.length; i++) b.add(w.truncate(v.values[i]), v.lits[i]);
        return b.build(c);
    }

    /** The guarded values of {@code e}: one entry per joint assignment of its registers. */
    private ValueMap eval(RegExpr e, State st, SourcePos pos) {
        int[] regs = e.regs;
        if (regs.length == 0) return ValueMap.constant(e.constant());
        ValueMap[] maps = new ValueMap[regs.length];
        long combos = 1;
        for (int k = 0; k < regs.length; k++) {
            maps[k] = st.vals[regs[k]];
            combos = Math.min(combos * maps[k].size(), Long.MAX_VALUE / 1024);
        }
        if (combos == 0) return new ValueMap.Builder().build(c);
        if (combos > ValueAnalysis.MAX_COMBINATIONS) {
            try {
                return e.evalMaps(c, st.vals, ValueAnalysis.MAX_COMBINATIONS);
            } catch (RegExpr.TooMany t) {
                throw ValueAnalysis.tooMany(pos);
            }
        }
        if (regs.length == 1) {
            ValueMap m = maps[0];
            long[] assign = new long[st.vals.length];
            ValueMap.Builder b = new ValueMap.Builder();
            for (int i = 0; i < m.values.length; i++) {
                assign[regs[0]] = m.values[i];
                b.add(e.eval(assign), m.lits[i]);
            }
            return b.build(c);
        }
        long[] assign = new long[st.vals.length];
        int[] idx = new int[regs.length];
        int[] conj = new int[regs.length];
        ValueMap.Builder b = new ValueMap.Builder();
        while (true) {
            for (int k = 0; k < regs.length; k++) {
                assign[regs[k]] = maps[k].values[idx[k]];
                conj[k] = maps[k].lits[idx[k]];
            }
            int lit = c.and(conj, regs.length);
            if (lit != Circuit.FALSE) b.add(e.eval(assign), lit);
            int k = 0;
            while (k < regs.length && ++idx[k] == maps[k].size()) idx[k++] = 0;
            if (k == regs.length) break;
        }
        return b.build(c);
    }
}
