package org.powercheck.checker.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.powercheck.checker.EncodingSize;
import org.powercheck.checker.report.HerdText;
import org.powercheck.checker.report.TestResult;
import org.powercheck.ir.Program;

/**
 * Times the checker in one JVM: a warm-up pass over every test (which also weeds out tests
 * that do not check cleanly), then {@code repeat} timed passes.
 */
public final class Benchmark {
    private Benchmark() {}

    public static BenchResult run(List<Path> files, Function<Path, TestResult> check, int jobs, int repeat,
                                  String engine, PrintStream err) {
        List<Path> timed = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Program.Arch> archs = new ArrayList<>();
        List<EncodingSize> sizes = new ArrayList<>();
        InOrder.run(files, check, r -> {
            if (r instanceof TestResult.Checked c) {
                sizes.add(c.outcome().size());
                timed.add(c.file());
                names.add(c.name());
                archs.add(c.outcome().program().arch());
            } else {
                String why = r instanceof TestResult.TimedOut ? r.file() + ": timeout" : HerdText.errorLine(r);
                err.println("bench: left out " + why);
            }
        }, jobs);
        long[][] perTest = new long[timed.size()][repeat];
        long[] walls = new long[repeat];
        long[] solver = new long[1];
        long[] total = new long[1];
        for (int pass = 0; pass < repeat; pass++) {
            int p = pass;
            int[] index = {0};
            long t0 = System.nanoTime();
            InOrder.run(timed, check, r -> {
                int i = index[0]++;
                perTest[i][p] = r.elapsedNanos();
                total[0] += r.elapsedNanos();
                if (r instanceof TestResult.Checked c) solver[0] += c.outcome().solverNanos();
            }, jobs);
            walls[pass] = System.nanoTime() - t0;
        }
        long[] medians = new long[timed.size()];
        for (int i = 0; i < medians.length; i++) medians[i] = Stats.median(perTest[i]);
        return new BenchResult(List.copyOf(timed), List.copyOf(names), List.copyOf(archs), medians, walls, solver[0], total[0], jobs, engine,
                List.copyOf(sizes));
    }
}
