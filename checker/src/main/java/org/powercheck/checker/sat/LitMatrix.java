package org.powercheck.checker.sat;

import java.util.Arrays;

/** A relation over events as a sparse matrix of literals; absent pairs are FALSE. */
final class LitMatrix {
    static final int[] NONE = new int[0];
    /** A pair whose literal is made only when it is first asked for ({@link #defer}); no literal is 0. */
    static final int DEFERRED = 0;

    /** Makes deferred pairs' literals, and reads them off a model without making them. */
    interface Deferred {
        int make(int i, int j);

        boolean holds(int i, int j, java.util.function.IntPredicate value);
    }

    final int n;
    final int[][] cols;
    final int[][] lits;
    private Deferred deferred;

    LitMatrix(int n) {
        this.n = n;
        cols = new int[n][];
        lits = new int[n][];
        Arrays.fill(cols, NONE);
        Arrays.fill(lits, NONE);
    }

    int get(int i, int j) {
        int[] c = cols[i];
        int lo = 0, hi = c.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int v = c[mid];
            if (v < j) lo = mid + 1;
            else if (v > j) hi = mid - 1;
            else return lits[i][mid] == DEFERRED && deferred != null ? materialize(i, mid) : lits[i][mid];
        }
        return Circuit.FALSE;
    }

    /** Lets pairs hold {@link #DEFERRED}, their literals made by {@code source} when asked for. */
    void defer(Deferred source) {
        deferred = source;
    }

    private int materialize(int i, int k) {
        int lit = deferred.make(i, cols[i][k]);
        lits[i][k] = lit;
        return lit;
    }

    /** Whether the k-th pair of row i holds under a model ({@code value} of each literal). */
    boolean holds(int i, int k, java.util.function.IntPredicate value) {
        int lit = lits[i][k];
        return lit != DEFERRED ? value.test(lit) : deferred.holds(i, cols[i][k], value);
    }

    /** Lays out row i with the columns of {@code pattern}'s row i; literals start FALSE. */
    void shape(int i, BitMatrix pattern) {
        int k = pattern.rowCount(i);
        if (k == 0) return;
        int[] c = new int[k];
        int m = 0;
        for (int j = pattern.next(i, 0); j >= 0; j = pattern.next(i, j + 1)) c[m++] = j;
        cols[i] = c;
        int[] l = new int[k];
        Arrays.fill(l, Circuit.FALSE);
        lits[i] = l;
    }

    void set(int i, int j, int lit) {
        int k = Arrays.binarySearch(cols[i], j);
        if (k < 0) throw new IllegalStateException("pair outside the matrix shape: " + i + "," + j);
        lits[i][k] = lit;
    }
}
