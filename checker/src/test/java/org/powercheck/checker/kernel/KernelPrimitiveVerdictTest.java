package org.powercheck.checker.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.powercheck.checker.cli.CliRun;
import org.powercheck.checker.cli.ProjectPaths;

/**
 * The small harnesses of {@code examples/kernel/primitives} get the verdicts their manifest
 * records from the hand reasoning on each primitive's ppc64 sequence: {@code smp_cond_load_acquire}
 * orders the data read after the flag (MP+lwsyncs), {@code smp_cond_load_relaxed} does not
 * (MP+lwsync+ctrl); {@code this_cpu_inc} keeps an interrupt out of its read-modify-write,
 * {@code __this_cpu_inc} does not. A spin loop has executions the bound cuts, so a harness
 * without a counterexample reads {@code Loop Ok}: no counterexample within the bound.
 */
class KernelPrimitiveVerdictTest {
    record Expected(String path, String result) {
        @Override public String toString() { return path; }
    }

    static Path folder() {
        return ProjectPaths.root().resolve("examples/kernel/primitives");
    }

    static Stream<Expected> manifest() throws IOException {
        List<String> lines = Files.readAllLines(folder().resolve("EXPECTED.tsv"));
        List<String> header = List.of(lines.get(0).split("\t"));
        int path = header.indexOf("path"), result = header.indexOf("herd_result");
        return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t"))
                .map(f -> new Expected(f[path], f[result]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifest")
    void harnessGetsItsExpectedVerdict(Expected e) {
        CliRun run = CliRun.real("check", folder().resolve(e.path()).toString());
        assertTrue(run.status() == 0 || run.status() == 1 || run.status() == 3, run.out() + run.err());
        String verdict = run.out().lines().filter(l -> l.matches("(Loop )?(Ok|No)")).findFirst().orElse("(none)");
        assertEquals(e.result(), verdict.replace("Loop ", ""), run.out());
    }
}
