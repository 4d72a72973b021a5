package org.powercheck.checker.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.powercheck.checker.report.ManifestKey;
import org.powercheck.checker.report.Tsv;
import org.powercheck.ir.InputException;
import org.powercheck.ir.SourcePos;

/**
 * herd7's recorded times from a manifest's {@code herd_ms} column (wall time of one herd7
 * process per test), summed over the benchmarked tests that the manifest lists.
 */
public final class HerdTimes {
    private final Path manifestFile;
    private final Tsv manifest;

    private HerdTimes(Path manifestFile, Tsv manifest) {
        this.manifestFile = manifestFile;
        this.manifest = manifest;
    }

    /** Reads the manifest now, so a bad one is reported before the benchmark runs. */
    public static HerdTimes load(Path manifestFile) {
        return new HerdTimes(manifestFile, Tsv.read(manifestFile, "path", List.of("path", "herd_ms")));
    }

    public String compare(BenchResult result) {
        Path dir = manifestFile.toAbsolutePath().normalize().getParent();
        List<Integer> listed = new ArrayList<>();
        long herdMs = 0;
        int slower = 0;
        int worst = -1;
        double worstRatio = 0;
        long worstHerdMs = 0;
        for (int i = 0; i < result.files().size(); i++) {
            Optional<ManifestKey> key = ManifestKey.locate(dir, result.files().get(i), k -> manifest.row(k) != null);
            if (key.isEmpty()) continue;
            Map<String, String> row = manifest.row(key.get().key());
            if (row == null || row.get("herd_ms").isEmpty()) continue;
            try {
                herdMs += Long.parseLong(row.get("herd_ms"));
            } catch (NumberFormatException e) {
                throw new InputException(new SourcePos(manifestFile.toString(), 0, 0),
                        "herd_ms of " + key.get().key() + " is not a number: " + row.get("herd_ms"));
            }
            listed.add(i);
            long testHerdMs = Long.parseLong(row.get("herd_ms"));
            double ours = result.testMedians()[i] / 1e6;
            if (ours > testHerdMs) slower++;
            double ratio = ours / Math.max(testHerdMs, 1e-3);
            if (worst < 0 || ratio > worstRatio) {
                worst = i;
                worstRatio = ratio;
                worstHerdMs = testHerdMs;
            }
        }
        if (listed.isEmpty()) return "herd7 times: none of the benchmarked tests is in " + manifestFile + "\n";
        String what = String.format("herd7 (%s herd_ms, %d of %d tests, one process per test)",
                manifestFile.getFileName(), listed.size(), result.files().size());
        return BenchReport.ratio(what, herdMs / 1000.0, result.wallSecondsFor(listed)) + "\n"
                + String.format(java.util.Locale.ROOT, "tests slower than their herd_ms: %d of %d (nearest to herd7: %s, %s against %d ms)%n",
                        slower, listed.size(), result.files().get(worst), BenchReport.ms(result.testMedians()[worst]), worstHerdMs);
    }
}
