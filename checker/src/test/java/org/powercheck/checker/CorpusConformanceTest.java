package org.powercheck.checker;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.powercheck.checker.cli.CliRun;
import org.powercheck.checker.cli.ProjectPaths;

/**
 * The PPC corpus against herd7: {@code powercheck check --expect ../shared/litmus/EXPECTED.tsv
 * ../shared/litmus/ppc}, in-process. Every verdict and every final-state set must match herd7's,
 * and every test is checked: none unsupported, none unknown. Without ../shared beside the project
 * it fails under CI and is skipped elsewhere.
 */
class CorpusConformanceTest {
    private static final Pattern SUMMARY = Pattern.compile("^(\\d+) passed, (\\d+) failed, (\\d+) unsupported, (\\d+) unknown$");

    @Test
    void ppcCorpusMatchesHerd() {
        Path litmus = ProjectPaths.requireSharedLitmus("PPC corpus conformance");
        CliRun run = CliRun.real("check", "--timeout", "120", "--expect", litmus.resolve("EXPECTED.tsv").toString(),
                litmus.resolve("ppc").toString());
        List<String> lines = run.out().lines().toList();
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        Matcher m = SUMMARY.matcher(last);
        assertTrue(m.matches(), "no summary line; stderr: " + run.err());
        String failures = lines.stream().filter(l -> l.startsWith("FAIL ")).limit(60).collect(Collectors.joining("\n"));
        String unchecked = lines.stream().filter(l -> l.startsWith("UNSUPPORTED ") || l.startsWith("UNKNOWN "))
                .limit(60).collect(Collectors.joining("\n"));
        assertTrue(m.group(2).equals("0"), last + "\n" + failures);
        assertTrue(m.group(3).equals("0") && m.group(4).equals("0"), last + "\n" + unchecked);
        assertTrue(Integer.parseInt(m.group(1)) > 1000, "suspiciously few tests compared: " + last);
    }
}
