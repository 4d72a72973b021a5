package org.powercheck.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line: nothing in the first second, then done/total, the current test, elapsed and the estimate. */
class ProgressTest {
    @Test
    void theLineAppearsAfterASecondAndEstimatesFromTheMeanTime() {
        AtomicLong now = new AtomicLong(0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Progress p = new Progress(err, 4, now::get);
        p.started("a.litmus");
        now.set(500_000_000L);
        assertNull(p.line());
        p.draw();
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
        now.set(2_000_000_000L);
        assertEquals("[0/4] a.litmus  2s elapsed, about ? left", p.line());
        p.finished();
        p.started("b.litmus");
        assertEquals("[1/4] b.litmus  2s elapsed, about 6s left", p.line());
        p.draw();
        p.stop();
        String drawn = "[1/4] b.litmus  2s elapsed, about 6s left";
        assertEquals("\r" + drawn + "\r" + " ".repeat(drawn.length()) + "\r", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aRunWhoseStderrIsNotATerminalPrintsNoProgress() {
        CliRun run = CliRun.real("check", "--jobs", "1", ProjectPaths.examples().resolve("MP.litmus").toString());
        assertEquals("", run.err());
    }
}
