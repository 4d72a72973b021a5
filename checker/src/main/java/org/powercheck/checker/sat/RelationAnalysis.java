package org.powercheck.checker.sat;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.powercheck.model.Check;

/**
 * The static part of the relation encoding (after Dartagnan's relation analysis): per node of
 * the compiled model, the pairs that may be related in some execution (bottom-up, recursive
 * definitions by iteration), then, top-down from the checks, the pairs whose literal a check
 * can depend on. An irreflexivity check needs only the diagonal, so {@code acyclic r} =
 * {@code irreflexive r+} needs r+ only inside the cycles of r's may graph.
 */
final class RelationAnalysis {
    private final ModelGraph g;
    private final BaseRelations base;
    private final int[][] setLits;
    private final int n;
    private final long maxNeeded;

    final BitMatrix[] may;
    /** per node, pairs related whenever both events happen (null before {@link #computeMust}) */
    final BitMatrix[] must;
    private final BitMatrix[] mayT;
    final BitMatrix[] needed;

    /** The needed pairs would exceed the bound given to the constructor. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    RelationAnalysis(ModelGraph g, BaseRelations base, int[][] setLits, int events, long maxNeeded) {
        this.g = g;
        this.base = base;
        this.setLits = setLits;
        this.n = events;
        this.maxNeeded = maxNeeded;
        may = new BitMatrix[g.size()];
        mayT = new BitMatrix[g.size()];
        needed = new BitMatrix[g.size()];
        must = new BitMatrix[g.size()];
    }

    BitMatrix mayT(int v) {
        if (mayT[v] == null) mayT[v] = may[v].transpose();
        return mayT[v];
    }

    void computeMay() {
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

    /**
     * The must sets, bottom-up like {@link #computeMay}; recursive definitions from the empty
     * relations, and closures keep only their body's must pairs (an under-approximation, which
     * is all a must set needs to be).
     *
     * @param guards       per event, its guard
     * @param happensWith  per event i: the events that happen whenever i does (bit k of row i)
     */
    void computeMust(int[] guards, BitMatrix happensWith) {
        this.guards = guards;
        this.happensWith = happensWith;
        for (int[] scc : g.sccs) {
            if (!g.recursive[scc[0]]) {
                must[scc[0]] = mustOf(scc[0]);
                continue;
            }
            for (int v : scc) if (g.kind(v) == ModelGraph.Kind.COMPONENT) must[v] = new BitMatrix(n);
            int[] order = g.sccBodyOrder.get(scc[0]);
            if (g.antitone[scc[0]]) {
                // The iteration does not only grow: a pair of the solution need not be in every
                // round. No must pairs for the components, and the body's from those: then each
                // must set holds in every round (the may sets bound every round from above).
                for (int v : order) must[v] = mustOf(v);
                continue;
            }
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int v : order) must[v] = mustOf(v);
                for (int v : scc) {
                    if (g.kind(v) != ModelGraph.Kind.COMPONENT) continue;
                    BitMatrix body = must[g.children(v)[0]];
                    if (!body.equals(must[v])) {
                        must[v] = body.copy();
                        changed = true;
                    }
                }
            }
        }
    }

    private int[] guards;
    private BitMatrix happensWith;

    /**
     * Sharpens the may sets of differences by the must sets of their right sides, then the must
     * sets again. A flag's relation such as the LKMM's data races, {@code [Plain]} with
     * {@code Plain = M \ Marked}, has may pairs only where an access can be plain: without this
     * a program of marked accesses only would encode every race pair exactly.
     */
    void sharpenDifferences() {
        computeMay();
        computeMust(guards, happensWith);
    }

    private BitMatrix mustOf(int v) {
        int[] ch = g.children(v);
        BitMatrix m;
        switch (g.kind(v)) {
            case EMPTY -> m = new BitMatrix(n);
            case BASE -> m = base.must(g.bases.get(v), may[v]);
            case IDENTITY -> {
                m = new BitMatrix(n);
                int[] s = setLits[g.sets.get(v)[0]];
                for (int i = 0; i < n; i++) if (s[i] == guards[i]) m.set(i, i);
            }
            case CROSS -> {
                m = new BitMatrix(n);
                int[] a = setLits[g.sets.get(v)[0]], b = setLits[g.sets.get(v)[1]];
                for (int i = 0; i < n; i++) {
                    if (a[i] != guards[i] || guards[i] == Circuit.FALSE) continue;
                    for (int j = 0; j < n; j++) if (b[j] == guards[j] && guards[j] != Circuit.FALSE) m.set(i, j);
                }
            }
            case UNION -> {
                m = must[ch[0]].copy();
                for (int k = 1; k < ch.length; k++) m.or(must[ch[k]]);
            }
            case INTER -> {
                m = must[ch[0]].copy();
                for (int k = 1; k < ch.length; k++) m.and(must[ch[k]]);
            }
            case DIFF -> {
                m = must[ch[0]].copy();
                m.andNot(may[ch[1]]);
            }
            case SEQ -> m = composeMust(must[ch[0]], must[ch[1]], may[v]);
            case INVERSE -> m = must[ch[0]].transpose();
            case PLUS, COMPONENT -> m = must[ch[0]].copy();
            case OPT -> {
                m = must[ch[0]].copy();
                for (int i = 0; i < n; i++) m.set(i, i);
            }
            default -> throw new IllegalStateException();
        }
        m.and(may[v]);
        return m;
    }

    /**
     * (i,j) of a;b is a must pair when a(i,k) and b(k,j) are for some k that happens whenever
     * i or j does (so whenever both do).
     */
    private BitMatrix composeMust(BitMatrix a, BitMatrix b, BitMatrix mayAb) {
        BitMatrix out = new BitMatrix(n);
        BitMatrix bt = b.transpose();
        int words = a.words;
        for (int i = 0; i < n; i++) {
            int ai = i * words;
            if (a.rowCount(i) == 0) continue;
            for (int j = mayAb.next(i, 0); j >= 0; j = mayAb.next(i, j + 1)) {
                int bj = j * words;
                for (int w = 0; w < words; w++) {
                    long common = a.bits[ai + w] & bt.bits[bj + w]
                            & (happensWith.bits[ai + w] | happensWith.bits[bj + w]);
                    if (common != 0) {
                        out.set(i, j);
                        break;
                    }
                }
            }
        }
        return out;
    }

    private BitMatrix mayOf(int v) {
        int[] ch = g.children(v);
        BitMatrix m;
        switch (g.kind(v)) {
            case EMPTY -> m = new BitMatrix(n);
            case BASE -> m = base.may(g.bases.get(v));
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
            case DIFF -> {
                // After a first must pass: no pair of b's must set, since both its events happen
                m = must[ch[1]] == null ? may[ch[0]] : may[ch[0]].copy();
                if (must[ch[1]] != null) m.andNot(must[ch[1]]);
            }
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

    private int[][] pending;
    private int[] pendingSize;
    private ArrayDeque<Integer> work;
    private boolean[] queued;

    private long neededTotal;
    private BitMatrix[] neededT;
    /** per exact closure or fixpoint: all its may pairs are needed */
    private boolean[] whollyNeeded;

    private void need(int v, int i, int j) {
        if (!may[v].get(i, j)) return;
        if (!needed[v].add(i, j)) return;
        if (g.flagSpace[v] && !whollyNeeded[v] && wholeWhenNeeded(v)) needWhole(v);
        if (neededT[v] != null) neededT[v].set(j, i);
        if (++neededTotal > maxNeeded) throw new TooLarge();
        if (pendingSize[v] == pending[v].length) pending[v] = Arrays.copyOf(pending[v], pending[v].length * 2);
        pending[v][pendingSize[v]++] = i * n + j;
        if (!queued[v]) {
            queued[v] = true;
            work.add(v);
        }
    }

    /**
     * The needed pairs of the checks and, with {@code withFlags}, of the flags too (every pair a
     * flag's relation may have).
     *
     * @throws TooLarge when more pairs are needed than the bound
     */
    void computeNeeded(boolean withFlags) {
        int nodes = g.size();
        for (int v = 0; v < nodes; v++) needed[v] = new BitMatrix(n);
        neededT = new BitMatrix[nodes];
        pending = new int[nodes][8];
        pendingSize = new int[nodes];
        queued = new boolean[nodes];
        whollyNeeded = new boolean[nodes];
        neededTotal = 0;
        work = new ArrayDeque<>();
        for (ModelGraph.CheckNode chk : g.checks) seed(chk);
        if (withFlags) for (ModelGraph.CheckNode flag : g.flags) seed(flag);
        for (int v = 0; v < nodes; v++) {
            // Exact closures and fixpoints read every pair of their matrix; a flag's only once
            // some pair of it is needed, so that flags no program can raise cost nothing.
            if (wholeWhenNeeded(v) && !g.flagSpace[v]) needWhole(v);
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

    private void seed(ModelGraph.CheckNode chk) {
        int r = chk.rel();
        if (chk.kind() == Check.Kind.EMPTY) {
            for (int i = 0; i < n; i++) {
                for (int j = may[r].next(i, 0); j >= 0; j = may[r].next(i, j + 1)) need(r, i, j);
            }
        } else {
            for (int i = 0; i < n; i++) need(r, i, i);
        }
    }

    private boolean wholeWhenNeeded(int v) {
        return g.exact[v] && (g.kind(v) == ModelGraph.Kind.PLUS
                || (g.kind(v) == ModelGraph.Kind.COMPONENT && g.recursive[v]));
    }

    private void needWhole(int v) {
        if (whollyNeeded[v]) return;
        whollyNeeded[v] = true;
        for (int i = 0; i < n; i++) {
            for (int j = may[v].next(i, 0); j >= 0; j = may[v].next(i, j + 1)) need(v, i, j);
        }
    }

    private void propagate(int v, int i, int j) {
        int[] ch = g.children(v);
        switch (g.kind(v)) {
            case UNION, INTER, DIFF, OPT, COMPONENT -> {
                for (int x : ch) need(x, i, j);
            }
            case INVERSE -> need(ch[0], j, i);
            case SEQ -> composeNeeds(ch[0], ch[1], i, j);
            case PLUS -> {
                need(ch[0], i, j);
                composeNeeds(ch[0], v, i, j);
            }
            default -> { }
        }
    }

    /**
     * (i,j) of a;b is needed: so are a(i,k) and b(k,j) for every middle k. Word-parallel, and
     * only the pairs not yet needed are visited, so the cost is the new pairs, not the terms.
     */
    private void composeNeeds(int a, int b, int i, int j) {
        BitMatrix am = may[a], bt = mayT(b), an = needed[a], bn = neededT(b);
        int words = am.words;
        int ai = i * words, bj = j * words;
        for (int w = 0; w < words; w++) {
            long common = am.bits[ai + w] & bt.bits[bj + w];
            if (common == 0) continue;
            for (long fresh = common & ~an.bits[ai + w]; fresh != 0; fresh &= fresh - 1) {
                need(a, i, (w << 6) + Long.numberOfTrailingZeros(fresh));
            }
            // Read after the loop above, which adds to it when a and b are the same node.
            for (long fresh = common & ~bn.bits[bj + w]; fresh != 0; fresh &= fresh - 1) {
                need(b, (w << 6) + Long.numberOfTrailingZeros(fresh), j);
            }
        }
    }

    /** The transposed needed matrix of a node, kept up to date from first use on. */
    private BitMatrix neededT(int v) {
        if (neededT[v] == null) neededT[v] = needed[v].transpose();
        return neededT[v];
    }
}
