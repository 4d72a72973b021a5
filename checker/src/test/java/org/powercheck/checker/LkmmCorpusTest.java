package org.powercheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.powercheck.checker.cli.CliRun;
import org.powercheck.checker.cli.ProjectPaths;

/**
 * {@code --model lkmm} on the C corpus against herd7's LKMM verdicts, final states (herd's unsolved
 * symbols as powercheck's undetermined value) and flags, on both engines: every one of the 318
 * tests lowers and matches herd7 exactly. Without ../shared beside the project: a failure under
 * CI, else skipped.
 */
class LkmmCorpusTest {
    private static final Pattern SUMMARY = Pattern.compile("^(\\d+) passed, (\\d+) failed, (\\d+) unsupported, (\\d+) unknown$");

    @ParameterizedTest
    @ValueSource(strings = {"sat", "explicit"})
    void lkmmMatchesHerdOnWhatItSupports(String engine) throws IOException {
        Path litmus = ProjectPaths.requireSharedLitmus("LKMM corpus comparison");
        CliRun run = CliRun.real("check", "-q", "--engine", engine, "--model", "lkmm", "--timeout", "120",
                "--expect", litmus.resolve("EXPECTED.tsv").toString(), litmus.resolve("c").toString());
        List<String> lines = run.out().lines().toList();
        Matcher m = SUMMARY.matcher(lines.isEmpty() ? "" : lines.get(lines.size() - 1));
        assertTrue(m.matches(), "no summary line; stderr: " + run.err());
        Set<String> failing = lines.stream().filter(l -> l.startsWith("FAIL "))
                .map(l -> l.substring(5, l.indexOf(": "))).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), failing, lines.stream().filter(l -> l.startsWith("FAIL ")).collect(Collectors.joining("\n")));
        assertEquals(318, Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)) + Integer.parseInt(m.group(3))
                + Integer.parseInt(m.group(4)));
        // Every test lowers under the LKMM: accesses, fences, read-modify-writes, locks, RCU and SRCU
        assertEquals(List.of(), lines.stream().filter(l -> l.startsWith("UNSUPPORTED ")).toList(), m.group());
        assertEquals("0", m.group(3), m.group());
        assertEquals("0", m.group(4), m.group());
        assertEquals(318, Integer.parseInt(m.group(1)), m.group());
    }
}
