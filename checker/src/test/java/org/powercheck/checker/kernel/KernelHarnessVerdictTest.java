package org.powercheck.checker.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
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
import org.powercheck.ir.UnsupportedConstructException;

/**
 * Every harness of {@code examples/kernel/harness} gets, with the default unwinding bound, the
 * verdict its manifest ({@code EXPECTED.tsv}, herd's column {@code herd_result}) records: the
 * scenarios.md results (S1 safe, S2 in-loop counterexample, S2 through a new interrupt safe,
 * S5/S6 safe, the mutations counterexamples). An execution cut by the bound would make the
 * verdict unknown, so none may be.
 */
class KernelHarnessVerdictTest {
    /** Generous: most harnesses take a second; the deep task-work loops take longer. */
    private static final long TIMEOUT_MS = 180_000;

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

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifest")
    void harnessGetsItsExpectedVerdict(Expected e) throws Exception {
        Program p = Frontend.load(harnesses().resolve(e.path()));
        Outcome o;
        try {
            o = new SatEngine().run(p, CheckOptions.defaults().withTimeoutMillis(TIMEOUT_MS));
        } catch (CheckTimeoutException t) {
            abort(e.path() + ": no verdict within " + TIMEOUT_MS / 1000 + " s (the engine's encoding grows with "
                    + "the nested loops of the task-work paths)");
            return;
        } catch (UnsupportedConstructException u) {
            abort(e.path() + ": the engine cannot check it yet: " + u.report());
            return;
        }
        assertFalse(o.boundCut(), "some execution needs more loop iterations than the default bound");
        assertEquals(e.result(), Judgement.of(o).ok() ? "Ok" : "No", "states: " + o.states());
    }
}
