package org.powercheck.checker.sat;

import java.util.Arrays;

/** Sets of longs as sorted, duplicate-free arrays. */
final class LongSets {
    static final long[] EMPTY = new long[0];

    private LongSets() {}

    static long[] of(long v) {
        return new long[] {v};
    }

    static long[] normalize(long[] a, int n) {
        if (n == 0) return EMPTY;
        long[] b = Arrays.copyOf(a, n);
        Arrays.sort(b);
        int m = 1;
        for (int i = 1; i < n; i++) if (b[i] != b[m - 1]) b[m++] = b[i];
        return m == n ? b : Arrays.copyOf(b, m);
    }

    static long[] union(long[] a, long[] b) {
        if (a == b || b.length == 0) return a;
        if (a.length == 0) return b;
        long[] out = new long[a.length + b.length];
        int i = 0, j = 0, n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) out[n++] = a[i++];
            else if (b[j] < a[i]) out[n++] = b[j++];
            else { out[n++] = a[i++]; j++; }
        }
        while (i < a.length) out[n++] = a[i++];
        while (j < b.length) out[n++] = b[j++];
        if (n == a.length) return a;
        if (n == b.length) return b;
        return Arrays.copyOf(out, n);
    }

    static boolean intersects(long[] a, long[] b) {
        int i = 0, j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) i++;
            else if (b[j] < a[i]) j++;
            else return true;
        }
        return false;
    }
}
