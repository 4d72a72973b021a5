package org.powercheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.powercheck.checker.cli.CliRun;
import org.powercheck.checker.cli.ProjectPaths;

/**
 * herd7's own {@code ppc.cat} (shared/cat/herd-ppc, with the files it includes), read by the cat
 * reader, gives herd7's results on the whole PPC corpus: {@code powercheck check --cat
 * ../shared/cat/herd-ppc/ppc.cat --expect ../shared/litmus/EXPECTED.tsv ../shared/litmus/ppc},
 * on both engines. Without ../shared beside the project: a failure under CI, else skipped.
 */
class CatCorpusConformanceTest {
    private static final Pattern SUMMARY = Pattern.compile("^(\\d+) passed, (\\d+) failed, (\\d+) unsupported, (\\d+) unknown$");

    @ParameterizedTest
    @ValueSource(strings = {"sat", "explicit"})
    void herdPpcCatMatchesHerdOnTheCorpus(String engine) {
        Path dir = ProjectPaths.requireSharedLitmus("herd7's ppc.cat on the PPC corpus");
        Path cat = ProjectPaths.requireSharedCat("herd-ppc/ppc.cat", "herd7's ppc.cat on the PPC corpus");
        CliRun run = CliRun.real("check", "--engine", engine, "--timeout", "120", "--cat", cat.toString(),
                "--expect", dir.resolve("EXPECTED.tsv").toString(), "-q", dir.resolve("ppc").toString());
        List<String> lines = run.out().lines().toList();
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        Matcher m = SUMMARY.matcher(last);
        assertTrue(m.matches(), "no summary line; stderr: " + run.err());
        String failures = lines.stream().filter(l -> l.startsWith("FAIL ")).limit(60).collect(Collectors.joining("\n"));
        assertEquals("0", m.group(2), last + "\n" + failures);
        assertEquals("0", m.group(3), last);
        assertEquals("0", m.group(4), last);
        assertEquals(1491, Integer.parseInt(m.group(1)), last);
    }
}
