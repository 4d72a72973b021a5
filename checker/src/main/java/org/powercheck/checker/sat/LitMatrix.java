package org.powercheck.checker.sat;

import java.util.Arrays;

/** A relation over events as a sparse matrix of literals; absent pairs are FALSE. */
final class LitMatrix {
    static final int[] NONE = new int[0];

    final int n;
    final int[][] cols;
    final int[][] lits;

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
            else return lits[i][mid];
        }
        return Circuit.FALSE;
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
