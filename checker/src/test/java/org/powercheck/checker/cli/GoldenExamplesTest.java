package org.powercheck.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * {@code powercheck check NAME.litmus}, with the seconds of the Time line masked. Regenerate with
 * {@code -Dpowercheck.regenerate=true}, then review the diff: the verdicts must still match
 * examples/litmus/EXPECTED.tsv, which {@link #verdictsMatchTheSpec} checks independently.
 */
class GoldenExamplesTest {
    private static final boolean REGENERATE = Boolean.getBoolean("powercheck.regenerate");

    static String maskTime(String output) {
        return output.replaceAll("(?m)^Time (\\S+) [0-9.]+$", "Time $1 <seconds>");
    }

    @TestFactory
    Stream<DynamicTest> outputsMatchTheGoldenFiles() throws IOException {
        List<Path> tests;
        try (Stream<Path> files = Files.list(ProjectPaths.examples())) {
            tests = files.filter(f -> f.toString().endsWith(".litmus")).sorted().collect(Collectors.toList());
        }
        return tests.stream().map(t -> DynamicTest.dynamicTest(t.getFileName().toString(), () -> compare(t)));
    }

    private static void compare(Path test) throws IOException {
        CliRun run = CliRun.real("check", "--jobs", "1", test.toString());
        String actual = maskTime(run.out());
        Path golden = test.resolveSibling(test.getFileName().toString().replaceFirst("\\.litmus$", ".expected"));
        if (REGENERATE) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        assertEquals("", run.err(), "stderr of " + test);
        String expected = Files.isRegularFile(golden) ? maskTime(Files.readString(golden, StandardCharsets.UTF_8)) : "(missing " + golden + ")";
        assertEquals(expected, actual, "output of " + test.getFileName());
    }

    @Test
    void verdictsMatchTheSpec() {
        Path examples = ProjectPaths.examples();
        CliRun run = CliRun.real("check", "--expect", examples.resolve("EXPECTED.tsv").toString(), examples.toString());
        List<String> lines = run.out().lines().toList();
        int listed = (int) examples.toFile().list((d, n) -> n.endsWith(".litmus")).length;
        assertEquals(listed + " passed, 0 failed, 0 unsupported", lines.get(lines.size() - 1), run.out());
    }
}
