package org.powercheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
 * The Linux-kernel C corpus compiled to POWER: {@code powercheck check --expect
 * ../shared/litmus/EXPECTED.tsv ../shared/litmus/c}, in-process. Where the LKMM says Never (no
 * data-race flag) we must say Forbidden, and every verdict of C-on-POWER.tsv must match. The only
 * tolerated failures are the rows of {@code lkmm-stronger-than-kernel.tsv}, where the kernel's own
 * code is weaker than the LKMM's reading of it; they must keep failing, or the list is stale.
 * RCU and SRCU compile to their ppc64 sequences with the grace-period axiom (power-rcu.cat):
 * nothing is unsupported, and the explicit engine agrees.
 */
class CCorpusConformanceTest {
    private static final Pattern SUMMARY = Pattern.compile("^(\\d+) passed, (\\d+) failed, (\\d+) unsupported, (\\d+) unknown$");
    private static final Pattern FAIL = Pattern.compile("^FAIL (\\S+):.*");

    @ParameterizedTest
    @ValueSource(strings = {"sat", "explicit"})
    void cCorpusOnPowerIsAtLeastAsStrongAsTheLkmm(String engine) throws IOException {
        Path litmus = ProjectPaths.requireSharedLitmus("C corpus conformance");
        CliRun run = CliRun.real("check", "--engine", engine, "--timeout", "120", "--expect", litmus.resolve("EXPECTED.tsv").toString(),
                litmus.resolve("c").toString());
        List<String> lines = run.out().lines().toList();
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        Matcher m = SUMMARY.matcher(last);
        assertTrue(m.matches(), "no summary line; stderr: " + run.err());

        Set<String> failed = lines.stream().map(FAIL::matcher).filter(Matcher::matches)
                .map(f -> f.group(1)).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(knownDeviations(), failed, String.join("\n", lines.subList(0, Math.min(lines.size(), 80))));
        assertTrue(Integer.parseInt(m.group(1)) >= 317, "fewer tests pass than before: " + last);

        List<String> unsupported = (run.out() + run.err()).lines()
                .filter(l -> l.contains("not supported yet:")).toList();
        assertEquals(List.of(), unsupported, "unsupported on POWER");
        assertEquals("0", m.group(3), last);
        assertEquals("0", m.group(4), "no test may be unknown: " + last);
    }

    private static Set<String> knownDeviations() throws IOException {
        try (InputStream in = CCorpusConformanceTest.class.getResourceAsStream("/conformance/lkmm-stronger-than-kernel.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .filter(l -> !l.isBlank()).map(l -> l.split("\t")[0])
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
