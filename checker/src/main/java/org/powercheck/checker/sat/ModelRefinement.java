package org.powercheck.checker.sat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.powercheck.model.Check;

/**
 * The checks of a model over its one-way relations, decided on each solver model instead of
 * in the formula (counterexample-guided, as Dartagnan's lazy theory of relations). The solver
 * sees only the execution choices, the base relations and the exact nodes (those below a
 * difference's right side, see {@link PolarityCheck}); every other node is evaluated
 * explicitly on the model, from the leaves' literals up, each pair with a derivation. A check
 * that fails yields its reason: the leaf literals, true in the model, of one derivation of a
 * forbidden pair (a cycle, for acyclicity). The clause that negates them is implied by the
 * eager encoding (one-way nodes are monotone in their leaves), so refinement keeps exactly
 * the models that pass every check.
 *
 * <p>Each node is evaluated only on its needed pairs ({@link RelationAnalysis}), which hold
 * every pair a needed pair's derivation can use.
 */
final class ModelRefinement {
    private static final int NO_DERIVATION = Integer.MIN_VALUE;

    private final Circuit c;
    private final ModelGraph g;
    private final List<Event> events;
    private final int n;
    private final int[][] setLits;
    private final BitMatrix[] may, needed;
    /** literals of the nodes the formula encodes (leaves here); null for the others */
    private final LitMatrix[] lits;
    /** per node, its pairs in the current model, and transposed */
    private final BitMatrix[] val, valT;
    /** per PLUS node and node of a recursive definition: each true pair's derivation */
    private final int[][] derivation;

    ModelRefinement(Circuit c, ModelGraph g, List<Event> events, int[][] setLits, BitMatrix[] may,
                    BitMatrix[] needed, LitMatrix[] lits) {
        this.c = c;
        this.g = g;
        this.events = events;
        this.n = events.size();
        this.setLits = setLits;
        this.may = may;
        this.needed = needed;
        this.lits = lits;
        val = new BitMatrix[g.size()];
        valT = new BitMatrix[g.size()];
        derivation = new int[g.size()][];
    }

    /** The checks this class decides: those whose relation the formula does not encode. */
    boolean decides(ModelGraph.CheckNode chk) {
        return lits[chk.rel()] == null;
    }

    /**
     * Evaluates the model and adds a clause for each failed check's reason; returns how many
     * (0: the model passes every check).
     */
    int refine() {
        evaluate();
        Set<Reason> clauses = new HashSet<>();
        for (ModelGraph.CheckNode chk : g.checks) {
            if (!decides(chk)) continue;
            int r = chk.rel();
            BitMatrix v = val[r];
            for (int i = 0; i < n; i++) {
                if (chk.kind() == Check.Kind.EMPTY) {
                    for (int j = v.next(i, 0); j >= 0; j = v.next(i, j + 1)) clauses.add(reason(r, i, j));
                } else if (v.get(i, i)) {
                    clauses.add(reason(r, i, i));
                }
            }
        }
        for (Reason r : clauses) {
            int[] cl = new int[r.lits.length];
            for (int k = 0; k < cl.length; k++) cl[k] = -r.lits[k];
            c.clause(cl);
        }
        return clauses.size();
    }

    // ---------------------------------------------------------------- evaluation

    private void evaluate() {
        for (int[] scc : g.sccs) {
            if (lits[scc[0]] != null) {
                for (int v : scc) leafValues(v);
            } else if (!g.recursive[scc[0]]) {
                eval(scc[0], false);
            } else {
                fixpoint(scc);
            }
        }
    }

    private void leafValues(int v) {
        BitMatrix m = new BitMatrix(n);
        LitMatrix l = lits[v];
        for (int i = 0; i < n; i++) {
            int[] cols = l.cols[i];
            for (int k = 0; k < cols.length; k++) if (l.holds(i, k, c::value)) m.set(i, cols[k]);
        }
        m.and(needed[v]);
        set(v, m);
    }

    private void set(int v, BitMatrix m) {
        val[v] = m;
        valT[v] = m.transpose();
    }

    /** Least fixpoint by Kleene iteration; a pair keeps the derivation it was first found with. */
    private void fixpoint(int[] scc) {
        for (int v : scc) {
            if (g.kind(v) == ModelGraph.Kind.COMPONENT) set(v, new BitMatrix(n));
            else val[v] = null;
        }
        int[] order = g.sccBodyOrder.get(scc[0]);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int v : order) eval(v, true);
            for (int v : scc) {
                if (g.kind(v) != ModelGraph.Kind.COMPONENT) continue;
                BitMatrix body = val[g.children(v)[0]];
                if (!body.equals(val[v])) {
                    set(v, body.copy());
                    changed = true;
                }
            }
        }
    }

    /** @param keep in a recursive definition: pairs already true keep their derivation */
    private void eval(int v, boolean keep) {
        int[] ch = g.children(v);
        BitMatrix need = needed[v];
        BitMatrix old = keep ? val[v] : null;
        int[] der = null;
        if (keep || g.kind(v) == ModelGraph.Kind.PLUS) {
            if (derivation[v] == null) derivation[v] = new int[n * n];
            der = derivation[v];
        }
        BitMatrix m;
        switch (g.kind(v)) {
            case EMPTY -> m = new BitMatrix(n);
            case BASE -> throw new IllegalStateException("base relations are leaves");
            case IDENTITY -> {
                m = new BitMatrix(n);
                int[] s = setLits[g.sets.get(v)[0]];
                for (int i = 0; i < n; i++) if (need.get(i, i) && c.value(s[i])) m.set(i, i);
            }
            case CROSS -> {
                m = new BitMatrix(n);
                int[] a = setLits[g.sets.get(v)[0]], b = setLits[g.sets.get(v)[1]];
                boolean[] right = new boolean[n];
                for (int j = 0; j < n; j++) right[j] = c.value(b[j]);
                for (int i = 0; i < n; i++) {
                    if (!c.value(a[i])) continue;
                    for (int j = need.next(i, 0); j >= 0; j = need.next(i, j + 1)) if (right[j]) m.set(i, j);
                }
            }
            case UNION -> {
                m = new BitMatrix(n);
                for (int x : ch) m.or(val[x]);
                m.and(need);
                if (der != null) {
                    int[] d = der;
                    forNew(m, old, (i, j) -> {
                        int k = 0;
                        while (!val[ch[k]].get(i, j)) k++;
                        d[i * n + j] = k;
                    });
                }
            }
            case INTER -> {
                m = val[ch[0]].copy();
                for (int k = 1; k < ch.length; k++) m.and(val[ch[k]]);
                m.and(need);
            }
            case DIFF -> {
                m = val[ch[0]].copy();
                m.andNot(val[ch[1]]);
                m.and(need);
            }
            case SEQ -> {
                m = new BitMatrix(n);
                BitMatrix a = val[ch[0]], bt = valT[ch[1]];
                for (int i = 0; i < n; i++) {
                    if (a.rowCount(i) == 0) continue;
                    for (int j = need.next(i, 0); j >= 0; j = need.next(i, j + 1)) {
                        if (old != null && old.get(i, j)) {
                            m.set(i, j);
                            continue;
                        }
                        int k = BitMatrix.nextCommon(a, i, bt, j, 0);
                        if (k < 0) continue;
                        m.set(i, j);
                        if (der != null) der[i * n + j] = k;
                    }
                }
            }
            case INVERSE -> {
                m = valT[ch[0]].copy();
                m.and(need);
            }
            case OPT -> {
                m = val[ch[0]].copy();
                for (int i = 0; i < n; i++) if (c.value(events.get(i).guard)) m.set(i, i);
                m.and(need);
            }
            case PLUS -> m = closure(ch[0], need, old, der);
            case COMPONENT -> m = val[ch[0]].copy();
            default -> throw new IllegalStateException(g.kind(v).name());
        }
        if (old != null) m.or(old);
        set(v, m);
    }

    /**
     * r+ on its needed pairs, as T(i,j) = r(i,j) | r(i,k) & T(k,j) (the needed pairs are closed
     * under that rule): per target j, backwards from j's r-predecessors. The derivation of a
     * pair is its middle k, or -1 for a direct edge.
     */
    private BitMatrix closure(int a, BitMatrix need, BitMatrix old, int[] der) {
        BitMatrix m = new BitMatrix(n);
        BitMatrix r = val[a], rt = valT[a];
        BitMatrix needT = need.transpose();
        int[] queue = new int[n];
        for (int j = 0; j < n; j++) {
            if (needT.rowCount(j) == 0) continue;
            int head = 0, tail = 0;
            for (int i = rt.next(j, 0); i >= 0; i = rt.next(j, i + 1)) {
                if (!need.get(i, j) || m.get(i, j)) continue;
                m.set(i, j);
                if (old == null || !old.get(i, j)) der[i * n + j] = -1;
                queue[tail++] = i;
            }
            while (head < tail) {
                int k = queue[head++];
                for (int i = rt.next(k, 0); i >= 0; i = rt.next(k, i + 1)) {
                    if (!need.get(i, j) || m.get(i, j)) continue;
                    m.set(i, j);
                    if (old == null || !old.get(i, j)) der[i * n + j] = k;
                    queue[tail++] = i;
                }
            }
            if (old != null) {
                // Pairs already true keep their derivation; they are reached again here.
                for (int i = needT.next(j, 0); i >= 0; i = needT.next(j, i + 1)) if (old.get(i, j)) m.set(i, j);
            }
        }
        return m;
    }

    private interface PairAction {
        void accept(int i, int j);
    }

    private void forNew(BitMatrix m, BitMatrix old, PairAction f) {
        for (int i = 0; i < n; i++) {
            for (int j = m.next(i, 0); j >= 0; j = m.next(i, j + 1)) if (old == null || !old.get(i, j)) f.accept(i, j);
        }
    }

    // ---------------------------------------------------------------- reasons

    /** A clause's literals (true in the model), sorted, for de-duplication. */
    private record Reason(int[] lits) {
        @Override public boolean equals(Object o) {
            return o instanceof Reason r && Arrays.equals(lits, r.lits);
        }

        @Override public int hashCode() {
            return Arrays.hashCode(lits);
        }
    }

    /** The leaf literals of one derivation of pair (i,j) of node v (true in the model). */
    private Reason reason(int v0, int i0, int j0) {
        LongIntMap seen = new LongIntMap();
        List<Integer> out = new ArrayList<>();
        Set<Integer> outSet = new HashSet<>();
        long[] stack = new long[64];
        int sp = 0;
        stack[sp++] = key(v0, i0, j0);
        while (sp > 0) {
            long top = stack[--sp];
            if (seen.get(top) != 0) continue;
            seen.put(top, 1);
            int v = (int) (top / ((long) n * n));
            int rest = (int) (top % ((long) n * n));
            int i = rest / n, j = rest % n;
            int[] ch = g.children(v);
            List<Long> next = new ArrayList<>(2);
            if (lits[v] != null) {
                addLit(lits[v].get(i, j), out, outSet);
                continue;
            }
            switch (g.kind(v)) {
                case EMPTY, BASE -> throw new IllegalStateException("no derivation of a pair of " + g.kind(v));
                case IDENTITY -> addLit(setLits[g.sets.get(v)[0]][i], out, outSet);
                case CROSS -> {
                    addLit(setLits[g.sets.get(v)[0]][i], out, outSet);
                    addLit(setLits[g.sets.get(v)[1]][j], out, outSet);
                }
                case UNION -> {
                    int k;
                    if (derivation[v] != null && g.recursive[v]) {
                        k = derivation[v][i * n + j];
                    } else {
                        k = 0;
                        while (!val[ch[k]].get(i, j)) k++;
                    }
                    next.add(key(ch[k], i, j));
                }
                case INTER -> {
                    for (int x : ch) next.add(key(x, i, j));
                }
                case DIFF -> {
                    next.add(key(ch[0], i, j));
                    // The right side is exact and false here: its literal is false in the model.
                    if (may[ch[1]].get(i, j)) addLit(-lits[ch[1]].get(i, j), out, outSet);
                }
                case SEQ -> {
                    int k = derivation[v] != null && g.recursive[v] ? derivation[v][i * n + j]
                            : BitMatrix.nextCommon(val[ch[0]], i, valT[ch[1]], j, 0);
                    next.add(key(ch[0], i, k));
                    next.add(key(ch[1], k, j));
                }
                case INVERSE -> next.add(key(ch[0], j, i));
                case OPT -> {
                    if (i == j) addLit(events.get(i).guard, out, outSet);
                    else next.add(key(ch[0], i, j));
                }
                case PLUS -> {
                    int k = derivation[v][i * n + j];
                    if (k < 0) {
                        next.add(key(ch[0], i, j));
                    } else {
                        next.add(key(ch[0], i, k));
                        next.add(key(v, k, j));
                    }
                }
                case COMPONENT -> next.add(key(ch[0], i, j));
                default -> throw new IllegalStateException(g.kind(v).name());
            }
            for (long k : next) {
                if (sp == stack.length) stack = Arrays.copyOf(stack, sp * 2);
                stack[sp++] = k;
            }
        }
        int[] r = new int[out.size()];
        for (int k = 0; k < r.length; k++) r[k] = out.get(k);
        Arrays.sort(r);
        return new Reason(r);
    }

    private static void addLit(int lit, List<Integer> out, Set<Integer> outSet) {
        if (lit == Circuit.TRUE) return;
        if (lit == Circuit.FALSE) throw new IllegalStateException("a derivation through a false literal");
        if (outSet.add(lit)) out.add(lit);
    }

    private long key(int v, int i, int j) {
        return ((long) v * n + i) * n + j;
    }
}
