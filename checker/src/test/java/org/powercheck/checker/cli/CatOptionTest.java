package org.powercheck.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --cat FILE}: the model comes from the file, on both engines; bad models are input errors. */
class CatOptionTest {
    @TempDir
    Path dir;

    private static final String SC = "\"sequential consistency\"\nlet fr = (rf^-1 ; co) \\ id\nacyclic po | rf | co | fr as sc\n";

    @Test
    void aCatFileReplacesTheModel() throws IOException {
        Path sc = dir.resolve("sc.cat");
        Files.writeString(sc, SC);
        String sb = ProjectPaths.examples().resolve("SB.litmus").toString();
        for (String engine : new String[] {"sat", "explicit"}) {
            CliRun power = CliRun.real("check", "-q", "--engine", engine, sb);
            CliRun scRun = CliRun.real("check", "-q", "--engine", engine, "--cat", sc.toString(), sb);
            assertEquals("Observation SB Sometimes 1 3\n", power.out(), engine);
            assertEquals("Observation SB Never 0 3\n", scRun.out(), engine);
        }
    }

    /** Sets computed from relations ({@code domain}, {@code range}) on both engines. */
    @Test
    void domainAndRangeOfRelations() throws IOException {
        String sb = ProjectPaths.examples().resolve("SB.litmus").toString();
        String[] models = {
            "acyclic po-loc | rf | co | (rf^-1 ; co) \\ id as uniproc\nempty domain(rf) & IW as noinit\n",
            "acyclic po-loc | rf | co | (rf^-1 ; co) \\ id as uniproc\nempty [range([IW] ; rf)] as noinit\n",
            "acyclic po-loc | rf | co | (rf^-1 ; co) \\ id as uniproc\nempty (domain(rf) & IW) * R as noinit\n"};
        for (String model : models) {
            Path cat = dir.resolve("noinit.cat");
            Files.writeString(cat, model);
            for (String engine : new String[] {"sat", "explicit"}) {
                // SB's outcome needs both reads to read the initial writes
                CliRun run = CliRun.real("check", "-q", "--engine", engine, "--cat", cat.toString(), sb);
                assertEquals("Observation SB Never 0 1\n", run.out(), engine + " " + model + run.err());
            }
        }
    }

    @Test
    void theSameOptionForBench() throws IOException {
        Path sc = dir.resolve("sc.cat");
        Files.writeString(sc, SC);
        CliRun run = CliRun.real("bench", "--repeat", "1", "--cat", sc.toString(), ProjectPaths.examples().resolve("SB.litmus").toString());
        assertEquals(0, run.status(), run.err());
    }

    @Test
    void modelNamesABuiltInModel() {
        String sb = ProjectPaths.examples().resolve("SB.litmus").toString();
        assertEquals("Observation SB Sometimes 1 3\n", CliRun.real("check", "-q", "--model", "ppc", sb).out());
        CliRun unknown = CliRun.real("check", "--model", "sc", sb);
        assertEquals(2, unknown.status());
        assertEquals("powercheck: --model must be one of ppc, lkmm, both, not 'sc'\n", unknown.err());
        CliRun both = CliRun.real("check", "--model", "ppc", "--cat", sb, sb);
        assertEquals(2, both.status());
        assertEquals("powercheck: --model and --cat both name a model: give one\n", both.err());
    }

    @Test
    void aBadModelIsOneLineAndStatusTwo() throws IOException {
        Path bad = dir.resolve("bad.cat");
        Files.writeString(bad, "let a = po\nacyclic a |\n");
        CliRun run = CliRun.real("check", "--cat", bad.toString(), ProjectPaths.examples().resolve("SB.litmus").toString());
        assertEquals(2, run.status());
        assertEquals(bad + ":2:12: syntax error at end of file\n", run.err());
        CliRun missing = CliRun.real("check", "--cat", dir.resolve("none.cat").toString(),
                ProjectPaths.examples().resolve("SB.litmus").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().startsWith("powercheck: --cat: no such file"), missing.err());
    }
}
