package org.powercheck.checker.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercheck.checker.EncodingSize;
import org.powercheck.checker.FinalState;
import org.powercheck.checker.Judgement;
import org.powercheck.checker.Outcome;
import org.powercheck.checker.report.TestResult;
import org.powercheck.ir.Condition;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Program;
import org.powercheck.ir.Prop;
import org.powercheck.ir.SourcePos;

class BenchmarkTest {
    @TempDir
    Path dir;

    private static final SourcePos AT = new SourcePos("t", 1, 1);

    /** Test i takes (i+1) ms on pass p's call number p+1 plus 1 ms solver time; "bad" is an input error. */
    private static TestResult fake(Path file, Map<Path, AtomicInteger> calls) {
        String name = file.getFileName().toString();
        if (name.equals("bad")) return new TestResult.InputError(file, new InputException(AT, "syntax"));
        int call = calls.computeIfAbsent(file, f -> new AtomicInteger()).incrementAndGet();
        long ms = Long.parseLong(name) * call;
        Program p = new Program(name, Program.Arch.PPC, name, List.of(), List.of(),
                new Condition(Condition.Quantifier.EXISTS, new Prop.True(), AT), List.of(), Optional.empty());
        Outcome o = new Outcome(p, List.of(FinalState.of(Map.of())), false, Optional.empty(), 1_000_000);
        return new TestResult.Checked(file, o, Judgement.of(o), "fake", ms * 1_000_000);
    }

    @Test
    void warmsUpThenTimesEachPassAndLeavesOutBrokenTests() {
        Map<Path, AtomicInteger> calls = new ConcurrentHashMap<>();
        List<Path> files = List.of(Path.of("1"), Path.of("bad"), Path.of("4"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        BenchResult r = Benchmark.run(files, f -> fake(f, calls), 2, 3, "fake", new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(List.of(Path.of("1"), Path.of("4")), r.files());
        assertEquals(4, calls.get(Path.of("1")).get(), "one warm-up and three timed passes");
        // Timed calls 2, 3, 4 take 2, 3, 4 times the base: medians are 3 ms and 12 ms.
        assertArrayEquals(new long[] {3_000_000, 12_000_000}, r.testMedians());
        assertEquals(3, r.passWalls().length);
        assertEquals(6_000_000, r.solverNanos());
        assertEquals((2 + 3 + 4) * 5_000_000L, r.testNanos());
        assertEquals(1, r.worstTest());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("left out t:1:1: syntax"));
        String report = BenchReport.format(r);
        assertTrue(report.contains("median 7.5 ms, max 12.0 ms (4)"), report);
        assertTrue(report.contains("solver time share: 13.3%"), report);
    }

    @Test
    void herdTimesSumTheListedTests() throws IOException {
        Files.createDirectories(dir.resolve("ppc"));
        Path manifest = dir.resolve("EXPECTED.tsv");
        Files.writeString(manifest, "path\therd_ms\nppc/a.litmus\t1500\nppc/b.litmus\t2500\nppc/c.litmus\t99999\n");
        List<Path> files = List.of(dir.resolve("ppc/a.litmus"), dir.resolve("ppc/b.litmus"));
        BenchResult r = new BenchResult(files, List.of("a", "b"), List.of(Program.Arch.PPC, Program.Arch.PPC),
                new long[] {1, 1}, new long[] {500_000_000, 400_000_000, 600_000_000}, 0, 1, 1, "fake");
        assertEquals("herd7 (EXPECTED.tsv herd_ms, 2 of 2 tests, one process per test): 4.00 s, powercheck 0.50 s: "
                + "powercheck is 8.0x faster\n"
                + "tests slower than their herd_ms: 0 of 2 (nearest to herd7: " + files.get(0) + ", 0.0 ms against 1500 ms)\n",
                HerdTimes.load(manifest).compare(r));
    }

    @Test
    void reportsTheMedianAndTheLargestEncodingAndEachTestsSize() {
        BenchResult r = new BenchResult(List.of(Path.of("a"), Path.of("b"), Path.of("c")), List.of("a", "b", "c"),
                List.of(Program.Arch.PPC, Program.Arch.PPC, Program.Arch.PPC), new long[] {1_000_000, 2_000_000, 3_000_000},
                new long[] {6_000_000}, 0, 1, 1, "sat",
                List.of(new EncodingSize(10, 300, 900), new EncodingSize(40, 5000, 20000), new EncodingSize(20, 700, 2100)));
        String report = BenchReport.format(r);
        assertTrue(report.endsWith("encoding: median 700 variables, 2100 clauses; largest 40 events, 5000 variables, "
                + "20000 clauses (b)\n"), report);
        assertEquals("      2.0 ms      40 events      5000 vars     20000 clauses  b",
                BenchReport.eachTest(r).lines().toList().get(1));
    }

    @Test
    void explicitEngineRunsHaveNoEncodingLine() {
        BenchResult r = new BenchResult(List.of(Path.of("a")), List.of("a"), List.of(Program.Arch.PPC),
                new long[] {1}, new long[] {1}, 0, 1, 1, "explicit");
        assertTrue(!BenchReport.format(r).contains("encoding"), BenchReport.format(r));
    }

    @Test
    void subsetWallTimeIsProportionalToItsMedians() {
        BenchResult r = new BenchResult(List.of(Path.of("a"), Path.of("b")), List.of("a", "b"),
                List.of(Program.Arch.PPC, Program.Arch.C), new long[] {1, 3}, new long[] {4_000_000_000L}, 0, 1, 1, "fake");
        assertEquals(4.0, r.wallSecondsFor(List.of(0, 1)), 1e-9);
        assertEquals(3.0, r.wallSecondsFor(List.of(1)), 1e-9);
    }

    @Test
    void missingHerdBinaryIsAnInputError() {
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                () -> HerdRun.requireExecutable(dir.resolve("herd7")));
        assertEquals(dir.resolve("herd7") + ":0:0: no herd7 executable here", e.getMessage());
    }
}
