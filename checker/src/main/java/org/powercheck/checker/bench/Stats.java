package org.powercheck.checker.bench;

import java.util.Arrays;

/** Small order statistics over timings. */
public final class Stats {
    private Stats() {}

    /** The median; for an even count, the mean of the two middle values. */
    public static long median(long[] values) {
        if (values.length == 0) return 0;
        long[] v = values.clone();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    public static long max(long[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    public static long sum(long[] values) {
        return Arrays.stream(values).sum();
    }
}
