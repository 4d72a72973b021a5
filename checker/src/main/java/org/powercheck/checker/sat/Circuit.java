package org.powercheck.checker.sat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.powercheck.checker.CheckTimeoutException;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.IConstr;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.ISolverService;
import org.sat4j.specs.Lbool;
import org.sat4j.specs.RandomAccessModel;
import org.sat4j.specs.SearchListener;
import org.sat4j.specs.TimeoutException;

/**
 * Boolean circuits over one incremental SAT4J solver. Literals are DIMACS ints; {@link #TRUE}
 * is a variable fixed to true, so constants fold away before they reach the solver. AND gates
 * are hash-consed (structural hashing), so equal sub-formulas share one variable.
 */
final class Circuit {
    static final int TRUE = 1;
    static final int FALSE = -1;

    private final ISolver solver;
    private final VecInt clause = new VecInt(8);
    private final LongIntMap and2 = new LongIntMap();
    private final Map<Key, Integer> andN = new HashMap<>();
    private final DeadlineListener deadline;
    private int vars = 1;
    private int declared;
    private int declaredAtLastSolve = -1;
    private boolean contradiction;
    private long solverNanos;
    private int[] scratch = new int[16];

    Circuit(long deadlineNanos) {
        // newLight, newDefault, Glucose 2.1 and MiniSAT-heap were within measurement noise of
        // each other on the corpus (tiny instances, per-call overhead dominates); light is
        // the cheapest to set up.
        solver = SolverFactory.newLight();
        // A time-based SAT4J timeout starts a timer thread per call; a conflict listener that
        // polls the clock is much cheaper when we solve thousands of tiny incremental queries.
        solver.setTimeoutOnConflicts(Integer.MAX_VALUE);
        deadline = new DeadlineListener(solver, deadlineNanos);
        if (deadlineNanos != Long.MAX_VALUE) solver.setSearchListener(deadline);
        declared = 64;
        solver.newVar(declared);
        clause(TRUE);
    }

    int newVar() {
        int v = ++vars;
        if (v > declared) {
            // SAT4J's per-query set-up is linear in the declared variables, so grow gently.
            declared = Math.max(declared + declared / 2, v);
            solver.newVar(declared);
        }
        return v;
    }

    /** Variables allocated so far (including gates and {@link #TRUE}). */
    int vars() {
        return vars;
    }

    /** Clauses the solver holds, learnt ones excepted. */
    int clauses() {
        return solver.nConstraints();
    }

    static boolean isConst(int lit) {
        return lit == TRUE || lit == FALSE;
    }

    int and(int a, int b) {
        if (a == FALSE || b == FALSE || a == -b) return FALSE;
        if (a == TRUE || a == b) return b;
        if (b == TRUE) return a;
        int lo = Math.min(a, b), hi = Math.max(a, b);
        long key = ((long) lo << 32) ^ (hi & 0xffffffffL);
        int g = and2.get(key);
        if (g != 0) return g;
        int v = newVar();
        clause(-v, lo);
        clause(-v, hi);
        clause(v, -lo, -hi);
        and2.put(key, v);
        return v;
    }

    int or(int a, int b) {
        return -and(-a, -b);
    }

    int implies(int a, int b) {
        return or(-a, b);
    }

    /** Conjunction of {@code lits[0..n)}; the array may be reordered. */
    int and(int[] lits, int n) {
        int m = 0;
        for (int i = 0; i < n; i++) {
            int l = lits[i];
            if (l == FALSE) return FALSE;
            if (l != TRUE) lits[m++] = l;
        }
        if (m == 0) return TRUE;
        if (m == 1) return lits[0];
        if (m == 2) return and(lits[0], lits[1]);
        Arrays.sort(lits, 0, m);
        int k = 0;
        for (int i = 0; i < m; i++) {
            if (k > 0 && lits[k - 1] == lits[i]) continue;
            lits[k++] = lits[i];
        }
        for (int i = 0, j = k - 1; i < j; ) {
            int s = lits[i] + lits[j];
            if (s == 0) return FALSE;
            if (s < 0) i++; else j--;
        }
        if (k == 1) return lits[0];
        if (k == 2) return and(lits[0], lits[1]);
        if (k > MAX_GATE_WIDTH) return andOfChunks(lits, k);
        Key key = new Key(Arrays.copyOf(lits, k));
        Integer g = andN.get(key);
        if (g != null) return g;
        int v = newVar();
        int[] big = new int[k + 1];
        big[0] = v;
        for (int i = 0; i < k; i++) {
            clause(-v, lits[i]);
            big[i + 1] = -lits[i];
        }
        clause(big);
        andN.put(key, v);
        return v;
    }

    /**
     * Gates wider than this are split into a tree. SAT4J looks for a new watch from a clause's
     * start, so a clause of tens of thousands of literals (the value of a wide expression, the
     * OR of every operand pair giving it) costs that much each time the solver visits it; one
     * such gate made a 50-second solve out of a 1-second one.
     */
    static final int MAX_GATE_WIDTH = 64;

    private int andOfChunks(int[] lits, int k) {
        int chunks = (k + MAX_GATE_WIDTH - 1) / MAX_GATE_WIDTH;
        int[] parts = new int[chunks];
        for (int p = 0; p < chunks; p++) {
            int from = p * MAX_GATE_WIDTH, to = Math.min(k, from + MAX_GATE_WIDTH);
            parts[p] = and(Arrays.copyOfRange(lits, from, to), to - from);
        }
        return and(parts, chunks);
    }

    /** Disjunction of {@code lits[0..n)}; the array is overwritten. */
    int or(int[] lits, int n) {
        for (int i = 0; i < n; i++) lits[i] = -lits[i];
        return -and(lits, n);
    }

    /** OR over pairs: {@code pairs[2k] & pairs[2k+1]} for 2k < n (exact gates). */
    int orOfAnds(int[] pairs, int n) {
        int[] terms = new int[n / 2];
        int q = 0;
        for (int k = 0; k + 1 < n; k += 2) terms[q++] = and(pairs[k], pairs[k + 1]);
        return or(terms, q);
    }

    /**
     * A literal implied by each of {@code lits[0..n)} but not bounded above: for relations that
     * the checks only forbid (see {@link PolarityCheck}). Constants and single terms fold.
     */
    int impliedByAny(int[] lits, int n) {
        int m = 0;
        for (int i = 0; i < n; i++) {
            int l = lits[i];
            if (l == TRUE) return TRUE;
            if (l != FALSE) lits[m++] = l;
        }
        if (m == 0) return FALSE;
        if (m == 1) return lits[0];
        int v = newVar();
        for (int i = 0; i < m; i++) clause(-lits[i], v);
        return v;
    }

    /** A literal implied by the conjunction of {@code lits[0..n)}, not bounded above. */
    int impliedByAll(int[] lits, int n) {
        int m = 0;
        for (int i = 0; i < n; i++) {
            int l = lits[i];
            if (l == FALSE) return FALSE;
            if (l != TRUE) lits[m++] = l;
        }
        if (m == 0) return TRUE;
        if (m == 1) return lits[0];
        int v = newVar();
        int[] cl = new int[m + 1];
        for (int i = 0; i < m; i++) cl[i] = -lits[i];
        cl[m] = v;
        clause(cl);
        return v;
    }

    /** A literal implied by each conjunction {@code pairs[2k] & pairs[2k+1]}, not bounded above. */
    int impliedByAnyPair(int[] pairs, int n) {
        int m = 0;
        for (int k = 0; k + 1 < n; k += 2) {
            int a = pairs[k], b = pairs[k + 1];
            if (a == FALSE || b == FALSE || a == -b) continue;
            if (a == TRUE && b == TRUE) return TRUE;
            if (a == TRUE || a == b) a = b;
            else if (b == TRUE) b = a;
            pairs[m++] = a;
            pairs[m++] = b;
        }
        if (m == 0) return FALSE;
        if (m == 2 && pairs[0] == pairs[1]) return pairs[0];
        int v = newVar();
        for (int k = 0; k < m; k += 2) {
            if (pairs[k] == pairs[k + 1]) clause(-pairs[k], v);
            else clause(-pairs[k], -pairs[k + 1], v);
        }
        return v;
    }

    int[] scratch(int n) {
        if (scratch.length < n) scratch = new int[Math.max(n, scratch.length * 2)];
        return scratch;
    }

    /** Adds a clause; constant literals are folded. */
    void clause(int... lits) {
        clause(lits, lits.length);
    }

    void clause(int[] lits, int n) {
        if (contradiction) return;
        clause.clear();
        for (int i = 0; i < n; i++) {
            int l = lits[i];
            if (l == TRUE) return;
            if (l != FALSE) clause.push(l);
        }
        if (clause.isEmpty()) {
            contradiction = true;
            return;
        }
        if (SatProfile.ON) {
            int len = clause.size();
            int b = 32 - Integer.numberOfLeadingZeros(len);
            clauseLengths[b]++;
            if (len > 1000) longClauses.add(new Throwable("clause of " + len));
        }
        try {
            solver.addClause(clause);
        } catch (ContradictionException e) {
            contradiction = true;
        }
    }

    /** At most one of {@code lits} holds. */
    void atMostOne(int[] lits, int n) {
        if (n <= 6) {
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) clause(-lits[i], -lits[j]);
            }
            return;
        }
        // Sequential counter: s_i = some of lits[0..i] holds.
        int prev = lits[0];
        for (int i = 1; i < n; i++) {
            clause(-prev, -lits[i]);
            if (i < n - 1) {
                int s = newVar();
                clause(-prev, s);
                clause(-lits[i], s);
                prev = s;
            }
        }
    }

    /** Solves under assumptions; false also when the clauses are contradictory. */
    boolean solve(int... assumptions) throws CheckTimeoutException {
        if (contradiction) return false;
        // A query after the last one keeps its variable order and saved phases (refinement
        // rounds, the next final state: S6-iouring-normal --unwind 3 solves in 2.1 s instead of
        // 2.9 s), unless variables were declared since: SAT4J sizes its order for them anew.
        solver.setKeepSolverHot(declared == declaredAtLastSolve);
        declaredAtLastSolve = declared;
        long t0 = System.nanoTime();
        try {
            if (deadline.deadlineNanos != Long.MAX_VALUE && t0 > deadline.deadlineNanos) {
                throw new CheckTimeoutException("timeout");
            }
            return assumptions.length == 0 ? solver.isSatisfiable() : solver.isSatisfiable(new VecInt(assumptions));
        } catch (TimeoutException e) {
            throw new CheckTimeoutException("timeout");
        } finally {
            solverNanos += System.nanoTime() - t0;
        }
    }

    /** The value of a literal in the last model. */
    boolean value(int lit) {
        if (lit == TRUE) return true;
        if (lit == FALSE) return false;
        boolean v = solver.model(Math.abs(lit));
        return lit > 0 ? v : !v;
    }

    /** SAT4J's counters (decisions, propagations, conflicts, ...), for {@link SatProfile}. */
    java.util.Map<String, Number> stats() {
        return solver.getStat();
    }

    /** per bit length of a clause's size: how many were added (profiling only) */
    final long[] clauseLengths = new long[33];
    final java.util.List<Throwable> longClauses = new java.util.ArrayList<>();

    long solverNanos() {
        return solverNanos;
    }

    private record Key(int[] lits) {
        @Override public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(lits, k.lits);
        }

        @Override public int hashCode() {
            // Spread the polynomial hash: small literal arrays collide a lot otherwise.
            long h = Arrays.hashCode(lits) * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 29));
        }
    }

    /** Stops the search when the deadline passes (checked every few hundred conflicts). */
    private static final class DeadlineListener implements SearchListener<ISolverService> {
        private static final long serialVersionUID = 1L;
        private final transient ISolver solver;
        final long deadlineNanos;
        private int conflicts;

        DeadlineListener(ISolver solver, long deadlineNanos) {
            this.solver = solver;
            this.deadlineNanos = deadlineNanos;
        }

        @Override public void conflictFound(IConstr confl, int dlevel, int trailLevel) {
            if ((++conflicts & 255) == 0 && System.nanoTime() > deadlineNanos) solver.expireTimeout();
        }

        @Override public void conflictFound(int p) { }
        @Override public void init(ISolverService solverService) { }
        @Override public void assuming(int p) { }
        @Override public void propagating(int p) { }
        @Override public void enqueueing(int p, IConstr reason) { }
        @Override public void backtracking(int p) { }
        @Override public void adding(int p) { }
        @Override public void learn(IConstr c) { }
        @Override public void learnUnit(int p) { }
        @Override public void delete(IConstr c) { }
        @Override public void solutionFound(int[] model, RandomAccessModel lazyModel) { }
        @Override public void beginLoop() { }
        @Override public void start() { }
        @Override public void end(Lbool result) { }
        @Override public void restarting() { }
        @Override public void backjump(int backjumpLevel) { }
        @Override public void cleaning() { }
    }
}
