package org.powercheck.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.powercheck.checker.LoopBound;

/**
 * {@code --unwind-loop FILE:LINE=K} and {@code --unwind auto}, on two loops of one thread: P0
 * counts r1 to 4 (its backward branch on line 8 must be taken 3 times) and then r5 to 2 (line
 * 12, once).
 */
class UnwindOptionsTest {
    @TempDir
    Path dir;
    private Path loops;

    @BeforeEach
    void write() throws IOException {
        loops = dir.resolve("loops.litmus");
        Files.writeString(loops, String.join("\n",
                "PPC loops",
                "{ 0:r2=x; }",
                " P0            ;",
                " li r1,0       ;",
                " LC00:         ;",
                " addi r1,r1,1  ;",
                " cmpwi r1,4    ;",
                " blt LC00      ;",
                " LC01:         ;",
                " addi r5,r5,1  ;",
                " cmpwi r5,2    ;",
                " blt LC01      ;",
                " stw r1,0(r2)  ;",
                "exists (x=4 /\\ 0:r5=2)", ""));
    }

    private CliRun check(String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "check";
        System.arraycopy(options, 0, args, 1, options.length);
        args[args.length - 1] = loops.toString();
        return CliRun.real(args);
    }

    @Test
    void theDefaultBoundCutsTheFirstLoop() {
        CliRun r = check();
        assertEquals(3, r.status(), r.out());
        assertTrue(r.out().contains("Bound loops: the unwinding bound 2 cut some execution"), r.out());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"loops.litmus:8=3", "loops.litmus:5=3"})
    void oneLoopsOwnBoundNamedByItsBranchOrItsHead(String bound) {
        CliRun r = check("--unwind-loop", bound);
        assertEquals(1, r.status(), r.out());
        assertTrue(r.out().contains("Observation loops Always 1 0"), r.out());
    }

    @Test
    void aLoopBoundAppliesToThatLoopOnly() {
        // The second loop needs one backward branch: a bound of 0 for it cuts, whatever the first has.
        CliRun r = check("--unwind-loop", "loops.litmus:8=3", "--unwind-loop", "loops.litmus:12=0");
        assertEquals(3, r.status(), r.out());
        assertEquals("", r.err());
    }

    @Test
    void aLoopBoundThatNamesNoLoopIsAWarning() {
        CliRun r = check("--unwind-loop", "loops.litmus:11=3");
        assertEquals(3, r.status(), r.out());
        assertEquals(loops + ": warning: --unwind-loop loops.litmus:11=3 names no loop of this test\n", r.err());
    }

    @Test
    void bothEnginesHonourIt() {
        for (String engine : List.of("sat", "explicit")) {
            CliRun r = check("--engine", engine, "--unwind", "1", "--unwind-loop", dir.resolve("loops.litmus") + ":8=3");
            assertEquals(1, r.status(), engine + ": " + r.out());
        }
    }

    @Test
    void autoDeepensToTheFirstBoundThatCutsNothing() {
        CliRun r = check("--unwind", "auto");
        assertEquals(1, r.status(), r.out());
        assertTrue(r.out().contains("Unwind loops: --unwind auto reached 3; a counterexample within this bound"), r.out());
        CliRun quiet = check("-q", "--unwind", "auto");
        assertEquals("Observation loops Always 1 0 (unwind 3)\n", quiet.out());
    }

    @Test
    void autoReportsABoundThatNoLongerMatters() throws IOException {
        Files.writeString(loops, Files.readString(loops).replace("exists (x=4 /\\ 0:r5=2)", "exists (x=5)"));
        CliRun r = check("--unwind", "auto");
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().contains("Unwind loops: --unwind auto reached 3; no execution is cut: the result does not"
                + " depend on the bound"), r.out());
    }

    @Test
    void autoStopsAtTheBudgetOrTheDeepestBoundAndTheResultIsUnknown() {
        CliRun r = CliRun.real("check", "--unwind", "auto", "--timeout", "3",
                ProjectPaths.examples().resolve("MP+lwsyncs+spin.litmus").toString());
        assertEquals(3, r.status(), r.out());
        // The spin loop can always spin once more: deepening ends at the budget or at the deepest
        // bound, whichever comes first on this machine, and the result stays unknown either way.
        assertTrue(r.out().matches("(?s).*Unwind MP\\+lwsyncs\\+spin: --unwind auto reached \\d+; (the time budget ran out"
                + " at bound \\d+|the deepest bound tried)\\n.*"), r.out());
        assertTrue(r.out().contains("the verdict is unknown"), r.out());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"loops.litmus", "loops.litmus:8", "loops.litmus:x=2", ":8=2", "loops.litmus:8=-1"})
    void aMalformedLoopBoundIsAUsageError(String bound) {
        CliRun r = check("--unwind-loop", bound);
        assertEquals(2, r.status(), r.out());
        assertTrue(r.err().contains("--unwind-loop needs FILE:LINE=K"), r.err());
    }

    @Test
    void aLoopIsNamedByItsFilesTrailingPathOnly() {
        LoopBound b = LoopBound.parse("kernel/io_uring.c:148=3").orElseThrow();
        assertEquals(new LoopBound("kernel/io_uring.c", 148, 3), b);
        assertTrue(LoopBound.parse("io_uring.c:148=3").isPresent());
    }
}
