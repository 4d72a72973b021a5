package org.powercheck.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsTheSummary() {
        FakeBackends.write(dir, "a.litmus", "reachable");
        FakeBackends.write(dir, "b.litmus", "unreachable");
        CliRun r = CliRun.of(FakeBackends.backends(), "bench", "--repeat", "2", "--jobs", "1", dir.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("tests: 2, engine sat, 1 jobs, 2 timed passes after 1 warm-up pass\n"), r.out());
        for (String what : new String[] {"per test", "total wall time: median", "tests per second", "solver time share"}) {
            assertTrue(r.out().contains(what), what);
        }
    }

    @Test
    void runsHerdOnceOverAllTestsOfAnArchitecture() throws IOException {
        Path a = FakeBackends.write(dir, "t/a.litmus", "reachable");
        Path b = FakeBackends.write(dir, "t/b.litmus", "unreachable");
        Path args = dir.resolve("herd-args");
        Path herd = dir.resolve("herd7");
        Files.writeString(herd, "#!/bin/sh\necho \"$@\" >> '" + args + "'\n");
        assertTrue(herd.toFile().setExecutable(true));
        CliRun r = CliRun.of(FakeBackends.backends(), "bench", "--repeat", "1", "--compare-herd", herd.toString(),
                dir.resolve("t").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("-model ppc.cat " + a + " " + b + "\n", Files.readString(args));
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("herd7 PPC (2 tests, one process): ")), r.out());
    }

    @Test
    void herdGetsTheSameCatFile() throws IOException {
        Path a = FakeBackends.write(dir, "t/a.litmus", "reachable");
        Path cat = dir.resolve("sc.cat");
        Files.writeString(cat, "acyclic po | rf | co as sc\n");
        Path args = dir.resolve("herd-args");
        Path herd = dir.resolve("herd7");
        Files.writeString(herd, "#!/bin/sh\necho \"$@\" >> '" + args + "'\n");
        assertTrue(herd.toFile().setExecutable(true));
        CliRun r = CliRun.of(FakeBackends.backends(), "bench", "--repeat", "1", "--cat", cat.toString(),
                "--compare-herd", herd.toString(), dir.resolve("t").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("-model " + cat + " " + a + "\n", Files.readString(args));
    }

    @Test
    void missingHerdIsAnErrorBeforeAnyTiming() {
        FakeBackends.write(dir, "a.litmus", "reachable");
        CliRun r = CliRun.of(FakeBackends.backends(), "bench", "--compare-herd", dir.resolve("no-herd7").toString(), dir.toString());
        assertEquals(2, r.status());
        assertEquals(dir.resolve("no-herd7") + ":0:0: no herd7 executable here\n", r.err());
        assertEquals("", r.out());
    }
}
