package org.powercheck.checker.cli;

import java.nio.file.Path;
import java.util.function.Function;
import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.CheckTimeoutException;
import org.powercheck.checker.Engine;
import org.powercheck.checker.Judgement;
import org.powercheck.checker.Outcome;
import org.powercheck.checker.report.TestResult;
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

    TestRunner(Backends backends, String engine, CheckOptions options, long timeoutMillis) {
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
            // The deadline starts with the test, not when it was queued behind others.
            Outcome outcome = e.run(program, options.withTimeoutMillis(timeoutMillis));
            Judgement judgement = Judgement.of(outcome);
            return new TestResult.Checked(file, outcome, judgement, e.name(), System.nanoTime() - t0);
        } catch (CheckTimeoutException e) {
            return new TestResult.TimedOut(file, name, System.nanoTime() - t0);
        } catch (UnsupportedConstructException e) {
            return new TestResult.Unsupported(file, e);
        } catch (InputException e) {
            return new TestResult.InputError(file, e);
        } catch (RuntimeException | StackOverflowError e) {
            return new TestResult.Crashed(file, e);
        }
    }
}
