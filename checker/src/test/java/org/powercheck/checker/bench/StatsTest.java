package org.powercheck.checker.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3, Stats.median(new long[] {9, 3, 1}));
        assertEquals(5, Stats.median(new long[] {9, 1, 3, 7}));
        assertEquals(0, Stats.median(new long[0]));
    }

    @Test
    void medianDoesNotReorderItsInput() {
        long[] v = {3, 1, 2};
        Stats.median(v);
        assertEquals(3, v[0]);
    }

    @Test
    void maxAndSum() {
        assertEquals(9, Stats.max(new long[] {3, 9, 1}));
        assertEquals(13, Stats.sum(new long[] {3, 9, 1}));
    }
}
