package org.powercheck.checker.sat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.powercheck.checker.EngineLimitException;
import org.powercheck.checker.ScopedControl;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Layout;
import org.powercheck.ir.Locations;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.Undetermined;
import org.powercheck.ir.Width;

/**
 * Which values each load may return, found before encoding so that a load's value can be a
 * small one-hot group of variables. Rounds of abstract execution (registers as value sets, all
 * paths) feed the values stored to each cell into the next round's loads. Round k finds every
 * value whose derivation uses at most k reads-from steps. A derivation in an allowed execution
 * never uses one write twice (that would be a cycle of data dependencies and rfe, forbidden by
 * the no-thin-air axiom; internal rf is in ppo along such a chain), and one execution runs at
 * most the stores of one path per thread, so that many rounds (plus one) suffice even when the
 * value sets have not converged (counters in loops would otherwise grow for ever). Under
 * {@link ScopedControl scoped control} a branch does not order the writes after it, so a chain
 * may pass through a branch condition: there no path is dropped for the values found so far.
 *
 * <p>Memory is abstracted per {@link Locations location}. An access that the locations do not
 * tile is noted; {@link #of} then splits the locations and runs the analysis again.
 */
final class ValueAnalysis {
    static final int MAX_COMBINATIONS = 1 << 16;

    private final List<ThreadProgram> threads;
    private final Layout layout;
    final Locations locations;
    /** accesses the locations do not tile (empty once the analysis is final) */
    private final List<Locations.Span> untiled = new ArrayList<>();
    /** [thread][node]: memory values a load node may read, null for other nodes */
    final long[][][] readDomain;
    /** [thread][node][k]: for a load split over locations, what its k-th part may read */
    final long[][][][] partDomain;
    /** [thread][node]: some execution may reach the node (false: no value flow leads there) */
    final boolean[][] live;

    /**
     * Whether a branch whose condition's values so far go one way only may drop the other way:
     * not for {@link ScopedControl scoped control}, where the other way may be taken by a value
     * that only a cycle through the condition produces.
     */
    private final boolean prunesBranches;
    private final ValueChains chains;

    /** The analysis over locations that tile every access it finds. */
    static ValueAnalysis of(List<ThreadProgram> threads, Layout layout, boolean uniproc, boolean symbolicReads) {
        ValueAnalysis a = new ValueAnalysis(threads, layout, Locations.whole(layout), uniproc, symbolicReads);
        while (!a.untiled.isEmpty()) {
            a = new ValueAnalysis(threads, layout, a.locations.refine(a.untiled), uniproc, symbolicReads);
        }
        return a;
    }

    /**
     * @param uniproc the model forbids a read from a program-order later write of its location
     *                (sc-per-location): a load then sees only its own thread's earlier stores,
     *                not every store its thread makes, which keeps list and counter loops from
     *                seeing values their own later iterations write
     * @param symbolicReads every load may also read {@link Undetermined#VALUE} (an ungrounded
     *                read, {@link org.powercheck.ir.Program#symbolicReads()})
     */
    private ValueAnalysis(List<ThreadProgram> threads, Layout layout, Locations locations, boolean uniproc,
                          boolean symbolicReads) {
        this.threads = threads;
        this.layout = layout;
        this.locations = locations;
        this.prunesBranches = !ScopedControl.in(threads.stream().map(t -> t.code).toList());
        this.chains = new ValueChains(threads, locations.size());
        int nt = threads.size();
        readDomain = new long[nt][][];
        partDomain = new long[nt][][][];
        live = new boolean[nt][];
        int cells = locations.size();
        long[][][] byThread = new long[nt][cells][];
        for (long[][] w : byThread) Arrays.fill(w, LongSets.EMPTY);
        // Round r sees every value that r hops from thread to thread make (a store, another
        // thread's load of it). A value is made by a chain of distinct stores in any execution
        // (a cycle would be out of thin air), so after a round per store on the threads' longest
        // paths nothing new is real; a location whose chains pass through fewer stores is done
        // sooner, once the live nodes stay the same (ValueChains).
        int stores = 0;
        for (ThreadProgram t : threads) stores += storesOnLongestPath(t.dag);
        boolean[][] liveSince = null;
        int[] boundsSince = null;
        java.util.BitSet[][] accessesSince = null;
        int since = 0;
        long[][][] frozen = null;
        for (int round = 0; round <= stores + 1; round++) {
            long[][][] next = new long[nt][cells][];
            for (long[][] w : next) Arrays.fill(w, LongSets.EMPTY);
            untiled.clear();
            chains.startRound();
            for (int t = 0; t < nt; t++) {
                long[][] others = new long[cells][];
                for (int c = 0; c < cells; c++) {
                    long[] v = LongSets.of(locations.initialValue(c));
                    if (symbolicReads) v = LongSets.union(v, LongSets.of(Undetermined.VALUE));
                    for (int u = 0; u < nt; u++) if (u != t || !uniproc) v = LongSets.union(v, byThread[u][c]);
                    others[c] = v;
                }
                live[t] = new boolean[threads.get(t).dag.size()];
                partDomain[t] = new long[threads.get(t).dag.size()][][];
                readDomain[t] = run(t, threads.get(t), others, next[t], live[t]);
            }
            if (!untiled.isEmpty()) return;
            int[] bounds = chains.bounds();
            java.util.BitSet[][] accesses = chains.accesses();
            if (liveSince == null || !Arrays.deepEquals(live, liveSince) || !Arrays.equals(bounds, boundsSince)
                    || !Arrays.deepEquals(accesses, accessesSince)) {
                // what may execute, what it may access or what a location's chains pass through
                // has grown: start over
                liveSince = new boolean[nt][];
                for (int t = 0; t < nt; t++) liveSince[t] = live[t].clone();
                boundsSince = bounds;
                accessesSince = accesses;
                since = round;
                frozen = new long[nt][cells][];
            } else {
                for (int c = 0; c < cells; c++) {
                    if (frozen[0][c] != null || round - since <= bounds[c] + 1) continue;
                    for (int t = 0; t < nt; t++) frozen[t][c] = next[t][c];
                }
            }
            for (int t = 0; t < nt; t++) {
                for (int c = 0; c < cells; c++) if (frozen[t][c] != null) next[t][c] = frozen[t][c];
            }
            if (Arrays.deepEquals(next, byThread)) break;
            byThread = next;
        }
    }

    /**
     * One abstract pass over a thread. The state is the registers' value sets followed, per
     * location, by the values this thread has stored there on some path to the point: a load
     * sees those and {@code others} (the initial values and what the other threads store).
     */
    private long[][] run(int ti, ThreadProgram t, long[][] others, long[][] written, boolean[] live) {
        ThreadDag dag = t.dag;
        int n = dag.size();
        int nregs = t.regs.length, cells = others.length;
        long[][][] in = new long[n][][];
        long[][] domains = new long[n][];
        long[][] init = new long[nregs + cells][];
        for (int r = 0; r < nregs; r++) init[r] = LongSets.of(t.initValues[r]);
        Arrays.fill(init, nregs, nregs + cells, LongSets.EMPTY);
        in[0] = init;
        for (int node = 0; node < n; node++) {
            long[][] st = in[node];
            if (st == null) continue;
            in[node] = null;
            live[node] = true;
            Instr instr = dag.instr(node);
            int p = dag.pc[node];
            long[][] out = st;
            boolean takenLive = true, fallLive = true;
            if (instr != null) {
                switch (instr) {
                    case Instr.Load l -> {
                        long[] addrs = evalOnce(t.address[p], st, l.pos());
                        note(addrs, l.width());
                        long[][] cellVals = visible(others, st, nregs);
                        out = st.clone();
                        chains.load(ti, node, t.dst[p], cellsOf(addrs, l.width()));
                        if (MixedAccesses.split(locations, addrs, l.width())) {
                            partDomain[ti][node] = MixedAccesses.partDomains(locations, addrs, l.width(), cellVals);
                            domains[node] = partDomain[ti][node][0];
                            out[t.dst[p]] = MixedAccesses.loadValues(locations, addrs, l, cellVals);
                            break;
                        }
                        long[] dom = LongSets.EMPTY;
                        for (long a : addrs) {
                            int c = wholeCell(a, l.width());
                            if (c >= 0) dom = LongSets.union(dom, cellVals[c]);
                        }
                        domains[node] = dom;
                        out[t.dst[p]] = extend(dom, l.width(), l.signed());
                    }
                    case Instr.Store s -> out = write(ti, node, t, p, st, s.width(), s.pos(), written);
                    case Instr.StoreConditional s -> {
                        out = write(ti, node, t, p, st, s.width(), s.pos(), written);
                        out[t.dst[p]] = new long[] {0, 1};
                    }
                    case Instr.Assign a -> {
                        out = st.clone();
                        out[t.dst[p]] = evalOnce(t.value[p], st, a.pos());
                        chains.compute(ti, t.dst[p], t.value[p].regs);
                    }
                    case Instr.Branch b -> {
                        long[] cv = evalOnce(t.cond[p], st, b.pos());
                        boolean anyNonZero = false, anyZero = false;
                        for (long v : cv) {
                            // an undetermined condition goes either way, as herd's symbolic branch does
                            if (Undetermined.is(v)) anyZero = anyNonZero = true;
                            else if (v == 0) anyZero = true;
                            else anyNonZero = true;
                        }
                        boolean free = !prunesBranches && t.cond[p].regs.length > 0;
                        takenLive = anyNonZero || free;
                        fallLive = anyZero || free;
                    }
                    case Instr.Assume a -> { }
                    case Instr.Havoc h -> {
                        out = st.clone();
                        out[t.dst[p]] = havocValues(h, layout);
                    }
                    case Instr.Fence f -> { }
                    case Instr.Marker m -> { }
                    case Instr.Label l -> { }
                }
            }
            int[] succ = dag.succ[node];
            for (int k = 0; k < succ.length; k++) {
                int kind = dag.succKind[node][k];
                if (kind == ThreadDag.TAKEN && !takenLive || kind == ThreadDag.FALL && !fallLive) continue;
                int s = succ[k];
                if (in[s] == null) {
                    in[s] = out;
                } else if (in[s] != out) {
                    long[][] merged = in[s].clone();
                    for (int r = 0; r < merged.length; r++) merged[r] = LongSets.union(merged[r], out[r]);
                    in[s] = merged;
                }
            }
        }
        return domains;
    }

    /** What a load may read per location: {@code others} and this thread's earlier stores. */
    private static long[][] visible(long[][] others, long[][] st, int nregs) {
        long[][] out = null;
        for (int c = 0; c < others.length; c++) {
            long[] own = st[nregs + c];
            if (own.length == 0) continue;
            if (out == null) out = others.clone();
            out[c] = LongSets.union(others[c], own);
        }
        return out == null ? others : out;
    }

    /** The most stores any path through the DAG executes. */
    private static int storesOnLongestPath(ThreadDag dag) {
        int[] best = new int[dag.size()];
        for (int node = dag.size() - 1; node >= 0; node--) {
            int m = 0;
            for (int s : dag.succ[node]) m = Math.max(m, best[s]);
            Instr in = dag.instr(node);
            best[node] = m + (in instanceof Instr.Store || in instanceof Instr.StoreConditional ? 1 : 0);
        }
        return dag.size() == 0 ? 0 : best[0];
    }

    /** Records a store's values in {@code written} and in the returned state's own stores. */
    private long[][] write(int ti, int node, ThreadProgram t, int p, long[][] st, Width width, SourcePos pos,
                           long[][] written) {
        long[] vals = evalOnce(t.value[p], st, pos);
        long[] tv = new long[vals.length];
        for (int i = 0; i < vals.length; i++) tv[i] = width.truncate(vals[i]);
        tv = LongSets.normalize(tv, tv.length);
        long[] addrs = evalOnce(t.address[p], st, pos);
        note(addrs, width);
        chains.store(ti, node, cellsOf(addrs, width), t.value[p].regs);
        int nregs = t.regs.length, cells = written.length;
        long[][] out = st.clone();
        long[][] own = Arrays.copyOfRange(out, nregs, nregs + cells);
        if (MixedAccesses.split(locations, addrs, width)) {
            MixedAccesses.write(locations, addrs, width, tv, written);
            MixedAccesses.write(locations, addrs, width, tv, own);
        } else {
            for (long a : addrs) {
                int c = wholeCell(a, width);
                if (c < 0) continue;
                written[c] = LongSets.union(written[c], tv);
                own[c] = LongSets.union(own[c], tv);
            }
        }
        System.arraycopy(own, 0, out, nregs, cells);
        return out;
    }

    /** Notes the accesses the locations do not tile. */
    private void note(long[] addrs, Width w) {
        for (long a : addrs) {
            Locations.Span s = locations.span(a, w);
            if (s != null && locations.cover(s) == null) untiled.add(s);
        }
    }

    /** The cells an access may touch (every cell for an access split over several). */
    private java.util.BitSet cellsOf(long[] addrs, Width w) {
        java.util.BitSet out = new java.util.BitSet();
        if (MixedAccesses.split(locations, addrs, w)) {
            out.set(0, locations.size());
            return out;
        }
        for (long a : addrs) {
            int c = wholeCell(a, w);
            if (c >= 0) out.set(c);
        }
        return out;
    }

    /** The location of an access that covers one whole cell, or -1. */
    private int wholeCell(long address, Width w) {
        Locations.Span s = locations.span(address, w);
        if (s == null || !locations.wholeCell(s)) return -1;
        return locations.first(s.cell());
    }

    static long[] extend(long[] memValues, Width w, boolean signed) {
        long[] out = new long[memValues.length];
        for (int i = 0; i < out.length; i++) out[i] = w.extend(memValues[i], signed);
        return LongSets.normalize(out, out.length);
    }

    /** A computation's last results, by the value sets of its registers they were computed from. */
    private record Evaluated(long[][] inputs, long[] values) {
        boolean from(RegExpr e, long[][] st) {
            for (int k = 0; k < e.regs.length; k++) {
                long[] now = st[e.regs[k]];
                if (now != inputs[k] && !Arrays.equals(now, inputs[k])) return false;
            }
            return true;
        }
    }

    /** Computations with this many register combinations or more are remembered across rounds. */
    private static final long REMEMBERED_COMBINATIONS = 256;
    private static final int REMEMBERED_PER_COMPUTATION = 4;
    private final java.util.Map<RegExpr, java.util.ArrayDeque<Evaluated>> evaluated = new java.util.IdentityHashMap<>();

    /**
     * {@link #eval}, remembered: the rounds evaluate the same wide computation on the same value
     * sets again and again once its inputs have settled (a counter's, a flags word's).
     */
    private long[] evalOnce(RegExpr e, long[][] st, SourcePos pos) {
        long combos = 1;
        for (int r : e.regs) {
            combos *= st[r].length;
            if (combos == 0 || combos >= REMEMBERED_COMBINATIONS) break;
        }
        if (combos < REMEMBERED_COMBINATIONS) return eval(e, st, pos);
        java.util.ArrayDeque<Evaluated> known = evaluated.computeIfAbsent(e, x -> new java.util.ArrayDeque<>());
        for (Evaluated v : known) if (v.from(e, st)) return v.values();
        long[] values = eval(e, st, pos);
        long[][] inputs = new long[e.regs.length][];
        for (int k = 0; k < inputs.length; k++) inputs[k] = st[e.regs[k]];
        if (known.size() == REMEMBERED_PER_COMPUTATION) known.removeLast();
        known.addFirst(new Evaluated(inputs, values));
        return values;
    }

    /**
     * All values of {@code e} over joint assignments of its registers; when those are too many,
     * operation by operation (see {@link RegExpr#evalSets}).
     */
    static long[] eval(RegExpr e, long[][] st, SourcePos pos) {
        int[] regs = e.regs;
        if (regs.length == 0) return LongSets.of(e.constant());
        long combos = 1;
        for (int r : regs) {
            combos *= st[r].length;
            if (combos == 0) return LongSets.EMPTY;
            if (combos > MAX_COMBINATIONS) break;
        }
        if (combos > MAX_COMBINATIONS) {
            try {
                return e.evalSets(st, MAX_COMBINATIONS);
            } catch (RegExpr.TooMany t) {
                throw tooMany(pos);
            }
        }
        long[] assign = new long[st.length];
        int[] idx = new int[regs.length];
        long[] out = new long[(int) combos];
        int n = 0;
        while (true) {
            for (int k = 0; k < regs.length; k++) assign[regs[k]] = st[regs[k]][idx[k]];
            out[n++] = e.eval(assign);
            int k = 0;
            while (k < regs.length && ++idx[k] == st[regs[k]].length) idx[k++] = 0;
            if (k == regs.length) break;
        }
        return LongSets.normalize(out, n);
    }

    /** The distinct values a {@link Instr.Havoc} may give. */
    static long[] havocValues(Instr.Havoc h, Layout layout) {
        long[] vals = new long[h.choices().size()];
        for (int i = 0; i < vals.length; i++) vals[i] = layout.valueOf(h.choices().get(i));
        return LongSets.normalize(vals, vals.length);
    }

    static EngineLimitException tooMany(SourcePos pos) {
        return new EngineLimitException(pos, "a register computation with more than " + MAX_COMBINATIONS
                + " value combinations in one operation (the SAT encoding's limit)");
    }
}
