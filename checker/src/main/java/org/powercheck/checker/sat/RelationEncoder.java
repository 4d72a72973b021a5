package org.powercheck.checker.sat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.CheckTimeoutException;
import org.powercheck.ir.SourcePos;
import org.powercheck.checker.EngineLimitException;
import org.powercheck.model.Check;
import org.powercheck.model.Rel;

/**
 * Encodes a compiled model over one program's events: literals bottom-up, only for the pairs
 * {@link RelationAnalysis} found needed, with constants folded, then one clause per check pair.
 *
 * <p>Relations that reach the checks only positively are encoded one way, their literals
 * implied by their definitions (see {@link PolarityCheck} for why that is sound); a sequence
 * then costs one clause per middle event instead of an AND gate each. Relations below a
 * difference's right side are exact gates, closures by squaring and fixpoints by Kleene
 * iteration.
 *
 * <p>Acyclicity is encoded eagerly, as {@code irreflexive r+} over the needed pairs, i.e. only
 * within the cycles of r's may graph. The lazy alternative (solve without it, forbid each cycle
 * found in a model with one clause, solve again) was measured and dropped: it was slower on the
 * PPC corpus (1.8 s vs 2.6 s for 1491 tests) and on the scaling families up to n=14 (5.1 s vs
 * 10.2 s). ppc.cat needs the closure of hb for prop and observation anyway, so the eager
 * acyclicity clauses add little, while refinement multiplies the solver calls, and the state
 * enumeration makes thousands of calls. Only very large compositions are left lazy (see
 * {@link #DEFAULT_LAZY_TERMS}).
 */
final class RelationEncoder {
    /**
     * Relation pairs beyond which the encoding is refused: every needed pair costs a literal
     * and clauses, and programs with about a thousand events reach tens of millions of them.
     */
    static final long MAX_NEEDED_PAIRS = 4_000_000;

    /**
     * Needed pairs beyond which even the static analysis stops. Pairs that are decided on models
     * ({@link ModelRefinement}) cost two bits and their evaluation per model, not a literal, so
     * they may be many more than {@link #MAX_NEEDED_PAIRS}.
     */
    static final long MAX_ANALYSED_PAIRS = 40_000_000;

    private final Circuit c;
    private final ModelGraph g;
    private final List<Event> events;
    private final BaseRelations base;
    private final int n;
    private final int[][] setLits;
    private final RelationAnalysis analysis;
    private final BitMatrix[] may;
    private final BitMatrix[] needed;
    /** per node, the pairs whose literal is the two guards' conjunction */
    private BitMatrix[] must;
    private final BitMatrix happensWith;
    private final BitMatrix noMustPairs;
    private final LitMatrix[] lits;
    private final long lazyTerms;
    /** see {@link #DEFAULT_REFINE_RATIO} */
    private final long refineRatio;
    /** non-null when the one-way nodes' checks are decided on models ({@link ModelRefinement}) */
    private ModelRefinement refinement;
    private boolean flagsDecided;
    /** the bound {@link #neededPairsFit} last found exceeded */
    private long exceededBound;
    private CheckOptions options;
    private final SatProfile profile;

    /** @param lazyTerms compositions with more terms than this get their clauses lazily */
    RelationEncoder(Circuit c, ModelGraph g, List<Event> events, BaseRelations base, long lazyTerms,
                    long refineRatio, BitMatrix happensWith, SatProfile profile) {
        this.profile = profile;
        this.refineRatio = refineRatio;
        this.happensWith = happensWith;
        this.noMustPairs = new BitMatrix(events.size());
        this.lazyTerms = lazyTerms;
        this.c = c;
        this.g = g;
        this.events = events;
        this.base = base;
        this.n = events.size();
        setLits = new int[g.setNodes.size()][];
        for (int s = 0; s < setLits.length; s++) setLits[s] = base.setLits(s);
        analysis = new RelationAnalysis(g, base, setLits, n, MAX_ANALYSED_PAIRS);
        may = analysis.may;
        needed = analysis.needed;
        lits = new LitMatrix[g.size()];
    }

    /**
     * Adds the clauses of every check.
     *
     * @throws EngineLimitException when the program is too large to encode (reported at {@code where})
     */
    void encode(CheckOptions options, SourcePos where) throws CheckTimeoutException {
        this.options = options;
        analysis.computeMay();
        int[] guards = new int[n];
        for (int i = 0; i < n; i++) guards[i] = events.get(i).guard;
        analysis.computeMust(guards, happensWith);
        if (!g.flags.isEmpty()) analysis.sharpenDifferences();
        must = analysis.must;
        options.checkDeadline();
        // The flags' pairs come on top of the checks'; when they would make the program too
        // large, the checks are encoded without them and the flags are left undecided.
        flagsDecided = !g.flags.isEmpty() && neededPairsFit(true);
        if (!flagsDecided && !neededPairsFit(false)) {
            throw tooLarge(where, exceededBound);
        }
        computeLits();
        for (ModelGraph.CheckNode chk : g.checks) {
            int r = chk.rel();
            if (refinement != null && refinement.decides(chk)) continue;
            if (chk.kind() == Check.Kind.EMPTY) {
                for (int i = 0; i < n; i++) {
                    for (int j = may[r].next(i, 0); j >= 0; j = may[r].next(i, j + 1)) c.clause(-lits[r].get(i, j));
                }
            } else {
                for (int i = 0; i < n; i++) if (may[r].get(i, i)) c.clause(-lits[r].get(i, i));
            }
        }
        if (profile != null) profile.phase("checks");
    }

    /**
     * Computes the needed pairs (of the flags too, with {@code withFlags}) and whether to decide
     * the one-way checks on models; false when the pairs exceed the bounds.
     */
    private boolean neededPairsFit(boolean withFlags) throws CheckTimeoutException {
        refinement = null;
        try {
            analysis.computeNeeded(withFlags);
        } catch (RelationAnalysis.TooLarge e) {
            exceededBound = MAX_ANALYSED_PAIRS;
            return false;
        }
        options.checkDeadline();
        if (profile != null) profile.phase("relation analysis");
        long oneWay = oneWayNeeded(), all = allNeeded();
        if (profile != null) System.err.println("one-way needed pairs " + oneWay + " of " + all + ", variables before relations " + c.vars());
        if (oneWay > refineRatio * c.vars()) refinement = new ModelRefinement(c, g, events, setLits, may, needed, lits);
        exceededBound = MAX_NEEDED_PAIRS;
        return (refinement == null ? all : all - oneWay) <= MAX_NEEDED_PAIRS;
    }

    /** The names of the model's flags, in the order {@link #flagLiteral} numbers them. */
    java.util.List<String> flagNames() {
        return g.flags.stream().map(ModelGraph.CheckNode::name).toList();
    }

    /** Whether {@link #flagLiteral} may be asked: the model has flags and they fit the bounds. */
    boolean flagsDecided() {
        return flagsDecided;
    }

    /**
     * A literal true exactly when the execution raises flag k of {@link ModelGraph#flags} (its
     * relation has a pair, or a cycle or a reflexive pair for acyclic and irreflexive flags).
     */
    int flagLiteral(int k) {
        ModelGraph.CheckNode flag = g.flags.get(k);
        int r = flag.rel();
        java.util.List<Integer> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (flag.kind() != Check.Kind.EMPTY) {
                if (needed[r].get(i, i)) pairs.add(lits[r].get(i, i));
                continue;
            }
            for (int j = needed[r].next(i, 0); j >= 0; j = needed[r].next(i, j + 1)) pairs.add(lits[r].get(i, j));
        }
        int[] any = pairs.stream().mapToInt(Integer::intValue).toArray();
        return c.or(any, any.length);
    }

    private BitMatrix mayT(int v) {
        return analysis.mayT(v);
    }

    private EngineLimitException tooLarge(SourcePos where, long bound) {
        return new EngineLimitException(where, "a program this large for the SAT encoding ("
                + n + " events, more than " + bound + " relation pairs to encode;"
                + " a smaller unwinding bound may help)");
    }

    private long allNeeded() {
        long total = 0;
        for (BitMatrix m : needed) total += m.count();
        return total;
    }

    /** The needed pairs of the nodes that refinement would leave out of the formula. */
    private long oneWayNeeded() {
        long total = 0;
        for (int v = 0; v < g.size(); v++) {
            if (!encodedWithRefinement(v)) total += needed[v].count();
        }
        return total;
    }

    /** Whether the formula encodes node v (with refinement, see {@link #encodedWithRefinement}). */
    private boolean encoded(int v) {
        return refinement == null || encodedWithRefinement(v);
    }

    /**
     * The nodes encoded even when the checks are decided on models: exact nodes, base relations
     * and the flags' relations (refinement decides only checks).
     */
    private boolean encodedWithRefinement(int v) {
        return g.exact[v] || g.kind(v) == ModelGraph.Kind.BASE || g.flagSpace[v];
    }

    private void computeLits() throws CheckTimeoutException {
        for (int[] scc : g.sccs) {
            options.checkDeadline();
            if (!encoded(scc[0])) continue;
            if (!g.recursive[scc[0]]) {
                evalNode(scc[0]);
                if (profile != null) profile.node(g, scc[0], needed[scc[0]].count(), must[scc[0]].count());
                continue;
            }
            boolean exact = false;
            for (int v : scc) exact |= g.exact[v];
            if (exact) {
                leastFixpoint(scc);
                if (profile != null) profile.node(g, scc[0], needed[scc[0]].count(), must[scc[0]].count());
                continue;
            }
            for (int v : scc) {
                if (g.kind(v) != ModelGraph.Kind.COMPONENT) continue;
                LitMatrix m = shaped(v);
                for (int i = 0; i < n; i++) {
                    int[] l = m.lits[i];
                    for (int k = 0; k < l.length; k++) l[k] = must[v].get(i, m.cols[i][k]) ? guards(i, m.cols[i][k]) : c.newVar();
                }
            }
            if (profile != null) profile.node(g, scc[0], needed[scc[0]].count(), must[scc[0]].count());
            for (int v : g.sccBodyOrder.get(scc[0])) {
                evalNode(v);
                if (profile != null) profile.node(g, v, needed[v].count(), must[v].count());
            }
            for (int v : scc) {
                if (g.kind(v) != ModelGraph.Kind.COMPONENT) continue;
                LitMatrix m = lits[v], body = lits[g.children(v)[0]];
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < m.cols[i].length; k++) c.clause(-body.get(i, m.cols[i][k]), m.lits[i][k]);
                }
            }
            if (profile != null) profile.node(g, scc[0], needed[scc[0]].count(), must[scc[0]].count());
        }
    }

    /**
     * Exact least fixpoint by Kleene iteration from the empty relations: after as many rounds
     * as there are possible pairs, every assignment has reached its fixpoint.
     */
    private void leastFixpoint(int[] scc) {
        int pairs = 0, components = 0;
        for (int v : scc) {
            if (g.kind(v) != ModelGraph.Kind.COMPONENT) continue;
            shaped(v);
            pairs += needed[v].count();
            components++;
        }
        // An inflationary system's accumulators grow at least once every `components` rounds.
        long rounds = g.antitone[scc[0]] ? (pairs + 1L) * (components + 1L) : pairs;
        if (g.antitone[scc[0]]) {
            inOrder(scc, rounds);
            return;
        }
        int[] order = g.sccBodyOrder.get(scc[0]);
        for (long round = 0; round <= rounds; round++) {
            for (int v : order) evalNode(v);
            boolean changed = false;
            for (int v : scc) if (g.kind(v) == ModelGraph.Kind.COMPONENT) changed |= takeBody(v);
            if (!changed) return;
        }
    }

    /**
     * herd's iteration of a system that is not monotone: each round evaluates the definitions
     * in the order they are written, each seeing the values the ones before it took in the same
     * round (the order matters here, unlike for a least fixpoint).
     */
    private void inOrder(int[] scc, long rounds) {
        int[] components = java.util.Arrays.stream(scc).filter(v -> g.kind(v) == ModelGraph.Kind.COMPONENT).sorted().toArray();
        for (long round = 0; round <= rounds; round++) {
            boolean changed = false;
            for (int v : components) {
                for (int w : g.componentBodyOrder.get(v)) evalNode(w);
                changed |= takeBody(v);
            }
            if (!changed) return;
        }
    }

    /** A component takes its body's current literals; whether any changed. */
    private boolean takeBody(int v) {
        LitMatrix m = lits[v], body = lits[g.children(v)[0]];
        boolean changed = false;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < m.cols[i].length; k++) {
                int b = body.get(i, m.cols[i][k]);
                if (b != m.lits[i][k]) {
                    m.lits[i][k] = b;
                    changed = true;
                }
            }
        }
        return changed;
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
                    for (int x = BitMatrix.nextCommon(tm, i, tt, j, 0); x >= 0; x = BitMatrix.nextCommon(tm, i, tt, j, x + 1)) {
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
            lits[v] = base.choice(g.bases.get(v));
            return;
        }
        LitMatrix m = shaped(v);
        boolean exact = g.exact[v];
        // A flag's one-way nodes are never lazy: its literal is read off models whose lazy clauses may not all be in yet.
        boolean lazy = !exact && !g.flagSpace[v] && (kind == ModelGraph.Kind.SEQ || kind == ModelGraph.Kind.PLUS)
                && composedTerms(v) > lazyTerms;
        if (lazy) {
            lazyNodes.add(v);
            if (kind == ModelGraph.Kind.SEQ) {
                lazySeqLiterals(v);
                return;
            }
        }
        int[] buf = new int[Math.max(ch.length, 4)];
        // Lazy compositions keep their variables even for must pairs: binding those to the guards'
        // gate made iowq-create-worker's refinement 25 times slower (150 s against 6 s of CPU),
        // while the eager nodes' must pairs save a third of S6-iouring-normal's variables.
        BitMatrix mu = lazy ? noMustPairs : must[v];
        // With the checks decided on models, most of a base relation's pairs are never asked
        // for by an exact node or a refinement clause: their gates wait until they are
        // (S6-iouring-normal --unwind 3: 108k po and 86k ctrl gates).
        boolean defer = refinement != null && kind == ModelGraph.Kind.BASE;
        if (defer) {
            Rel.Base b = g.bases.get(v);
            BitMatrix mustPairs = mu;
            m.defer(new LitMatrix.Deferred() {
                @Override public int make(int i, int j) {
                    return mustPairs.get(i, j) ? guards(i, j) : base.lit(b, i, j);
                }

                @Override public boolean holds(int i, int j, java.util.function.IntPredicate value) {
                    return base.holds(b, i, j, mustPairs.get(i, j), value);
                }
            });
        }
        for (int i = 0; i < n; i++) {
            int[] cols = m.cols[i];
            int[] out = m.lits[i];
            for (int k = 0; k < cols.length; k++) {
                int j = cols[k];
                if (defer && base.deferrable(g.bases.get(v), mu.get(i, j))) {
                    out[k] = LitMatrix.DEFERRED;
                    continue;
                }
                if (mu.get(i, j)) {
                    out[k] = guards(i, j);
                    continue;
                }
                int lit;
                switch (kind) {
                    case BASE -> lit = base.lit(g.bases.get(v), i, j);
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
                        for (int x = BitMatrix.nextCommon(a, i, bt, j, 0); x >= 0; x = BitMatrix.nextCommon(a, i, bt, j, x + 1)) {
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

    /**
     * The literal of a must pair: the conjunction of the two guards (the same gate as po's)
     * rather than a variable bounded by its definition. Exact, so one-way and exact nodes alike
     * may use it.
     */
    private int guards(int i, int j) {
        return i == j ? events.get(i).guard : c.and(events.get(i).guard, events.get(j).guard);
    }

    // ---------------------------------------------------------------- lazy compositions

    /**
     * Compositions (r1;r2 and the rules of r+) cost one clause per middle event; on programs
     * with a few hundred events that is millions of clauses, most of which never matter. Above
     * this many, a composition's clauses are added only when a model violates them ({@link
     * #refine}). Every clause added is one of the eager encoding's, so the models that survive
     * refinement are exactly the eager encoding's models.
     */
    static final long DEFAULT_LAZY_TERMS = 50_000;

    /**
     * The checks over one-way nodes are decided on models ({@link ModelRefinement}) when those
     * nodes have more needed pairs than this many times the variables of the execution encoding
     * (events, values, rf, co). Then the relations would dwarf the execution: S6-iouring-normal
     * (2.2M pairs over 30k variables) and S5-taskwork-no-lost-work (835k over 21k) check 3 and
     * 2.5 times faster so. When the execution encoding is large itself (wide values:
     * iowq-create-worker, 904k pairs over 226k variables), the eager relation clauses guide the
     * solver and refinement was twice as slow. The PPC corpus takes the same time either way.
     */
    static final long DEFAULT_REFINE_RATIO = Long.getLong("powercheck.refineRatio", 16);

    private final List<Integer> lazyNodes = new ArrayList<>();

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
        LitMatrix m = lits[v];
        BitMatrix left = constantTrue(ch[0], false), rightT = constantTrue(ch[1], true);
        for (int i = 0; i < n; i++) {
            int[] cols = m.cols[i];
            for (int k = 0; k < cols.length; k++) {
                boolean always = BitMatrix.nextCommon(left, i, rightT, cols[k], 0) >= 0;
                m.lits[i][k] = always ? Circuit.TRUE : c.newVar();
            }
        }
    }

    /** The pairs of a node's matrix whose literal is the constant TRUE (transposed if asked). */
    private BitMatrix constantTrue(int v, boolean transpose) {
        BitMatrix out = new BitMatrix(n);
        LitMatrix m = lits[v];
        for (int i = 0; i < n; i++) {
            int[] cols = m.cols[i];
            for (int k = 0; k < cols.length; k++) {
                if (m.lits[i][k] != Circuit.TRUE) continue;
                if (transpose) out.set(cols[k], i); else out.set(i, cols[k]);
            }
        }
        return out;
    }

    /**
     * Adds the clauses of lazy compositions that the solver's current model violates: for a
     * pair (i,j) that is false in the model while some k has r1(i,k) and r2(k,j) true (for r+,
     * r(i,k) and r+(k,j)). Returns how many were added; 0 means the model satisfies them all.
     * For r+ this suffices: if j is reachable from i but r+(i,j) is false, the pair nearest to
     * j on that path with the same problem has a violated one-step rule.
     */
    int refine() {
        int added = refinement == null ? 0 : refinement.refine();
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
                    int x = BitMatrix.nextCommon(left, i, rightT, j, 0);
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
                for (int x = BitMatrix.nextCommon(am, i, tt, j, 0); x >= 0; x = BitMatrix.nextCommon(am, i, tt, j, x + 1)) {
                    int tkj = t.get(x, j);
                    if (tkj == tij) continue;
                    c.clause(-lits[a].get(i, x), -tkj, tij);
                }
            }
        }
    }
}
