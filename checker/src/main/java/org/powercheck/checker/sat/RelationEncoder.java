package org.powercheck.checker.sat;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.CheckTimeoutException;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.UnsupportedConstructException;
import org.powercheck.model.Check;
import org.powercheck.model.EventSet;
import org.powercheck.model.Rel;

/**
 * Encodes a compiled model over one program's events, in three passes (after Dartagnan's
 * relation analysis):
 * <ol>
 *   <li>may: per relation node, the pairs that can be related in some execution (bit
 *       matrices, bottom-up, fixpoints by iteration);</li>
 *   <li>needed: top-down from the checks, the pairs whose literal a check can depend on
 *       (an irreflexivity check needs only the diagonal, so {@code acyclic r} = {@code irreflexive
 *       r+} needs r+ only inside the strongly connected parts of r's may graph);</li>
 *   <li>literals: bottom-up, only for needed pairs, with constants folded.</li>
 * </ol>
 * Relations that reach the checks only positively are encoded one way, their literals implied
 * by their definitions (see {@link PolarityCheck} for why that is sound); a sequence then costs
 * one clause per middle event instead of an AND gate each. Relations below a difference's
 * right side are exact gates, closures by squaring and fixpoints by Kleene iteration.
 *
 * <p>Acyclicity is encoded eagerly, as {@code irreflexive r+} over the needed pairs, i.e. only
 * within the cycles of r's may graph. The lazy alternative (solve without it, forbid each cycle
 * found in a model with one clause, solve again) was measured and dropped: it was slower on the
 * PPC corpus (1.8 s vs 2.6 s for 1491 tests) and on the scaling families up to n=14 (5.1 s vs
 * 10.2 s). ppc.cat needs the closure of hb for prop and observation anyway, so the eager
 * acyclicity clauses add little, while refinement multiplies the solver calls, and the state
 * enumeration makes thousands of calls.
 */
final class RelationEncoder {
    private final Circuit c;
    private final ModelGraph g;
    private final List<Event> events;
    private final MemoryEncoding mem;
    private final ControlDeps control;
    private final long[][][] reach;
    private final int n;

    private final int[][] setLits;
    final BitMatrix[] may;
    private final BitMatrix[] mayT;
    final BitMatrix[] needed;
    final LitMatrix[] lits;

    RelationEncoder(Circuit c, ModelGraph g, List<Event> events, MemoryEncoding mem, ControlDeps control,
                    long[][][] reach) {
        this.control = control;
        this.c = c;
        this.g = g;
        this.events = events;
        this.mem = mem;
        this.reach = reach;
        this.n = events.size();
        int nodes = g.size();
        setLits = new int[g.setNodes.size()][];
        for (int s = 0; s < setLits.length; s++) setLits[s] = setLits(s);
        may = new BitMatrix[nodes];
        mayT = new BitMatrix[nodes];
        needed = new BitMatrix[nodes];
        lits = new LitMatrix[nodes];
    }

    /** Adds the clauses of every check. */
    /**
     * Relation pairs beyond which the encoding is refused: every needed pair costs a literal
     * and clauses, and programs with about a thousand events reach tens of millions of them.
     */
    static final long MAX_NEEDED_PAIRS = 4_000_000;

    /**
     * @throws UnsupportedConstructException when the program is too large to encode (at {@code where})
     */
    void encode(CheckOptions options, SourcePos where) throws CheckTimeoutException {
        this.options = options;
        computeMay();
        options.checkDeadline();
        try {
            computeNeeded();
        } catch (TooLarge e) {
            throw new UnsupportedConstructException(where, "a program this large for the SAT encoding ("
                    + n + " events, more than " + MAX_NEEDED_PAIRS + " relation pairs to encode;"
                    + " a smaller unwinding bound may help)");
        }
        options.checkDeadline();
        computeLits();
        for (ModelGraph.CheckNode chk : g.checks) {
            int r = chk.rel();
            if (chk.kind() == Check.Kind.EMPTY) {
                for (int i = 0; i < n; i++) {
                    for (int j = may[r].next(i, 0); j >= 0; j = may[r].next(i, j + 1)) c.clause(-lits[r].get(i, j));
                }
            } else {
                for (int i = 0; i < n; i++) if (may[r].get(i, i)) c.clause(-lits[r].get(i, i));
            }
        }
    }

    // ---------------------------------------------------------------- sets

    private int[] setLits(int s) {
        ModelGraph.SetNode sn = g.setNodes.get(s);
        int[] out = new int[n];
        switch (sn.kind()) {
            case BASE -> {
                for (Event e : events) out[e.id] = baseSet(sn.base(), e);
            }
            case FENCES -> {
                for (Event e : events) out[e.id] = e.fence == sn.fence() ? e.guard : Circuit.FALSE;
            }
            case UNION, INTER, DIFF -> {
                int[] a = setLits(sn.left()), b = setLits(sn.right());
                for (int i = 0; i < n; i++) {
                    out[i] = switch (sn.kind()) {
                        case UNION -> c.or(a[i], b[i]);
                        case INTER -> c.and(a[i], b[i]);
                        default -> c.and(a[i], -b[i]);
                    };
                }
            }
        }
        return out;
    }

    private int baseSet(EventSet.Base b, Event e) {
        int f = Circuit.FALSE;
        return switch (b) {
            case ALL -> e.guard;
            case R -> e.read ? e.guard : f;
            case W -> e.write ? e.guard : f;
            case IW -> e.isInit() ? e.guard : f;
            case FW -> e.write ? mem.coLast[e.id] : f;
            case X -> e.exclusive ? e.guard : f;
            case F -> e.fence != null ? e.guard : f;
        };
    }

    // ---------------------------------------------------------------- may

    private void computeMay() {
        for (int[] scc : g.sccs) {
            if (!g.recursive[scc[0]]) {
                may[scc[0]] = mayOf(scc[0]);
                continue;
            }
            for (int v : scc) if (g.kind(v) == ModelGraph.Kind.COMPONENT) may[v] = new BitMatrix(n);
            int[] order = g.sccBodyOrder.get(scc[0]);
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int v : order) may[v] = mayOf(v);
                for (int v : scc) {
                    if (g.kind(v) != ModelGraph.Kind.COMPONENT) continue;
                    BitMatrix body = may[g.children(v)[0]];
                    if (!body.equals(may[v])) {
                        may[v] = body.copy();
                        changed = true;
                    }
                }
            }
        }
    }

    private BitMatrix mayOf(int v) {
        int[] ch = g.children(v);
        BitMatrix m;
        switch (g.kind(v)) {
            case EMPTY -> m = new BitMatrix(n);
            case BASE -> m = baseMay(g.bases.get(v));
            case IDENTITY -> {
                m = new BitMatrix(n);
                int[] s = setLits[g.sets.get(v)[0]];
                for (int i = 0; i < n; i++) if (s[i] != Circuit.FALSE) m.set(i, i);
            }
            case CROSS -> {
                m = new BitMatrix(n);
                int[] a = setLits[g.sets.get(v)[0]], b = setLits[g.sets.get(v)[1]];
                BitMatrix row = new BitMatrix(n);
                for (int j = 0; j < n; j++) if (b[j] != Circuit.FALSE) row.set(0, j);
                for (int i = 0; i < n; i++) {
                    if (a[i] != Circuit.FALSE) System.arraycopy(row.bits, 0, m.bits, m.rowOffset(i), m.words);
                }
            }
            case UNION -> {
                m = may[ch[0]].copy();
                for (int k = 1; k < ch.length; k++) m.or(may[ch[k]]);
            }
            case INTER -> {
                m = may[ch[0]].copy();
                for (int k = 1; k < ch.length; k++) m.and(may[ch[k]]);
            }
            case DIFF -> m = may[ch[0]];
            case SEQ -> m = may[ch[0]].compose(may[ch[1]]);
            case INVERSE -> m = may[ch[0]].transpose();
            case PLUS -> m = may[ch[0]].closure();
            case OPT -> {
                m = may[ch[0]].copy();
                for (int i = 0; i < n; i++) m.set(i, i);
            }
            case COMPONENT -> m = may[ch[0]];
            default -> throw new IllegalStateException();
        }
        return m;
    }

    private BitMatrix baseMay(Rel.Base b) {
        BitMatrix m = new BitMatrix(n);
        switch (b) {
            case PO -> {
                for (Event x : events) {
                    if (x.isInit()) continue;
                    long[] r = reach[x.thread][x.node];
                    for (Event y : events) {
                        if (y.thread == x.thread && (r[y.node >>> 6] & (1L << y.node)) != 0) m.set(x.id, y.id);
                    }
                }
            }
            case LOC -> {
                for (Event x : events) for (Event y : events) if (x.mayShareCell(y)) m.set(x.id, y.id);
            }
            case INT -> {
                for (Event x : events) {
                    for (Event y : events) if (!x.isInit() && x.thread == y.thread) m.set(x.id, y.id);
                }
            }
            case EXT -> {
                for (Event x : events) {
                    for (Event y : events) if (x.isInit() || y.isInit() || x.thread != y.thread) m.set(x.id, y.id);
                }
            }
            case ID -> {
                for (int i = 0; i < n; i++) m.set(i, i);
            }
            case ADDR, DATA, RMW -> {
                for (Event y : events) for (int x : depsOf(b, y).events) m.set(x, y.id);
            }
            case CTRL -> {
                BitMatrix ctrl = m;
                for (Event y : events) {
                    if (!y.isInit()) control.mayControl(y.thread, y.node, x -> ctrl.set(x, y.id));
                }
            }
            case RF -> m = mem.rfMay;
            case CO -> m = mem.coMay;
        }
        return m;
    }

    private static EventMap depsOf(Rel.Base b, Event e) {
        return switch (b) {
            case ADDR -> e.addr;
            case DATA -> e.data;
            case RMW -> e.rmw;
            default -> throw new IllegalArgumentException(b.name());
        };
    }

    private int baseLit(Rel.Base b, int i, int j) {
        Event x = events.get(i), y = events.get(j);
        return switch (b) {
            case PO, INT, EXT -> c.and(x.guard, y.guard);
            case ID -> x.guard;
            case LOC -> MemoryEncoding.sameCell(c, x, y);
            case ADDR, DATA -> c.and(y.guard, depsOf(b, y).lit(i));
            case CTRL -> control.lit(c, y.thread, y.node, y.guard, i);
            case RMW -> y.rmw.lit(i);
            case RF -> mem.rf.get(i, j);
            case CO -> mem.co.get(i, j);
        };
    }

    // ---------------------------------------------------------------- needed

    private int[][] pending;
    private int[] pendingSize;
    private ArrayDeque<Integer> work;
    private boolean[] queued;

    private long neededTotal;

    private void need(int v, int i, int j) {
        if (!may[v].get(i, j)) return;
        if (!needed[v].add(i, j)) return;
        if (++neededTotal > MAX_NEEDED_PAIRS) throw new TooLarge();
        if (pendingSize[v] == pending[v].length) pending[v] = Arrays.copyOf(pending[v], pending[v].length * 2);
        pending[v][pendingSize[v]++] = i * n + j;
        if (!queued[v]) {
            queued[v] = true;
            work.add(v);
        }
    }

    private BitMatrix mayT(int v) {
        if (mayT[v] == null) mayT[v] = may[v].transpose();
        return mayT[v];
    }

    private void computeNeeded() {
        int nodes = g.size();
        for (int v = 0; v < nodes; v++) needed[v] = new BitMatrix(n);
        pending = new int[nodes][8];
        pendingSize = new int[nodes];
        queued = new boolean[nodes];
        work = new ArrayDeque<>();
        for (ModelGraph.CheckNode chk : g.checks) {
            int r = chk.rel();
            if (chk.kind() == Check.Kind.EMPTY) {
                for (int i = 0; i < n; i++) {
                    for (int j = may[r].next(i, 0); j >= 0; j = may[r].next(i, j + 1)) need(r, i, j);
                }
            } else {
                for (int i = 0; i < n; i++) need(r, i, i);
            }
        }
        for (int v = 0; v < nodes; v++) {
            // Exact closures and fixpoints read every pair of their matrix.
            boolean whole = g.kind(v) == ModelGraph.Kind.PLUS
                    || (g.kind(v) == ModelGraph.Kind.COMPONENT && g.recursive[v]);
            if (!g.exact[v] || !whole) continue;
            for (int i = 0; i < n; i++) {
                for (int j = may[v].next(i, 0); j >= 0; j = may[v].next(i, j + 1)) need(v, i, j);
            }
        }
        while (!work.isEmpty()) {
            int v = work.poll();
            queued[v] = false;
            while (pendingSize[v] > 0) {
                int pair = pending[v][--pendingSize[v]];
                propagate(v, pair / n, pair % n);
            }
        }
    }

    private void propagate(int v, int i, int j) {
        int[] ch = g.children(v);
        switch (g.kind(v)) {
            case UNION, INTER, DIFF, OPT, COMPONENT -> {
                for (int x : ch) need(x, i, j);
            }
            case INVERSE -> need(ch[0], j, i);
            case SEQ -> {
                BitMatrix a = may[ch[0]], bt = mayT(ch[1]);
                for (int k = nextCommon(a, i, bt, j, 0); k >= 0; k = nextCommon(a, i, bt, j, k + 1)) {
                    need(ch[0], i, k);
                    need(ch[1], k, j);
                }
            }
            case PLUS -> {
                need(ch[0], i, j);
                BitMatrix a = may[ch[0]], tt = mayT(v);
                for (int k = nextCommon(a, i, tt, j, 0); k >= 0; k = nextCommon(a, i, tt, j, k + 1)) {
                    need(ch[0], i, k);
                    need(v, k, j);
                }
            }
            default -> { }
        }
    }

    /** The next k >= from with a(i,k) and b(j,k). */
    private static int nextCommon(BitMatrix a, int i, BitMatrix b, int j, int from) {
        if (from >= a.n) return -1;
        int words = a.words;
        int ai = i * words, bj = j * words;
        int w = from >>> 6;
        long word = a.bits[ai + w] & b.bits[bj + w] & (-1L << from);
        while (true) {
            if (word != 0) return (w << 6) + Long.numberOfTrailingZeros(word);
            if (++w == words) return -1;
            word = a.bits[ai + w] & b.bits[bj + w];
        }
    }

    // ---------------------------------------------------------------- literals

    private CheckOptions options;

    /** The encoding would exceed {@link #MAX_NEEDED_PAIRS}. */
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private void computeLits() throws CheckTimeoutException {
        for (int[] scc : g.sccs) {
            options.checkDeadline();
            if (!g.recursive[scc[0]]) {
                evalNode(scc[0]);
                continue;
            }
            boolean exact = false;
            for (int v : scc) exact |= g.exact[v];
            if (exact) {
                leastFixpoint(scc);
                continue;
            }
            for (int v : scc) {
                if (g.kind(v) != ModelGraph.Kind.COMPONENT) continue;
                LitMatrix m = shaped(v);
                for (int i = 0; i < n; i++) {
                    int[] l = m.lits[i];
                    for (int k = 0; k < l.length; k++) l[k] = c.newVar();
                }
            }
            for (int v : g.sccBodyOrder.get(scc[0])) evalNode(v);
            for (int v : scc) {
                if (g.kind(v) != ModelGraph.Kind.COMPONENT) continue;
                LitMatrix m = lits[v], body = lits[g.children(v)[0]];
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < m.cols[i].length; k++) c.clause(-body.get(i, m.cols[i][k]), m.lits[i][k]);
                }
            }
        }
    }

    /**
     * Exact least fixpoint by Kleene iteration from the empty relations: after as many rounds
     * as there are possible pairs, every assignment has reached its fixpoint.
     */
    private void leastFixpoint(int[] scc) {
        int pairs = 0;
        for (int v : scc) {
            if (g.kind(v) != ModelGraph.Kind.COMPONENT) continue;
            shaped(v);
            pairs += needed[v].count();
        }
        int[] order = g.sccBodyOrder.get(scc[0]);
        for (int round = 0; round <= pairs; round++) {
            for (int v : order) evalNode(v);
            boolean changed = false;
            for (int v : scc) {
                if (g.kind(v) != ModelGraph.Kind.COMPONENT) continue;
                LitMatrix m = lits[v], body = lits[g.children(v)[0]];
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < m.cols[i].length; k++) {
                        int b = body.get(i, m.cols[i][k]);
                        if (b != m.lits[i][k]) {
                            m.lits[i][k] = b;
                            changed = true;
                        }
                    }
                }
            }
            if (!changed) return;
        }
    }

    /** Exact transitive closure by repeated squaring (log n rounds of T := T | T;T). */
    private void exactPlus(int v, int a) {
        LitMatrix t = lits[v];
        BitMatrix tm = may[v], tt = mayT(v);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < t.cols[i].length; k++) {
                int j = t.cols[i][k];
                t.lits[i][k] = may[a].get(i, j) ? lits[a].get(i, j) : Circuit.FALSE;
            }
        }
        int[] buf = new int[n + 1];
        for (int len = 1; len < n; len *= 2) {
            int[][] next = new int[n][];
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                next[i] = t.lits[i].clone();
                for (int k = 0; k < t.cols[i].length; k++) {
                    int j = t.cols[i][k];
                    int q = 0;
                    buf[q++] = t.lits[i][k];
                    for (int x = nextCommon(tm, i, tt, j, 0); x >= 0; x = nextCommon(tm, i, tt, j, x + 1)) {
                        buf[q++] = c.and(t.get(i, x), t.get(x, j));
                    }
                    next[i][k] = c.or(buf, q);
                    changed |= next[i][k] != t.lits[i][k];
                }
            }
            for (int i = 0; i < n; i++) t.lits[i] = next[i];
            if (!changed) return;
        }
    }

    private LitMatrix shaped(int v) {
        LitMatrix m = new LitMatrix(n);
        BitMatrix need = needed[v];
        for (int i = 0; i < n; i++) m.shape(i, need);
        lits[v] = m;
        return m;
    }

    private void evalNode(int v) {
        ModelGraph.Kind kind = g.kind(v);
        int[] ch = g.children(v);
        if (kind == ModelGraph.Kind.BASE && (g.bases.get(v) == Rel.Base.RF || g.bases.get(v) == Rel.Base.CO)) {
            lits[v] = g.bases.get(v) == Rel.Base.RF ? mem.rf : mem.co;
            return;
        }
        LitMatrix m = shaped(v);
        boolean exact = g.exact[v];
        boolean lazy = !exact && (kind == ModelGraph.Kind.SEQ || kind == ModelGraph.Kind.PLUS)
                && composedTerms(v) > LAZY_TERMS;
        if (lazy) {
            lazyNodes.add(v);
            if (kind == ModelGraph.Kind.SEQ) {
                lazySeqLiterals(v);
                return;
            }
        }
        int[] buf = new int[Math.max(ch.length, 4)];
        for (int i = 0; i < n; i++) {
            int[] cols = m.cols[i];
            int[] out = m.lits[i];
            for (int k = 0; k < cols.length; k++) {
                int j = cols[k];
                int lit;
                switch (kind) {
                    case BASE -> lit = baseLit(g.bases.get(v), i, j);
                    case IDENTITY -> lit = setLits[g.sets.get(v)[0]][i];
                    case CROSS -> lit = c.and(setLits[g.sets.get(v)[0]][i], setLits[g.sets.get(v)[1]][j]);
                    case UNION -> {
                        int q = 0;
                        for (int x : ch) if (may[x].get(i, j)) buf[q++] = lits[x].get(i, j);
                        lit = exact ? c.or(buf, q) : c.impliedByAny(buf, q);
                    }
                    case INTER -> {
                        for (int q = 0; q < ch.length; q++) buf[q] = lits[ch[q]].get(i, j);
                        lit = exact ? c.and(buf, ch.length) : c.impliedByAll(buf, ch.length);
                    }
                    case DIFF -> {
                        buf[0] = lits[ch[0]].get(i, j);
                        buf[1] = may[ch[1]].get(i, j) ? -lits[ch[1]].get(i, j) : Circuit.TRUE;
                        lit = exact ? c.and(buf, 2) : c.impliedByAll(buf, 2);
                    }
                    case SEQ -> {
                        BitMatrix a = may[ch[0]], bt = mayT(ch[1]);
                        int q = 0;
                        for (int x = nextCommon(a, i, bt, j, 0); x >= 0; x = nextCommon(a, i, bt, j, x + 1)) {
                            if (q + 2 > buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
                            buf[q++] = lits[ch[0]].get(i, x);
                            buf[q++] = lits[ch[1]].get(x, j);
                        }
                        lit = exact ? c.orOfAnds(buf, q) : c.impliedByAnyPair(buf, q);
                    }
                    case INVERSE -> lit = lits[ch[0]].get(j, i);
                    case OPT -> lit = i == j ? events.get(i).guard : lits[ch[0]].get(i, j);
                    case COMPONENT -> lit = lits[ch[0]].get(i, j);
                    case PLUS -> {
                        int a = may[ch[0]].get(i, j) ? lits[ch[0]].get(i, j) : Circuit.FALSE;
                        // Exact closures are filled in by exactPlus below.
                        lit = exact ? Circuit.FALSE : a == Circuit.TRUE ? Circuit.TRUE : c.newVar();
                    }
                    default -> throw new IllegalStateException(kind.name());
                }
                out[k] = lit;
            }
        }
        if (kind == ModelGraph.Kind.PLUS) {
            if (exact) exactPlus(v, ch[0]); else plusClauses(v, ch[0], lazy);
        }
    }

    // ---------------------------------------------------------------- lazy compositions

    /**
     * Compositions (r1;r2 and the rules of r+) cost one clause per middle event; on programs
     * with a few hundred events that is millions of clauses, most of which never matter. Above
     * this many, a composition's clauses are added only when a model violates them ({@link
     * #refine}). Every clause added is one of the eager encoding's, so the models that survive
     * refinement are exactly the eager encoding's models.
     */
    static final int LAZY_TERMS = 50_000;

    private final java.util.List<Integer> lazyNodes = new java.util.ArrayList<>();

    /** The number of (pair, middle event) terms a composition node would get clauses for. */
    private long composedTerms(int v) {
        int[] ch = g.children(v);
        BitMatrix a = may[ch[0]];
        BitMatrix bt = mayT(g.kind(v) == ModelGraph.Kind.SEQ ? ch[1] : v);
        BitMatrix need = needed[v];
        long terms = 0;
        for (int i = 0; i < n; i++) {
            int ai = a.rowOffset(i);
            for (int j = need.next(i, 0); j >= 0; j = need.next(i, j + 1)) {
                int bj = bt.rowOffset(j);
                for (int w = 0; w < a.words; w++) terms += Long.bitCount(a.bits[ai + w] & bt.bits[bj + w]);
            }
        }
        return terms;
    }

    /** Literals of a lazy sequence: TRUE when some term is, else a variable bounded by refine. */
    private void lazySeqLiterals(int v) {
        int[] ch = g.children(v);
        LitMatrix m = lits[v], a = lits[ch[0]], b = lits[ch[1]];
        BitMatrix am = may[ch[0]], bt = mayT(ch[1]);
        for (int i = 0; i < n; i++) {
            int[] cols = m.cols[i];
            for (int k = 0; k < cols.length; k++) {
                int j = cols[k];
                int lit = Circuit.FALSE;
                for (int x = nextCommon(am, i, bt, j, 0); x >= 0; x = nextCommon(am, i, bt, j, x + 1)) {
                    int l1 = a.get(i, x), l2 = b.get(x, j);
                    if (l1 == Circuit.FALSE || l2 == Circuit.FALSE) continue;
                    if (l1 == Circuit.TRUE && l2 == Circuit.TRUE) {
                        lit = Circuit.TRUE;
                        break;
                    }
                    lit = 0;
                }
                m.lits[i][k] = lit == 0 ? c.newVar() : lit;
            }
        }
    }

    /**
     * Adds the clauses of lazy compositions that the solver's current model violates: for a
     * pair (i,j) that is false in the model while some k has r1(i,k) and r2(k,j) true (for r+,
     * r(i,k) and r+(k,j)). Returns how many were added; 0 means the model satisfies them all.
     * For r+ this suffices: if j is reachable from i but r+(i,j) is false, the pair nearest to
     * j on that path with the same problem has a violated one-step rule.
     */
    int refine() {
        int added = 0;
        for (int v : lazyNodes) {
            int[] ch = g.children(v);
            int second = g.kind(v) == ModelGraph.Kind.SEQ ? ch[1] : v;
            BitMatrix left = modelRows(ch[0], false);
            BitMatrix rightT = modelRows(second, true);
            LitMatrix m = lits[v];
            for (int i = 0; i < n; i++) {
                int[] cols = m.cols[i];
                for (int k = 0; k < cols.length; k++) {
                    int lij = m.lits[i][k];
                    if (Circuit.isConst(lij) || c.value(lij)) continue;
                    int j = cols[k];
                    int x = nextCommon(left, i, rightT, j, 0);
                    if (x < 0) continue;
                    c.clause(-lits[ch[0]].get(i, x), -lits[second].get(x, j), lij);
                    added++;
                }
            }
        }
        return added;
    }

    /** The pairs of a node's matrix that are true in the current model (transposed if asked). */
    private BitMatrix modelRows(int v, boolean transpose) {
        BitMatrix out = new BitMatrix(n);
        LitMatrix m = lits[v];
        for (int i = 0; i < n; i++) {
            int[] cols = m.cols[i];
            for (int k = 0; k < cols.length; k++) {
                if (!c.value(m.lits[i][k])) continue;
                if (transpose) out.set(cols[k], i); else out.set(i, cols[k]);
            }
        }
        return out;
    }

    /**
     * T(i,j) <= A(i,j); T(i,j) <= A(i,k) & T(k,j): T contains the transitive closure of A.
     * When lazy, only the first rule is added here and the second by {@link #refine}.
     */
    private void plusClauses(int v, int a, boolean lazy) {
        LitMatrix t = lits[v];
        BitMatrix am = may[a], tt = mayT(v);
        for (int i = 0; i < n; i++) {
            int[] cols = t.cols[i];
            for (int k = 0; k < cols.length; k++) {
                int j = cols[k];
                int tij = t.lits[i][k];
                if (tij == Circuit.TRUE) continue;
                if (am.get(i, j)) c.clause(-lits[a].get(i, j), tij);
                if (lazy) continue;
                for (int x = nextCommon(am, i, tt, j, 0); x >= 0; x = nextCommon(am, i, tt, j, x + 1)) {
                    int tkj = t.get(x, j);
                    if (tkj == tij) continue;
                    c.clause(-lits[a].get(i, x), -tkj, tij);
                }
            }
        }
    }
}
