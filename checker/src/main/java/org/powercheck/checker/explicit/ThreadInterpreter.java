package org.powercheck.checker.explicit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.CheckTimeoutException;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Layout;
import org.powercheck.ir.Locations;
import org.powercheck.ir.Reg;
import org.powercheck.ir.ThreadCode;
import org.powercheck.checker.EngineLimitException;
import org.powercheck.ir.Undetermined;
import org.powercheck.ir.Width;

/**
 * Enumerates the concrete runs of one thread: every load takes each value its cell may hold
 * (from a {@link ValueDomain}), every store-conditional both fails and, when the reservation
 * allows it, succeeds; branches follow the concrete values. Dependencies are tracked through
 * registers as herd does: each register carries the reads its value was computed from.
 */
final class ThreadInterpreter implements PathSource {
    /** Beyond this many runs of one thread the explicit engine would exhaust memory long before time. */
    static final int MAX_RUNS = 300_000;

    private final ThreadCode thread;
    private final Layout layout;
    private final CheckOptions options;
    private final List<Instr> code;
    private final Map<String, Integer> labels = new HashMap<>();
    private final Map<Reg, Integer> regIndex = new LinkedHashMap<>();
    /** the same, read-only, shared by the runs */
    private final Map<Reg, Integer> registerIndex = Collections.unmodifiableMap(regIndex);
    private final Map<Expr, int[]> exprRegs = new IdentityHashMap<>();
    private static final int NONE = -1;
    private static final int SPLIT = -2;
    private Locations locations;
    /** accesses the locations did not tile, since {@link #useLocations} */
    final List<Locations.Span> untiled = new ArrayList<>();
    private ValueDomain domain;
    /** see {@link PathSource#paths(ValueDomain, boolean)} */
    private boolean freeControl;
    private List<ThreadRun> runs;
    private List<List<LocalEvent>> dropped;
    private int mostInfluential;
    private long steps;
    /** record the run's instruction boundaries: the thread may be interrupted */
    private boolean interruptible;
    private int softMask = -1, hardDisabled = -1;

    ThreadInterpreter(ThreadCode thread, Layout layout, CheckOptions options) {
        this.thread = thread;
        this.layout = layout;
        this.options = options;
        this.locations = Locations.whole(layout);
        this.code = thread.code();
        for (int pc = 0; pc < code.size(); pc++) {
            if (code.get(pc) instanceof Instr.Label l) labels.put(l.name(), pc);
        }
        thread.registerInit().keySet().forEach(this::index);
        for (Instr in : code) {
            switch (in) {
                case Instr.Load l -> index(l.dst());
                case Instr.Assign a -> index(a.dst());
                case Instr.StoreConditional sc -> index(sc.status());
                case Instr.Havoc h -> index(h.dst());
                case Instr.Store s -> { }
                case Instr.Fence f -> { }
                case Instr.Marker m -> { }
                case Instr.Label l -> { }
                case Instr.Branch b -> {
                    if (!labels.containsKey(b.target())) {
                        throw new IllegalArgumentException(b.pos() + ": no label " + b.target());
                    }
                }
                case Instr.Assume a -> { }
            }
        }
    }

    /** Records every run's instruction boundaries, for the interrupts its CPU may take. */
    void recordBoundaries() {
        interruptible = true;
        Integer soft = regIndex.get(Reg.IRQ_SOFT_MASK), hard = regIndex.get(Reg.IRQ_HARD_DISABLED);
        softMask = soft == null ? -1 : soft;
        hardDisabled = hard == null ? -1 : hard;
    }

    private void index(Reg r) {
        regIndex.putIfAbsent(r, regIndex.size());
    }

    /**
     * The paths of the thread when loads may return any value of {@code domain}.
     *
     * @param runs    the runs, complete or cut by the bound
     * @param dropped the events of the paths given up before their end (an access to a value
     *                that is no cell's address, a failed assume): they are no executions, but
     *                their writes may make other values readable, which the domain must know
     * @param mostInfluential the most reads that one path's writes depend on (see {@link State#influence})
     */
    record Paths(List<ThreadRun> runs, List<List<LocalEvent>> dropped, int mostInfluential) { }

    /** The locations that loads and stores access from now on. */
    void useLocations(Locations locations) {
        this.locations = locations;
        untiled.clear();
    }

    @Override
    public Paths paths(ValueDomain domain) throws CheckTimeoutException {
        return paths(domain, false);
    }

    @Override
    public Paths paths(ValueDomain domain, boolean freeControl) throws CheckTimeoutException {
        this.freeControl = freeControl;
        this.domain = domain;
        this.runs = new ArrayList<>();
        this.dropped = new ArrayList<>();
        this.mostInfluential = 0;
        State start = new State(regIndex.size(), code.size());
        thread.registerInit().forEach((r, e) -> start.values[regIndex.get(r)] = layout.valueOf(e));
        if (interruptible) {
            start.boundaries = new ArrayList<>();
            start.killRanges = new ArrayList<>();
        }
        explore(start);
        return new Paths(runs, dropped, mostInfluential);
    }

    /** A scoped branch's statement being executed: at {@code endPc} the control goes back to {@code saved}. */
    private record Scope(int endPc, BitSet saved, Scope outer) { }

    /** The mutable state of a run in progress; copied at every nondeterministic choice. */
    private static final class State {
        int pc;
        final long[] values;
        final BitSet[] deps;
        BitSet ctrl = new BitSet();
        /** scoped branches being inside (LKMM): where each ends and the control before it */
        Scope scopes;
        /**
         * The reads that decide which writes the path makes and what they write: those of
         * branch and assume conditions and of every address (an access elsewhere than a cell
         * drops the path), and those stored values depend on.
         */
        BitSet influence = new BitSet();
        List<LocalEvent> events = new ArrayList<>();
        /** address of the reservation, valid when {@code reserved} */
        long reservation;
        boolean reserved;
        final int[] taken;
        /** the instruction boundaries so far, when the thread may be interrupted */
        List<ThreadRun.Boundary> boundaries;
        /** the boundary right after the load that made the reservation */
        int reservedAt;
        /** the instruction being executed (the boundary after it comes next) */
        Instr executing;
        List<int[]> killRanges;

        State(int registers, int instructions) {
            values = new long[registers];
            deps = new BitSet[registers];
            Arrays.fill(deps, new BitSet());
            taken = new int[instructions];
        }

        private State(State o) {
            pc = o.pc;
            values = o.values.clone();
            deps = o.deps.clone();
            ctrl = o.ctrl;
            scopes = o.scopes;
            influence = o.influence;
            events = new ArrayList<>(o.events);
            reservation = o.reservation;
            reserved = o.reserved;
            taken = o.taken.clone();
            if (o.boundaries != null) {
                boundaries = new ArrayList<>(o.boundaries);
                killRanges = new ArrayList<>(o.killRanges);
            }
            reservedAt = o.reservedAt;
            executing = o.executing;
        }

        State copy() {
            return new State(this);
        }
    }

    private void explore(State s) throws CheckTimeoutException {
        while (true) {
            if ((++steps & 0xfff) == 0) options.checkDeadline();
            if (s.boundaries != null) {
                // the boundary after s.executing (before the first instruction: null)
                s.boundaries.add(new ThreadRun.Boundary(s.events.size(), enabled(s), s.executing));
                if (s.pc < code.size()) s.executing = code.get(s.pc);
            }
            if (s.pc >= code.size()) {
                finish(s, false);
                return;
            }
            Instr instr = code.get(s.pc);
            switch (instr) {
                case Instr.Load l -> {
                    long address = eval(l.address(), s);
                    int cell = location(address, l.width());
                    if (cell < 0) {
                        if (cell == SPLIT) splitLoad(s, l, address);
                        else drop(s, deps(l.address(), s));
                        return;
                    }
                    BitSet addrDeps = deps(l.address(), s);
                    s.influence = union(s.influence, addrDeps);
                    for (long v : domain.values(cell)) {
                        State c = s.copy();
                        BitSet self = new BitSet();
                        self.set(c.events.size());
                        c.events.add(new LocalEvent(LocalEvent.Kind.READ, cell, v, null, l.reserve(),
                                addrDeps, new BitSet(), c.ctrl, l));
                        int dst = regIndex.get(l.dst());
                        c.values[dst] = l.width().extend(v, l.signed());
                        c.deps[dst] = self;
                        if (l.reserve()) reserve(c, address);
                        c.pc++;
                        explore(c);
                    }
                    return;
                }
                case Instr.Store st -> {
                    long address = eval(st.address(), s);
                    int cell = location(address, st.width());
                    if (cell == NONE) {
                        drop(s, deps(st.address(), s));
                        return;
                    }
                    long v = st.width().truncate(eval(st.value(), s));
                    BitSet addrDeps = deps(st.address(), s);
                    BitSet dataDeps = deps(st.value(), s);
                    s.influence = union(s.influence, union(addrDeps, dataDeps));
                    if (cell == SPLIT) {
                        splitWrite(s, st, address, st.width(), v, false, addrDeps, dataDeps);
                    } else {
                        s.events.add(new LocalEvent(LocalEvent.Kind.WRITE, cell, v, null, false,
                                addrDeps, dataDeps, s.ctrl, st));
                    }
                    s.pc++;
                }
                case Instr.StoreConditional sc -> {
                    long address = eval(sc.address(), s);
                    int cell = location(address, sc.width());
                    if (cell == NONE) {
                        drop(s, deps(sc.address(), s));
                        return;
                    }
                    long v = sc.width().truncate(eval(sc.value(), s));
                    BitSet addrDeps = deps(sc.address(), s);
                    BitSet dataDeps = deps(sc.value(), s);
                    BitSet statusDeps = union(addrDeps, dataDeps);
                    s.influence = union(s.influence, statusDeps);
                    int status = regIndex.get(sc.status());
                    boolean mayStore = s.reserved && s.reservation == address;
                    s.reserved = false;
                    if (mayStore) {
                        State ok = s.copy();
                        // an interrupt at a boundary from the load-reserve's to this one kills the reservation
                        if (ok.boundaries != null) ok.killRanges.add(new int[] {ok.reservedAt, ok.boundaries.size() - 1});
                        if (cell == SPLIT) {
                            splitWrite(ok, sc, address, sc.width(), v, true, addrDeps, dataDeps);
                        } else {
                            ok.events.add(new LocalEvent(LocalEvent.Kind.WRITE, cell, v, null, true,
                                    addrDeps, dataDeps, ok.ctrl, sc));
                        }
                        ok.values[status] = 0;
                        ok.deps[status] = statusDeps;
                        ok.pc++;
                        explore(ok);
                    }
                    s.values[status] = 1;
                    s.deps[status] = statusDeps;
                    s.pc++;
                }
                case Instr.Fence f -> {
                    s.events.add(new LocalEvent(LocalEvent.Kind.FENCE, -1, 0, f.kind(), false,
                            new BitSet(), new BitSet(), s.ctrl, f));
                    s.pc++;
                }
                case Instr.Marker m -> {
                    int cell = m.located() ? Math.max(-1, location(eval(m.address(), s), m.width())) : -1;
                    s.events.add(new LocalEvent(LocalEvent.Kind.FENCE, cell, 0, null, false,
                            new BitSet(), m.data() == null ? new BitSet() : deps(m.data(), s), s.ctrl, m));
                    s.pc++;
                }
                case Instr.Assign a -> {
                    int dst = regIndex.get(a.dst());
                    long v = eval(a.value(), s);
                    s.deps[dst] = deps(a.value(), s);
                    s.values[dst] = v;
                    s.pc++;
                }
                case Instr.Label l -> {
                    while (s.scopes != null && s.scopes.endPc() == s.pc) {
                        s.ctrl = s.scopes.saved();
                        s.scopes = s.scopes.outer();
                    }
                    s.pc++;
                }
                case Instr.Branch b -> {
                    if (!b.unconditional()) {
                        if (b.scopeEnd() != null) s.scopes = new Scope(labels.get(b.scopeEnd()), s.ctrl, s.scopes);
                        s.ctrl = union(s.ctrl, deps(b.cond(), s));
                        s.influence = union(s.influence, deps(b.cond(), s));
                    }
                    // free control, or an undetermined condition (herd's symbolic branch): both ways
                    if (!b.unconditional() && (freeControl && !deps(b.cond(), s).isEmpty()
                            || Undetermined.is(eval(b.cond(), s)))) {
                        State other = s.copy();
                        if (!jump(other, b)) explore(other);
                        leave(s, s.pc, s.pc + 1);
                        s.pc++;
                    } else if (eval(b.cond(), s) == 0) {
                        leave(s, s.pc, s.pc + 1);
                        s.pc++;
                    } else if (jump(s, b)) {
                        return;
                    }
                }
                case Instr.Assume a -> {
                    s.influence = union(s.influence, deps(a.cond(), s));
                    long holds = eval(a.cond(), s);
                    if (holds == 0 && !(freeControl && !deps(a.cond(), s).isEmpty())) {
                        drop(s, new BitSet());
                        return;
                    }
                    s.pc++;
                }
                case Instr.Havoc h -> {
                    int dst = regIndex.get(h.dst());
                    for (long v : new TreeSet<>(h.choices().stream().map(layout::valueOf).toList())) {
                        State c = s.copy();
                        c.values[dst] = v;
                        c.deps[dst] = new BitSet();
                        c.pc++;
                        explore(c);
                    }
                    return;
                }
            }
        }
    }

    /**
     * The location an access at {@code address} covers when it is exactly one whole cell;
     * {@link #SPLIT} when it covers part of a cell or several locations; {@link #NONE} when it is
     * no access (outside every cell, misaligned) or one the locations do not tile yet, which is
     * noted for {@link #untiled}.
     */
    private int location(long address, Width w) {
        Locations.Span span = locations.span(address, w);
        if (span == null) return NONE;
        if (locations.cover(span) == null) {
            untiled.add(span);
            return NONE;
        }
        return locations.wholeCell(span) ? locations.first(span.cell()) : SPLIT;
    }

    /** A load of several locations, or part of one: a read per location, every value of each. */
    private void splitLoad(State s, Instr.Load l, long address) throws CheckTimeoutException {
        Locations.Span span = locations.span(address, l.width());
        int[] locs = locations.cover(span);
        BitSet addrDeps = deps(l.address(), s);
        s.influence = union(s.influence, addrDeps);
        long[] parts = new long[locs.length];
        splitLoad(s, l, address, span, locs, parts, 0, addrDeps);
    }

    private void splitLoad(State s, Instr.Load l, long address, Locations.Span span, int[] locs, long[] parts,
                           int k, BitSet addrDeps) throws CheckTimeoutException {
        if (k < locs.length) {
            for (long v : domain.values(locs[k])) {
                parts[k] = v;
                splitLoad(s, l, address, span, locs, parts, k + 1, addrDeps);
            }
            return;
        }
        State c = s.copy();
        BitSet self = new BitSet();
        for (int i = 0; i < locs.length; i++) {
            self.set(c.events.size());
            c.events.add(new LocalEvent(LocalEvent.Kind.READ, locs[i], parts[i], null, l.reserve(),
                    addrDeps, new BitSet(), c.ctrl, l, i > 0));
        }
        int dst = regIndex.get(l.dst());
        c.values[dst] = l.width().extend(locations.assemble(span, locs, parts), l.signed());
        c.deps[dst] = self;
        if (l.reserve()) reserve(c, address);
        c.pc++;
        explore(c);
    }

    /** A store to several locations, or part of one: a write per location of its bytes of {@code v}. */
    private void splitWrite(State s, Instr instr, long address, Width w, long v, boolean exclusive,
                            BitSet addrDeps, BitSet dataDeps) {
        Locations.Span span = locations.span(address, w);
        int[] locs = locations.cover(span);
        for (int i = 0; i < locs.length; i++) {
            s.events.add(new LocalEvent(LocalEvent.Kind.WRITE, locs[i], locations.part(v, span, locs[i]), null,
                    exclusive, addrDeps, dataDeps, s.ctrl, instr, i > 0));
        }
    }

    /**
     * Moving forward past a loop's backward branch leaves the loop: its count starts again at the
     * next entry (the bound is per entry, as {@code ThreadDag} has it).
     */
    private static void leave(State s, int from, int to) {
        for (int pc = from; pc < to; pc++) s.taken[pc] = 0;
    }

    /** Takes branch {@code b}; true if that ends the path (a loop unwound past the bound). */
    private boolean jump(State s, Instr.Branch b) {
        int target = labels.get(b.target());
        if (target <= s.pc && ++s.taken[s.pc] > options.unwindFor(b, code.get(target))) {
            finish(s, true);
            return true;
        }
        if (target > s.pc) leave(s, s.pc, target);
        s.pc = target;
        return false;
    }

    /** Gives up a path, whose next step depended on the reads {@code cause}. */
    private void drop(State s, BitSet cause) {
        dropped.add(List.copyOf(s.events));
        mostInfluential = Math.max(mostInfluential, union(s.influence, cause).cardinality());
    }

    private void finish(State s, boolean cut) {
        mostInfluential = Math.max(mostInfluential, s.influence.cardinality());
        if (runs.size() >= MAX_RUNS) {
            throw new EngineLimitException(thread.pos(), "a program this large for the explicit engine ("
                    + thread.name() + " has more than " + MAX_RUNS + " paths; use the sat engine, or a smaller"
                    + " unwinding bound may help)");
        }
        runs.add(s.boundaries == null
                ? new ThreadRun(List.copyOf(s.events), registerIndex, s.values.clone(), cut)
                : new ThreadRun(List.copyOf(s.events), registerIndex, s.values.clone(), cut,
                        List.copyOf(s.boundaries), List.copyOf(s.killRanges), List.of()));
    }

    /** A load-reserve's reservation, and the boundary after it (for the interrupts that would clear it). */
    private static void reserve(State c, long address) {
        c.reserved = true;
        c.reservation = address;
        if (c.boundaries != null) c.reservedAt = c.boundaries.size();
    }

    /** Interrupts are effectively enabled: soft mask clear and MSR[EE] set. */
    private boolean enabled(State s) {
        return (softMask < 0 || s.values[softMask] == 0) && (hardDisabled < 0 || s.values[hardDisabled] == 0);
    }

    private long eval(Expr e, State s) {
        return switch (e) {
            case Expr.Const c -> c.value();
            case Expr.Addr a -> layout.addressOf(a.cell());
            case Expr.RegRef r -> {
                Integer i = regIndex.get(r.reg());
                yield i == null ? 0 : s.values[i];
            }
            case Expr.Unary u -> u.op().apply(eval(u.arg(), s));
            case Expr.Binary b -> layout.apply(b.op(), eval(b.left(), s), eval(b.right(), s));
            case Expr.Select sel -> {
                long k = eval(sel.cond(), s);
                yield Undetermined.is(k) ? k : k != 0 ? eval(sel.then(), s) : eval(sel.otherwise(), s);
            }
        };
    }

    /** The reads the value of {@code e} depends on: those of every register it mentions. */
    private BitSet deps(Expr e, State s) {
        int[] regs = exprRegs.computeIfAbsent(e, x -> x.registers().stream()
                .filter(regIndex::containsKey).mapToInt(regIndex::get).toArray());
        if (regs.length == 0) return new BitSet();
        if (regs.length == 1) return s.deps[regs[0]];
        BitSet out = new BitSet();
        for (int r : regs) out.or(s.deps[r]);
        return out;
    }

    private static BitSet union(BitSet a, BitSet b) {
        if (b.isEmpty()) return a;
        if (a.isEmpty()) return b;
        BitSet out = (BitSet) a.clone();
        out.or(b);
        return out;
    }
}
