package org.powercheck.checker.sat;

import java.util.Arrays;

/** A relation over events 0..n-1 as a dense bit matrix (static may/needed sets). */
final class BitMatrix {
    final int n;
    final int words;
    final long[] bits;

    BitMatrix(int n) {
        this.n = n;
        this.words = (n + 63) >>> 6;
        this.bits = new long[n * words];
    }

    boolean get(int i, int j) {
        return (bits[i * words + (j >>> 6)] & (1L << j)) != 0;
    }

    void set(int i, int j) {
        bits[i * words + (j >>> 6)] |= 1L << j;
    }

    /** Sets the bit; true when it was clear. */
    boolean add(int i, int j) {
        int w = i * words + (j >>> 6);
        long m = 1L << j;
        if ((bits[w] & m) != 0) return false;
        bits[w] |= m;
        return true;
    }

    int rowOffset(int i) {
        return i * words;
    }

    boolean isEmpty() {
        for (long b : bits) if (b != 0) return false;
        return true;
    }

    int count() {
        int c = 0;
        for (long b : bits) c += Long.bitCount(b);
        return c;
    }

    int rowCount(int i) {
        int c = 0;
        for (int w = 0; w < words; w++) c += Long.bitCount(bits[i * words + w]);
        return c;
    }

    /** Next set column in row i at or after j, or -1. */
    int next(int i, int j) {
        if (j >= n) return -1;
        int base = i * words;
        int w = j >>> 6;
        long word = bits[base + w] & (-1L << j);
        while (true) {
            if (word != 0) {
                int col = (w << 6) + Long.numberOfTrailingZeros(word);
                return col < n ? col : -1;
            }
            if (++w == words) return -1;
            word = bits[base + w];
        }
    }

    BitMatrix copy() {
        BitMatrix m = new BitMatrix(n);
        System.arraycopy(bits, 0, m.bits, 0, bits.length);
        return m;
    }

    void or(BitMatrix o) {
        for (int k = 0; k < bits.length; k++) bits[k] |= o.bits[k];
    }

    void andNot(BitMatrix o) {
        for (int i = 0; i < bits.length; i++) bits[i] &= ~o.bits[i];
    }

    void and(BitMatrix o) {
        for (int k = 0; k < bits.length; k++) bits[k] &= o.bits[k];
    }

    BitMatrix transpose() {
        BitMatrix t = new BitMatrix(n);
        for (int i = 0; i < n; i++) {
            for (int j = next(i, 0); j >= 0; j = next(i, j + 1)) t.set(j, i);
        }
        return t;
    }

    /** this ; o */
    BitMatrix compose(BitMatrix o) {
        BitMatrix r = new BitMatrix(n);
        for (int i = 0; i < n; i++) {
            int ri = i * words;
            for (int k = next(i, 0); k >= 0; k = next(i, k + 1)) {
                int ok = k * words;
                for (int w = 0; w < words; w++) r.bits[ri + w] |= o.bits[ok + w];
            }
        }
        return r;
    }

    /** Transitive closure (Warshall). */
    BitMatrix closure() {
        BitMatrix r = copy();
        for (int k = 0; k < n; k++) {
            int ok = k * words;
            for (int i = 0; i < n; i++) {
                if (r.get(i, k)) {
                    int ri = i * words;
                    for (int w = 0; w < words; w++) r.bits[ri + w] |= r.bits[ok + w];
                }
            }
        }
        return r;
    }

    @Override public boolean equals(Object o) {
        return o instanceof BitMatrix m && m.n == n && Arrays.equals(m.bits, bits);
    }

    @Override public int hashCode() {
        return Arrays.hashCode(bits);
    }

    /** The next k >= from with a(i,k) and b(j,k), or -1. */
    static int nextCommon(BitMatrix a, int i, BitMatrix b, int j, int from) {
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
}
