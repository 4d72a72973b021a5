package org.powercheck.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every examples/litmus/NAME.litmus against its golden NAME.expected: the whole text output of
 * {@code powercheck check NAME.litmus}, with the seconds of the Time line masked ({@link GoldenFiles}).
 * Regenerate with {@code -Dpowercheck.regenerate=true}, then review the diff: the verdicts must still match
 * examples/litmus/EXPECTED.tsv, which {@link #verdictsMatchTheSpec} checks independently.
 */
class GoldenExamplesTest {
    @TestFactory
    Stream<DynamicTest> outputsMatchTheGoldenFiles() throws IOException {
        List<Path> tests;
        try (Stream<Path> files = Files.list(ProjectPaths.examples())) {
            tests = files.filter(f -> f.toString().endsWith(".litmus")).sorted().collect(Collectors.toList());
        }
        return tests.stream().map(t -> DynamicTest.dynamicTest(t.getFileName().toString(), () -> GoldenFiles.compare(t)));
    }

    @Test
    void verdictsMatchTheSpec() {
        Path examples = ProjectPaths.examples();
        CliRun run = CliRun.real("check", "--expect", examples.resolve("EXPECTED.tsv").toString(), examples.toString());
        List<String> lines = run.out().lines().toList();
        int listed = (int) examples.toFile().list((d, n) -> n.endsWith(".litmus")).length;
        // The spin loop of MP+lwsyncs+spin is cut at the bound with no counterexample: its
        // Forbidden agrees with the manifest, but the result is unknown and is said to be.
        assertEquals((listed - 1) + " passed, 0 failed, 0 unsupported, 1 unknown", lines.get(lines.size() - 1), run.out());
        assertEquals(List.of("UNKNOWN MP+lwsyncs+spin.litmus: expected Forbidden, the unwinding bound cut some execution"
                + " and no counterexample was found within it"), lines.subList(0, lines.size() - 1), run.out());
        assertEquals(3, run.status());
    }
}
