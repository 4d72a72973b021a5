package org.powercheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import org.junit.jupiter.api.io.TempDir;
import org.powercheck.checker.cli.CliRun;
import org.powercheck.checker.cli.ProjectPaths;

/**
 * Mixed-size accesses (examples/mixed). The five tests without reservations must give herd7's
 * {@code -variant mixed -endian little} final states and verdicts (herd-out/, compared by
 * {@code --expect}); SAME-word-vs-xchg, a same-size test, plain herd7's. For the other three
 * reservation tests herd7's mixed mode is no reference (it drops successful store-conditionals);
 * their expected outputs (the golden files) follow from the model:
 *
 * <ul>
 *   <li>MIX-byte-vs-xchg: P1's lwarx reads the four bytes of m, stwcx. writes 0 to all four.
 *       Failing, it writes nothing: m ends 256, and r1 is 0 or 256 as the lwarx read byte 1
 *       before or after P0's byte store. Succeeding after reading 0, byte 1's co must put the
 *       byte store after the stwcx. (atom forbids the store between the lwarx's read and the
 *       stwcx. on byte 1): m ends 256 with r1=0. Succeeding after reading 256, the stwcx. is
 *       co-last on every byte: m ends 0. So {r1=0,m=256}, {r1=256,m=0}, {r1=256,m=256}, and
 *       never m=0 with r1=0, the lost message the test asks about.</li>
 *   <li>MIX-IPI+sync+xchg: r1=256 means the lwarx read P0's byte (rfe); P0's sync orders the
 *       data store before it, P1's sync orders the lwarx before the data load, so the load must
 *       see 1 (the MP+syncs shape): every combination but {r1=256,r3=0}, whether or not the
 *       stwcx. succeeds.</li>
 *   <li>MIX-IPI+po+xchg: without P0's sync nothing orders P0's two stores: all four.</li>
 * </ul>
 * The engines must agree on every test, and give the same whole output.
 */
class MixedSizeTest {
    private static final Path MIXED = ProjectPaths.root().resolve("examples/mixed");

    @Test
    void verdictsAndHerdStatesMatchTheManifest() {
        CliRun run = CliRun.real("check", "--expect", MIXED.resolve("EXPECTED.tsv").toString(), MIXED.toString());
        List<String> lines = run.out().lines().toList();
        assertEquals("9 passed, 0 failed, 0 unsupported, 0 unknown", lines.get(lines.size() - 1), run.out());
        assertEquals("", run.err());
    }

    /** The copies shipped here are the shared reference tests and herd7 outputs, unchanged. */
    @Test
    void copiesMatchTheSharedReference() throws IOException {
        Path ref = ProjectPaths.requireSharedLitmus("mixed-size reference copies").resolve("mixed");
        assertTrue(Files.isDirectory(ref), "../shared/litmus/mixed is missing");
        for (Path t : litmusFiles()) {
            assertEquals(Files.readString(ref.resolve(t.getFileName())), Files.readString(t), t.toString());
        }
        try (Stream<Path> outs = Files.list(MIXED.resolve("herd-out"))) {
            for (Path o : outs.toList()) {
                String name = o.getFileName().toString();
                Path original = ref.resolve("herd-out").resolve(name.startsWith("SAME-")
                        ? name.replace(".litmus.out", ".litmus.plain.out") : name);
                assertEquals(Files.readString(original), Files.readString(o), name);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> bothEnginesGiveTheGoldenOutput() throws IOException {
        return litmusFiles().stream().flatMap(t -> Stream.of("sat", "explicit").map(engine ->
                DynamicTest.dynamicTest(t.getFileName() + " (" + engine + ")", () -> {
                    CliRun run = CliRun.real("check", "--jobs", "1", "--engine", engine, t.toString());
                    Path golden = t.resolveSibling(t.getFileName().toString().replaceFirst("\\.litmus$", ".expected"));
                    assertEquals(maskTime(Files.readString(golden, StandardCharsets.UTF_8)), maskTime(run.out()));
                    assertEquals("", run.err());
                })));
    }

    @Test
    void aByteStorePastItsCellIsAnErrorAtTheStore(@TempDir Path dir) throws IOException {
        Path f = write(dir, "OUT", "uint32_t x=0;", "stb r1,4(r2)");
        for (String engine : List.of("sat", "explicit")) {
            CliRun run = CliRun.real("check", "--engine", engine, f.toString());
            assertEquals(2, run.status(), run.out());
            assertEquals(f + ":9:2: an access outside every cell (every execution the model allows ends there)\n",
                    run.err());
            assertTrue(!run.out().contains("States 0"), run.out());
        }
    }

    @Test
    void aMisalignedHalfwordIsAnErrorAtTheStore(@TempDir Path dir) throws IOException {
        Path f = write(dir, "MIS", "uint64_t x=0;", "sth r1,3(r2)");
        CliRun run = CliRun.real("check", f.toString());
        assertEquals(2, run.status(), run.out());
        assertEquals(f + ":9:2: a misaligned access (every execution the model allows ends there)\n", run.err());
    }

    /** A filter no execution passes: the result is printed, with a warning that it is vacuous. */
    @Test
    void noExecutionAtAllIsWarnedAbout(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("VAC.litmus");
        Files.writeString(f, """
                PPC VAC
                ""
                {
                uint32_t x=0;
                0:r2=x; 1:r2=x;
                }
                 P0           | P1           ;
                 li r1,1      | lwz r1,0(r2) ;
                 stw r1,0(r2) |              ;
                filter (1:r1=5)
                exists (1:r1=1)
                """);
        CliRun run = CliRun.real("check", f.toString());
        assertEquals(f + ": warning: the program has no execution (an assumption or the filter never holds);"
                + " its result is vacuous\n", run.err());
        assertTrue(run.out().contains("States 0"), run.out());
    }

    private static Path write(Path dir, String name, String cell, String store) throws IOException {
        Path f = dir.resolve(name + ".litmus");
        Files.writeString(f, """
                PPC %s
                ""
                {
                %s
                0:r2=x; 1:r2=x;
                }
                 P0           | P1           ;
                 li r1,1      | lwz r1,0(r2) ;
                 %s |              ;
                exists (1:r1=1)
                """.formatted(name, cell, store));
        return f;
    }

    private static List<Path> litmusFiles() throws IOException {
        try (Stream<Path> files = Files.list(MIXED)) {
            return files.filter(f -> f.toString().endsWith(".litmus")).sorted().collect(Collectors.toList());
        }
    }

    private static String maskTime(String output) {
        return output.replaceAll("(?m)^Time (\\S+) [0-9.]+$", "Time $1 <seconds>");
    }
}
