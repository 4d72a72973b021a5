package org.powercheck.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file comparison of a test's whole text report: {@code powercheck check --jobs 1 NAME.litmus}
 * against NAME.expected beside it, with the seconds of the Time line masked. With
 * {@code -Dpowercheck.regenerate=true} the golden file is rewritten instead (review the diff).
 */
final class GoldenFiles {
    static final boolean REGENERATE = Boolean.getBoolean("powercheck.regenerate");

    private GoldenFiles() {}

    static String maskTime(String output) {
        return output.replaceAll("(?m)^Time (\\S+) [0-9.]+$", "Time $1 <seconds>");
    }

    /** The golden file of {@code test}: NAME.expected for NAME.litmus. */
    static Path golden(Path test) {
        return test.resolveSibling(test.getFileName().toString().replaceFirst("\\.litmus$", ".expected"));
    }

    /** Checks {@code test} and compares its report with the golden file; a missing one fails. */
    static void compare(Path test) throws IOException {
        CliRun run = CliRun.real("check", "--jobs", "1", test.toString());
        // source positions name files by the path the test was given: make them the project's
        String actual = maskTime(run.out()).replace(ProjectPaths.root().toAbsolutePath().normalize() + "/", "");
        Path golden = golden(test);
        if (REGENERATE) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        assertEquals("", run.err(), "stderr of " + test);
        String expected = Files.isRegularFile(golden) ? maskTime(Files.readString(golden, StandardCharsets.UTF_8)) : "(missing " + golden + ")";
        assertEquals(expected, actual, "output of " + test.getFileName());
    }
}
