package org.powercheck.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void missingHerdIsAnErrorBeforeAnyTiming() {
        FakeBackends.write(dir, "a.litmus", "reachable");
        CliRun r = CliRun.of(FakeBackends.backends(), "bench", "--compare-herd", dir.resolve("no-herd7").toString(), dir.toString());
        assertEquals(2, r.status());
        assertEquals(dir.resolve("no-herd7") + ":0:0: no herd7 executable here\n", r.err());
        assertEquals("", r.out());
    }
}
