package org.powercheck.checker.explicit;

/** A set of events {@code 0..n-1} as a bit vector ({@code long[]}); static helpers only. */
final class EventMask {
    private EventMask() {}

    static int words(int n) {
        return Math.max(1, (n + 63) >>> 6);
    }

    static long[] empty(int n) {
        return new long[words(n)];
    }

    static long[] all(int n) {
        long[] s = empty(n);
        for (int i = 0; i < n; i++) add(s, i);
        return s;
    }

    static void add(long[] s, int i) {
        s[i >>> 6] |= 1L << i;
    }

    static boolean has(long[] s, int i) {
        return (s[i >>> 6] & (1L << i)) != 0;
    }

    static long[] union(long[] a, long[] b) {
        long[] s = new long[a.length];
        for (int k = 0; k < s.length; k++) s[k] = a[k] | b[k];
        return s;
    }

    static long[] inter(long[] a, long[] b) {
        long[] s = new long[a.length];
        for (int k = 0; k < s.length; k++) s[k] = a[k] & b[k];
        return s;
    }

    static long[] minus(long[] a, long[] b) {
        long[] s = new long[a.length];
        for (int k = 0; k < s.length; k++) s[k] = a[k] & ~b[k];
        return s;
    }
}
