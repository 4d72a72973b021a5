package org.powercheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.powercheck.checker.cli.CliRun;
import org.powercheck.checker.cli.ProjectPaths;

/**
 * The RCU tests of the C corpus where POWER (the ppc64 lowering with power-rcu.cat) and the
 * LKMM differ, as {@code rcu-ppc-findings.tsv} lists them with the reason: each is Allowed by
 * herd7's LKMM and Forbidden on POWER, on both engines. A finding that no longer holds fails.
 */
class RcuPowerFindingsTest {
    @Test
    void eachFindingIsAnLkmmAllowedTestThatPowerForbids() throws IOException {
        Path litmus = ProjectPaths.requireSharedLitmus("RCU findings on POWER");
        Map<String, String> lkmm = Files.readAllLines(litmus.resolve("EXPECTED.tsv")).stream().skip(1)
                .map(l -> l.split("\t")).collect(Collectors.toMap(r -> r[0], r -> r[4], (a, b) -> a));
        List<String> paths = findings();
        assertTrue(paths.size() >= 5, "findings: " + paths);
        for (String path : paths) {
            assertEquals("Allowed", lkmm.get(path), path + " in EXPECTED.tsv");
            for (String engine : List.of("sat", "explicit")) {
                CliRun run = CliRun.real("check", "--engine", engine, litmus.resolve(path).toString());
                assertEquals(0, run.status(), path + " on " + engine + ": " + run.out() + run.err());
                assertTrue(run.out().lines().anyMatch(l -> l.startsWith("Observation ") && l.contains(" Never ")),
                        path + " on " + engine + ":\n" + run.out());
            }
        }
    }

    private static List<String> findings() throws IOException {
        try (InputStream in = RcuPowerFindingsTest.class.getResourceAsStream("/rcu-ppc-findings.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .filter(l -> !l.isBlank()).map(l -> l.substring(0, l.indexOf('\t'))).toList();
        }
    }
}
