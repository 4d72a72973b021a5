package org.powercheck.checker.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The progress line of a long run on a terminal's stderr: tests done of the total, the test
 * started last, the time so far and an estimate of the time left (the mean time per test so far).
 * It shows up only once the run has taken a second, is redrawn in place, and is wiped at the end.
 */
final class Progress {
    static final long QUIET_NANOS = 1_000_000_000L;
    private static final long REDRAW_MILLIS = 250;

    private final PrintStream err;
    private final int total;
    private final LongSupplier clock;
    private final long start;
    private final AtomicInteger done = new AtomicInteger();
    private volatile String current = "";
    private volatile int drawn;
    private Thread painter;

    Progress(PrintStream err, int total, LongSupplier clock) {
        this.err = err;
        this.total = total;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    /** Whether stderr is a terminal: the launcher says so, since Java cannot tell for stderr alone. */
    static boolean stderrIsTerminal() {
        return Boolean.getBoolean("powercheck.stderr.terminal");
    }

    void started(String test) {
        current = test;
    }

    void finished() {
        done.incrementAndGet();
    }

    /** The line as it would be drawn now, or null before the first second. */
    String line() {
        long elapsed = clock.getAsLong() - start;
        if (elapsed < QUIET_NANOS) return null;
        int d = done.get();
        String estimate = d == 0 ? "?" : String.format(Locale.ROOT, "%.0fs", (elapsed / 1e9) / d * (total - d));
        return String.format(Locale.ROOT, "[%d/%d] %s  %.0fs elapsed, about %s left", d, total, current, elapsed / 1e9, estimate);
    }

    /** Redraws the line until {@link #stop}, on a daemon thread. */
    void paint() {
        painter = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    draw();
                    Thread.sleep(REDRAW_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "powercheck-progress");
        painter.setDaemon(true);
        painter.start();
    }

    synchronized void draw() {
        String line = line();
        if (line == null) return;
        if (line.length() > 79) line = line.substring(0, 79);
        err.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
        err.flush();
        drawn = line.length();
    }

    /** Stops redrawing and wipes the line, so the reports that follow start on a clean line. */
    synchronized void stop() {
        if (painter != null) painter.interrupt();
        if (drawn > 0) {
            err.print("\r" + " ".repeat(drawn) + "\r");
            err.flush();
            drawn = 0;
        }
    }
}
