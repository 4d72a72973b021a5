package org.powercheck.checker.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.powercheck.checker.cli.ProjectPaths;

/**
 * Every harness of {@code examples/kernel/harness} gets, with the default unwinding bound, the
 * verdict its manifest ({@code EXPECTED.tsv}, herd's column {@code herd_result}) records: the
 * scenarios.md results (S1 safe, S2 in-loop counterexample, S2 through a new interrupt safe,
 * S5/S6 safe, the mutations counterexamples). None is skipped: a timeout or an engine limit
 * fails the harness, and an execution cut by the bound would make the verdict unknown, so none
 * may be. How long each takes is the bench command's business ({@code powercheck bench --each
 * examples/kernel/harness}); the timeout only keeps a regression from hanging the build.
 */
class KernelHarnessVerdictTest {
    /** Only against a hang: on a shared, loaded machine the largest harnesses take minutes. */
    private static final long TIMEOUT_MS = 900_000;

    record Expected(String path, String result) {
        @Override public String toString() { return path; }
    }

    static Path harnesses() {
        return ProjectPaths.root().resolve("examples/kernel/harness");
    }

    static Stream<Expected> manifest() throws IOException {
        List<String> lines = Files.readAllLines(harnesses().resolve("EXPECTED.tsv"));
        List<String> header = List.of(lines.get(0).split("\t"));
        int path = header.indexOf("path"), result = header.indexOf("herd_result");
        return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t"))
                .map(f -> new Expected(f[path], f[result]));
    }

    @Test
    void theManifestListsEveryHarness() throws IOException {
        List<String> listed = manifest().map(Expected::path).sorted().toList();
        try (Stream<Path> files = Files.list(harnesses())) {
            List<String> present = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".litmus")).sorted().toList();
            assertEquals(present, listed);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifest")
    void harnessGetsItsExpectedVerdict(Expected e) throws Exception {
        checkVerdict(e, "2");
    }

    /** The two largest harnesses, one bound deeper: their loops once more each. */
    static Stream<Expected> deeper() throws IOException {
        return manifest().filter(e -> e.path().equals("S6-iouring-normal.litmus") || e.path().equals("iowq-create-worker.litmus"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deeper")
    void largestHarnessesKeepTheirVerdictAtUnwindThree(Expected e) throws Exception {
        assertEquals(2, deeper().count(), "both harnesses are in the manifest");
        checkVerdict(e, "3");
    }

    private static void checkVerdict(Expected e, String unwind) throws Exception {
        // checked as `powercheck check` does, in a JVM of its own with the launcher's flags: the
        // largest harnesses take seconds there and many minutes in the test JVM
        Path harness = harnesses().resolve(e.path());
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "--enable-preview", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xss16m", "-cp", System.getProperty("java.class.path"), "org.powercheck.checker.cli.Main", "check",
                "--unwind", unwind, "--timeout", Long.toString(TIMEOUT_MS / 1000), harness.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int status = p.waitFor();
        // 0: no counterexample (herd's Ok), 1: a counterexample (No); 3 (bound cut, timeout,
        // engine limit) and 2 (input error) fail the harness
        assertTrue(status == 0 || status == 1, e.path() + ": exit " + status + "\n" + out);
        String verdict = out.lines().filter(l -> l.equals("Ok") || l.equals("No")).findFirst().orElse("(none)");
        assertEquals(e.result(), verdict, out);
    }
}
