package org.powercheck.checker.report;

import java.nio.file.Path;
import org.powercheck.checker.EngineLimitException;
import org.powercheck.checker.Judgement;
import org.powercheck.checker.Outcome;
import org.powercheck.ir.InputException;
import org.powercheck.ir.UnsupportedConstructException;

/** How checking one test file ended. */
public sealed interface TestResult {
    /** How long the check ran; 0 for a test that was never checked (input error, unsupported, crash). */
    default long elapsedNanos() {
        return switch (this) {
            case Checked c -> c.nanos();
            case TimedOut t -> t.nanos();
            case LimitReached l -> l.nanos();
            case InputError e -> 0;
            case Unsupported u -> 0;
            case Crashed c -> 0;
        };
    }

    Path file();

    Status status();

    /** The engine explored the test: the outcome and herd's reading of it. */
    record Checked(Path file, Outcome outcome, Judgement judgement, String engine, long nanos,
                   java.util.Optional<Deepened> deepened) implements TestResult {
        public Checked(Path file, Outcome outcome, Judgement judgement, String engine, long nanos) {
            this(file, outcome, judgement, engine, nanos, java.util.Optional.empty());
        }

        public String name() {
            return outcome.program().name();
        }

        /** A counterexample is real even when the bound cut other executions. */
        @Override
        public Status status() {
            if (judgement.counterexample()) return Status.COUNTEREXAMPLE;
            return outcome.anyCut() ? Status.UNKNOWN : Status.NO_COUNTEREXAMPLE;
        }
    }

    /**
     * How {@code --unwind auto} ended: the bound of the outcome reported and why it went no
     * deeper (the result no longer depends on the bound, a counterexample was found, or the
     * budget or an engine limit stopped the next bound).
     */
    record Deepened(int bound, String stop) { }

    record InputError(Path file, InputException error) implements TestResult {
        @Override public Status status() { return Status.INPUT_ERROR; }
    }

    /** Valid input using a construct powercheck has no semantics for yet. */
    record Unsupported(Path file, UnsupportedConstructException error) implements TestResult {
        @Override public Status status() { return Status.INPUT_ERROR; }
    }

    /** The per-test deadline passed; {@code name} is the test's name, or the file name when it was not parsed. */
    record TimedOut(Path file, String name, long nanos) implements TestResult {
        @Override public Status status() { return Status.UNKNOWN; }
    }

    /** The engine reached one of its limits on a valid program: the result is unknown. */
    record LimitReached(Path file, String name, EngineLimitException limit, long nanos) implements TestResult {
        @Override public Status status() { return Status.UNKNOWN; }
    }

    /** A bug in powercheck: the result is unknown, the message says where it happened. */
    record Crashed(Path file, Throwable error) implements TestResult {
        @Override public Status status() { return Status.UNKNOWN; }

        public String message() {
            String detail = error.getMessage() == null ? "" : ": " + error.getMessage().lines().findFirst().orElse("");
            StackTraceElement[] trace = error.getStackTrace();
            String where = trace.length == 0 ? "" : " (at " + trace[0] + ")";
            return file + ": internal error: " + error.getClass().getSimpleName() + detail + where;
        }
    }
}
