package org.powercheck.checker.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.CheckTimeoutException;
import org.powercheck.checker.Judgement;
import org.powercheck.checker.Outcome;
import org.powercheck.checker.cli.ProjectPaths;
import org.powercheck.checker.sat.SatEngine;
import org.powercheck.frontend.Frontend;
import org.powercheck.ir.Program;

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
        Program p = Frontend.load(harnesses().resolve(e.path()));
        Outcome o;
        try {
            o = new SatEngine().run(p, CheckOptions.defaults().withTimeoutMillis(TIMEOUT_MS));
        } catch (CheckTimeoutException t) {
            fail(e.path() + ": no verdict within " + TIMEOUT_MS / 1000 + " s");
            return;
        }
        assertFalse(o.boundCut(), "some execution needs more loop iterations than the default bound");
        assertEquals(e.result(), Judgement.of(o).ok() ? "Ok" : "No", "states: " + o.states());
    }
}
