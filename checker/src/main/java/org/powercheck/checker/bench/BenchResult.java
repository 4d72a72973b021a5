package org.powercheck.checker.bench;

import java.nio.file.Path;
import java.util.List;
import org.powercheck.checker.EncodingSize;
import org.powercheck.ir.Program;

/**
 * Timings of a benchmark run over the tests that checked cleanly in the warm-up pass.
 *
 * @param files         the timed tests, in input order
 * @param names         their test names
 * @param archs         their architectures
 * @param testMedians   per test, the median over the timed passes of its own time (parse + check)
 * @param passWalls     wall time of each timed pass
 * @param solverNanos   solver time summed over all timed passes and tests
 * @param testNanos     per-test time summed over all timed passes and tests
 * @param sizes         per test, its encoding's size ({@link EncodingSize#NONE} for the explicit engine)
 */
public record BenchResult(List<Path> files, List<String> names, List<Program.Arch> archs, long[] testMedians, long[] passWalls,
                          long solverNanos, long testNanos, int jobs, String engine, List<EncodingSize> sizes) {
    public BenchResult(List<Path> files, List<String> names, List<Program.Arch> archs, long[] testMedians, long[] passWalls,
                       long solverNanos, long testNanos, int jobs, String engine) {
        this(files, names, archs, testMedians, passWalls, solverNanos, testNanos, jobs, engine,
                java.util.Collections.nCopies(files.size(), EncodingSize.NONE));
    }

    public long medianWall() {
        return Stats.median(passWalls);
    }

    public int worstTest() {
        int worst = 0;
        for (int i = 1; i < testMedians.length; i++) if (testMedians[i] > testMedians[worst]) worst = i;
        return worst;
    }

    /**
     * Our wall time for a subset of the tests, estimated from the median pass by the subset's share
     * of the per-test medians (exact when the subset is everything).
     */
    public double wallSecondsFor(List<Integer> subset) {
        long all = Stats.sum(testMedians);
        if (subset.size() == files.size() || all == 0) return medianWall() / 1e9;
        long part = 0;
        for (int i : subset) part += testMedians[i];
        return medianWall() / 1e9 * part / all;
    }
}
