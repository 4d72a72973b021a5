package org.powercheck.checker.bench;

import java.util.List;
import java.util.Locale;
import org.powercheck.checker.EncodingSize;

/** The benchmark's printed summary. */
public final class BenchReport {
    private BenchReport() {}

    public static String format(BenchResult r) {
        StringBuilder sb = new StringBuilder();
        int n = r.files().size();
        int passes = r.passWalls().length;
        line(sb, "tests: %d, engine %s, %d jobs, %d timed passes after 1 warm-up pass", n, r.engine(), r.jobs(), passes);
        if (n == 0) return sb.toString();
        int worst = r.worstTest();
        line(sb, "per test (each test's median over the passes): median %s, max %s (%s)",
                ms(Stats.median(r.testMedians())), ms(r.testMedians()[worst]), r.files().get(worst));
        StringBuilder walls = new StringBuilder();
        for (long w : r.passWalls()) walls.append(' ').append(String.format(Locale.ROOT, "%.2f", w / 1e9));
        line(sb, "total wall time: median %.2f s (passes:%s)", r.medianWall() / 1e9, walls);
        line(sb, "tests per second: %.1f", n / (r.medianWall() / 1e9));
        line(sb, "solver time share: %.1f%% of the summed per-test time", 100.0 * r.solverNanos() / Math.max(1, r.testNanos()));
        encodingSizes(sb, r);
        return sb.toString();
    }

    /** The median and the largest encoding, by variables, when the engine reports sizes. */
    private static void encodingSizes(StringBuilder sb, BenchResult r) {
        List<EncodingSize> sizes = r.sizes();
        if (sizes.stream().noneMatch(EncodingSize::known)) return;
        long[] vars = sizes.stream().mapToLong(EncodingSize::variables).toArray();
        long[] clauses = sizes.stream().mapToLong(EncodingSize::clauses).toArray();
        int largest = 0;
        for (int i = 1; i < vars.length; i++) if (vars[i] > vars[largest]) largest = i;
        EncodingSize big = sizes.get(largest);
        line(sb, "encoding: median %d variables, %d clauses; largest %d events, %d variables, %d clauses (%s)",
                Stats.median(vars), Stats.median(clauses), big.events(), big.variables(), big.clauses(),
                r.files().get(largest));
    }

    /** One line per test: its median over the passes, in input order. */
    public static String eachTest(BenchResult r) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < r.files().size(); i++) {
            EncodingSize s = r.sizes().get(i);
            String size = s.known()
                    ? String.format(Locale.ROOT, "  %6d events %9d vars %9d clauses", s.events(), s.variables(), s.clauses())
                    : "";
            line(sb, "  %10s%s  %s", ms(r.testMedians()[i]), size, r.files().get(i));
        }
        return sb.toString();
    }

    /** "herd7 took X s, powercheck Y s: Z times faster" (or slower). */
    public static String ratio(String herdWhat, double herdSeconds, double ourSeconds) {
        double ratio = herdSeconds / Math.max(ourSeconds, 1e-9);
        String speed = ratio >= 1
                ? String.format(Locale.ROOT, "powercheck is %.1fx faster", ratio)
                : String.format(Locale.ROOT, "powercheck is %.1fx slower", 1 / ratio);
        return String.format(Locale.ROOT, "%s: %.2f s, powercheck %.2f s: %s", herdWhat, herdSeconds, ourSeconds, speed);
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static void line(StringBuilder sb, String fmt, Object... args) {
        sb.append(String.format(Locale.ROOT, fmt, args)).append('\n');
    }
}
