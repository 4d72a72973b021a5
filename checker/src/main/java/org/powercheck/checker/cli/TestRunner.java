package org.powercheck.checker.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Function;
import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.CheckTimeoutException;
import org.powercheck.checker.Engine;
import org.powercheck.checker.EngineLimitException;
import org.powercheck.checker.Judgement;
import org.powercheck.checker.LoopBound;
import org.powercheck.checker.Outcome;
import org.powercheck.checker.report.TestResult;
import org.powercheck.checker.sat.FaultCheck;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Program;
import org.powercheck.ir.UnsupportedConstructException;

/**
 * Checks one file from start to end: parse, explore, judge. Never throws: every way a test can
 * end is a {@link TestResult}, so one bad test does not stop a corpus run.
 */
final class TestRunner implements Function<Path, TestResult> {
    private final Backends backends;
    private final String engine;
    private final CheckOptions options;
    private final long timeoutMillis;
    private final PrintStream warnings;
    private final boolean autoUnwind;

    TestRunner(Backends backends, String engine, CheckOptions options, long timeoutMillis) {
        this(backends, engine, options, timeoutMillis, System.err);
    }

    TestRunner(Backends backends, String engine, CheckOptions options, long timeoutMillis, PrintStream warnings) {
        this(backends, engine, options, timeoutMillis, warnings, false);
    }

    /** @param autoUnwind deepen the unwinding bound ({@link Deepening}); the timeout is then its budget */
    TestRunner(Backends backends, String engine, CheckOptions options, long timeoutMillis, PrintStream warnings,
               boolean autoUnwind) {
        this.autoUnwind = autoUnwind;
        this.warnings = warnings;
        this.backends = backends;
        this.engine = engine;
        this.options = options;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public TestResult apply(Path file) {
        long t0 = System.nanoTime();
        String name = file.getFileName().toString();
        try {
            Program program = backends.loader().load(file);
            name = program.name();
            Engine e = backends.engine(engine);
            for (LoopBound b : options.loopBounds()) {
                if (!b.namesALoopOf(program)) warnings.println(file + ": warning: --unwind-loop " + b + " names no loop of this test");
            }
            // The deadline starts with the test, not when it was queued behind others.
            CheckOptions opts = options.withTimeoutMillis(timeoutMillis);
            java.util.Optional<TestResult.Deepened> deepened = java.util.Optional.empty();
            Outcome outcome;
            if (autoUnwind) {
                Deepening.Result d = Deepening.run(e, program, opts);
                outcome = d.outcome();
                deepened = java.util.Optional.of(d.deepened());
            } else {
                outcome = e.run(program, opts);
            }
            if (outcome.states().isEmpty() && !outcome.anyCut()) {
                // Zero executions is never a verdict: an access outside every cell is an error here.
                FaultCheck.explain(program, opts);
                warnings.println(file + ": warning: the program has no execution (an assumption or the filter"
                        + " never holds); its result is vacuous");
            }
            Judgement judgement = Judgement.of(outcome);
            return new TestResult.Checked(file, outcome, judgement, e.name(), System.nanoTime() - t0, deepened);
        } catch (CheckTimeoutException e) {
            return new TestResult.TimedOut(file, name, System.nanoTime() - t0);
        } catch (EngineLimitException e) {
            return new TestResult.LimitReached(file, name, e, System.nanoTime() - t0);
        } catch (UnsupportedConstructException e) {
            return new TestResult.Unsupported(file, e);
        } catch (InputException e) {
            return new TestResult.InputError(file, e);
        } catch (RuntimeException | StackOverflowError e) {
            return new TestResult.Crashed(file, e);
        }
    }
}
