package org.powercheck.checker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Program;
import org.powercheck.ir.SourcePos;

/**
 * Runs a herd7 binary over the benchmarked tests, one process per architecture as herd7 is
 * usually run on a corpus: {@code herd7 -model ppc.cat FILES} for PPC and, when {@code HERDLIB}
 * holds the LKMM files, {@code herd7 -conf linux-kernel.cfg FILES} for C. When powercheck checks
 * against a cat file ({@code --cat}), herd7 gets the same file for every architecture.
 */
public final class HerdRun {
    private HerdRun() {}

    /** Fails early, before any timing, when the binary cannot be run. */
    public static void requireExecutable(Path herd) {
        if (!Files.isRegularFile(herd) || !Files.isExecutable(herd)) {
            throw new InputException(new SourcePos(herd.toString(), 0, 0), "no herd7 executable here");
        }
    }

    public static String compare(Path herd, BenchResult result) {
        return compare(herd, result, Optional.empty());
    }

    public static String compare(Path herd, BenchResult result, Optional<Path> cat) {
        StringBuilder sb = new StringBuilder();
        for (Program.Arch a : Program.Arch.values()) {
            List<Integer> subset = new ArrayList<>();
            for (int i = 0; i < result.files().size(); i++) {
                if (result.archs().get(i) == a) subset.add(i);
            }
            if (subset.isEmpty()) continue;
            Optional<List<String>> options = cat.isPresent()
                    ? Optional.of(List.of("-model", cat.get().toString())) : options(a);
            if (options.isEmpty()) {
                sb.append("herd7: skipped the ").append(subset.size())
                        .append(" C tests: HERDLIB does not point to a folder with linux-kernel.cfg\n");
                continue;
            }
            List<String> command = new ArrayList<>();
            command.add(herd.toString());
            command.addAll(options.get());
            for (int i : subset) command.add(result.files().get(i).toString());
            double seconds = time(command);
            String what = String.format("herd7 %s (%d tests, one process)", a, subset.size());
            sb.append(BenchReport.ratio(what, seconds, result.wallSecondsFor(subset))).append('\n');
        }
        return sb.toString();
    }

    private static Optional<List<String>> options(Program.Arch a) {
        return switch (a) {
            case PPC -> Optional.of(List.of("-model", "ppc.cat"));
            case C -> {
                String lib = System.getenv("HERDLIB");
                yield lib != null && Files.isRegularFile(Path.of(lib, "linux-kernel.cfg"))
                        ? Optional.of(List.of("-conf", "linux-kernel.cfg"))
                        : Optional.empty();
            }
        };
    }

    private static double time(List<String> command) {
        long t0 = System.nanoTime();
        try {
            Process p = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            p.waitFor();
        } catch (IOException e) {
            throw new InputException(new SourcePos(command.get(0), 0, 0), "cannot run herd7: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
