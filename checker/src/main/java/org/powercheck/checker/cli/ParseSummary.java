package org.powercheck.checker.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.powercheck.frontend.Frontend;
import org.powercheck.frontend.kernel.KernelFrontend;
import org.powercheck.frontend.kernel.KernelOptions;
import org.powercheck.ir.InputException;

/**
 * {@code powercheck parse --summary}: how much of each kernel C file lowers. One line per file,
 * {@code FILE: L of N functions lower}, then every function that does not with its
 * {@code file:line:col} reason and the functions without a body whose calls were havoc'd; at the
 * end the totals and each reason counted by the functions it stops, so that one run names every
 * missing name.
 */
final class ParseSummary {
    private final PrintStream out;
    private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();

    ParseSummary(PrintStream out) {
        this.out = out;
    }

    /** @return 0 when every function of every file lowers, else 2 */
    int run(List<Path> files, KernelOptions kernel, Set<String> functions) {
        int lowered = 0, total = 0;
        boolean allRead = true;
        Map<String, Integer> reasons = new TreeMap<>();
        for (Path file : files) {
            long start = cpuNanos();
            KernelFrontend.LoweredSource source;
            try {
                source = Frontend.lower(file, kernel, functions);
            } catch (InputException e) {
                out.printf("%s: not read (%.1f s CPU)%n  %s%n", file, seconds(start), e.getMessage());
                reasons.merge("file not read: " + e.detail(), 1, Integer::sum);
                allRead = false;
                continue;
            }
            int l = source.program().threads().size();
            int n = l + source.notLowered().size();
            lowered += l;
            total += n;
            out.printf("%s: %d of %d functions lower (%s, %.1f s CPU)%n", file, l, n, percent(l, n), seconds(start));
            for (KernelFrontend.NotLowered f : source.notLowered()) {
                out.printf("  %s (function '%s')%n", f.why().getMessage(), f.function());
                reasons.merge(f.why().detail(), 1, Integer::sum);
            }
            if (!source.havocked().isEmpty()) {
                out.printf("  havoc'd, no body (%d): %s%n", source.havocked().size(), String.join(", ", source.havocked()));
            }
        }
        out.printf("total: %d of %d functions lower (%s)%n", lowered, total, percent(lowered, total));
        if (!reasons.isEmpty()) {
            out.println("reasons, by the functions they stop:");
            reasons.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> out.printf("  %4d  %s%n", e.getValue(), e.getKey()));
        }
        out.flush();
        return allRead && lowered == total ? 0 : 2;
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "-" : String.format("%.0f%%", 100.0 * part / whole);
    }

    private long cpuNanos() {
        return cpu.isCurrentThreadCpuTimeSupported() ? cpu.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private double seconds(long start) {
        return (cpuNanos() - start) / 1e9;
    }
}
