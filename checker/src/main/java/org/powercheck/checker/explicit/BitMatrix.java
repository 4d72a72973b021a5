package org.powercheck.checker.explicit;

import java.util.Arrays;

/**
 * A relation over the events {@code 0..n-1} of one concrete execution, as a row-major bit matrix.
 * Operations return new matrices; a matrix is never changed after it has been handed out.
 */
final class BitMatrix {
    final int n;
    final int words;
    private final long[] bits;

    private BitMatrix(int n) {
        this.n = n;
        this.words = EventMask.words(n);
        this.bits = new long[n * words];
    }

    static BitMatrix empty(int n) {
        return new BitMatrix(n);
    }

    static BitMatrix identity(int n) {
        BitMatrix m = new BitMatrix(n);
        for (int i = 0; i < n; i++) m.set(i, i);
        return m;
    }

    /** {@code [s]}: the identity restricted to the events of {@code s}. */
    static BitMatrix identity(int n, long[] s) {
        BitMatrix m = new BitMatrix(n);
        for (int i = 0; i < n; i++) if (EventMask.has(s, i)) m.set(i, i);
        return m;
    }

    /** {@code a * b} */
    static BitMatrix cross(int n, long[] a, long[] b) {
        BitMatrix m = new BitMatrix(n);
        for (int i = 0; i < n; i++) {
            if (EventMask.has(a, i)) System.arraycopy(b, 0, m.bits, i * m.words, m.words);
        }
        return m;
    }

    /** Building only: matrices are mutated while an execution is assembled, never afterwards. */
    void set(int i, int j) {
        bits[i * words + (j >>> 6)] |= 1L << j;
    }

    /** Building only: adds every event of {@code s} to row {@code i}. */
    void addRow(int i, long[] s) {
        for (int w = 0; w < words; w++) bits[i * words + w] |= s[w];
    }

    /** Row {@code i} as an event set (a copy). */
    long[] row(int i) {
        long[] r = new long[words];
        System.arraycopy(bits, i * words, r, 0, words);
        return r;
    }

    BitMatrix copy() {
        BitMatrix m = new BitMatrix(n);
        System.arraycopy(bits, 0, m.bits, 0, bits.length);
        return m;
    }

    boolean get(int i, int j) {
        return (bits[i * words + (j >>> 6)] & (1L << j)) != 0;
    }

    BitMatrix union(BitMatrix o) {
        BitMatrix m = new BitMatrix(n);
        for (int k = 0; k < bits.length; k++) m.bits[k] = bits[k] | o.bits[k];
        return m;
    }

    BitMatrix inter(BitMatrix o) {
        BitMatrix m = new BitMatrix(n);
        for (int k = 0; k < bits.length; k++) m.bits[k] = bits[k] & o.bits[k];
        return m;
    }

    BitMatrix minus(BitMatrix o) {
        BitMatrix m = new BitMatrix(n);
        for (int k = 0; k < bits.length; k++) m.bits[k] = bits[k] & ~o.bits[k];
        return m;
    }

    /** {@code this ; o} */
    BitMatrix seq(BitMatrix o) {
        BitMatrix m = new BitMatrix(n);
        for (int i = 0; i < n; i++) {
            int row = i * words;
            for (int v = 0; v < words; v++) {
                long mid = bits[row + v];
                while (mid != 0) {
                    int j = (v << 6) + Long.numberOfTrailingZeros(mid);
                    mid &= mid - 1;
                    int other = j * words;
                    for (int w = 0; w < words; w++) m.bits[row + w] |= o.bits[other + w];
                }
            }
        }
        return m;
    }

    BitMatrix inverse() {
        BitMatrix m = new BitMatrix(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) if (get(i, j)) m.set(j, i);
        }
        return m;
    }

    /** The transitive closure (Warshall). */
    BitMatrix plus() {
        BitMatrix m = new BitMatrix(n);
        System.arraycopy(bits, 0, m.bits, 0, bits.length);
        for (int k = 0; k < n; k++) {
            int rowK = k * words;
            for (int i = 0; i < n; i++) {
                if (m.get(i, k)) {
                    int row = i * words;
                    for (int w = 0; w < words; w++) m.bits[row + w] |= m.bits[rowK + w];
                }
            }
        }
        return m;
    }

    BitMatrix star() {
        return plus().union(identity(n));
    }

    BitMatrix opt() {
        return union(identity(n));
    }

    boolean isEmpty() {
        for (long b : bits) if (b != 0) return false;
        return true;
    }

    boolean isIrreflexive() {
        for (int i = 0; i < n; i++) if (get(i, i)) return false;
        return true;
    }

    /**
     * No cycle, by Kahn's algorithm: repeatedly remove events with no incoming edge from the
     * events left; a cycle is exactly what prevents removing them all. (Cheaper than testing
     * the diagonal of {@link #plus()}, and this is the hottest check of the explicit engine.)
     */
    boolean isAcyclic() {
        int[] incoming = new int[n];
        for (int k = 0; k < bits.length; k++) {
            long succ = bits[k];
            while (succ != 0) {
                incoming[((k % words) << 6) + Long.numberOfTrailingZeros(succ)]++;
                succ &= succ - 1;
            }
        }
        int[] ready = new int[n];
        int readyCount = 0;
        for (int j = 0; j < n; j++) if (incoming[j] == 0) ready[readyCount++] = j;
        int removed = 0;
        while (readyCount > 0) {
            int i = ready[--readyCount];
            removed++;
            int row = i * words;
            for (int w = 0; w < words; w++) {
                long succ = bits[row + w];
                while (succ != 0) {
                    int j = (w << 6) + Long.numberOfTrailingZeros(succ);
                    succ &= succ - 1;
                    if (--incoming[j] == 0) ready[readyCount++] = j;
                }
            }
        }
        return removed == n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BitMatrix m && m.n == n && Arrays.equals(m.bits, bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) if (get(i, j)) sb.append(' ').append(i).append("->").append(j);
        }
        return sb.append(" }").toString();
    }
}
