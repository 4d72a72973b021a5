package org.powercheck.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line with the real front end and engines, on the bundled examples. */
class RealBackendsTest {
    @TempDir
    Path dir;

    private static String example(String name) {
        return ProjectPaths.examples().resolve(name + ".litmus").toString();
    }

    @ParameterizedTest(name = "{0} with {1}: exit {2}")
    @CsvSource({
            "MP, sat, 1", "MP, explicit, 1",                       // exists, reachable
            "MP+lwsyncs, sat, 0", "MP+lwsyncs, explicit, 0",       // exists, unreachable
            "CoWW, sat, 0",                                         // ~exists holds
            "MP+syncs+forall, sat, 0", "MP+forall, sat, 1",        // forall holds / is violated
            "MP+lwsyncs+spin, sat, 3", "MP+spin, sat, 1"})         // bound cut without / with a counterexample
    void exitStatus(String test, String engine, int status) {
        CliRun r = CliRun.real("check", "--engine", engine, example(test));
        assertEquals(status, r.status(), r.out() + r.err());
        assertEquals("", r.err());
    }

    @Test
    void unwindingFurtherKeepsTheBoundCut() {
        // The spin loop can always spin once more: no bound is enough, the verdict stays unknown.
        CliRun r = CliRun.real("check", "--unwind", "4", example("MP+lwsyncs+spin"));
        assertEquals(3, r.status());
        assertTrue(r.out().contains("unwinding bound 4"), r.out());
    }

    @Test
    void syntaxErrorIsOneLineWithItsPosition() throws IOException {
        Path bad = dir.resolve("bad.litmus");
        Files.writeString(bad, "PPC bad\n{\n0:r2=x;\n}\n P0 ;\n frob r1,0(r2) ;\nexists (0:r1=1)\n");
        CliRun r = CliRun.real("check", bad.toString());
        assertEquals(2, r.status());
        assertEquals(1, r.errLines(), r.err());
        assertTrue(r.err().startsWith(bad + ":6:2: "), r.err());
        CliRun p = CliRun.real("parse", bad.toString());
        assertEquals(2, p.status());
        assertEquals(r.err(), p.err());
    }

    @Test
    void parsePrintsEveryInstructionWithItsPosition() {
        CliRun r = CliRun.real("parse", example("MP+lwsync+po"));
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("PPC MP+lwsync+po  (" + example("MP+lwsync+po") + ")", lines.get(0));
        assertTrue(lines.contains("  9:2      lwsync"), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("  8:17 +r3 = load\\.32 \\[r4\\]")), r.out());
        assertTrue(lines.contains("exists (1:r1=1 /\\ 1:r3=0)  12:1"), r.out());
    }

    @Test
    void jsonIsOneLinePerTestInInputOrder() {
        CliRun r = CliRun.real("check", "--format", "json", example("SB"), example("MP+lwsyncs"));
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        assertTrue(lines.get(0).contains("\"name\":\"SB\"") && lines.get(0).contains("\"verdict\":\"Allowed\""), lines.get(0));
        assertTrue(lines.get(1).contains("\"name\":\"MP+lwsyncs\"") && lines.get(1).contains("\"verdict\":\"Forbidden\""), lines.get(1));
    }
}
