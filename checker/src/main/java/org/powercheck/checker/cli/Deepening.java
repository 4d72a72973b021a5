package org.powercheck.checker.cli;

import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.CheckTimeoutException;
import org.powercheck.checker.Engine;
import org.powercheck.checker.EngineLimitException;
import org.powercheck.checker.Judgement;
import org.powercheck.checker.Outcome;
import org.powercheck.checker.report.TestResult;
import org.powercheck.ir.Program;

/**
 * {@code --unwind auto}: checks with bounds 1, 2, 3, ... until the result no longer depends on
 * the bound (no execution is cut: CBMC's unwinding assertions hold), a counterexample is found
 * (it is real at any larger bound too), or the time budget runs out or an engine limit stops
 * the next bound; the outcome of the last bound that finished is the result. Each bound is a new
 * encoding: the SAT problem of bound k+1 is not built from that of bound k.
 */
final class Deepening {
    /** The deepest bound tried, so that a runaway loop still ends. */
    static final int MAX_BOUND = 64;

    record Result(Outcome outcome, TestResult.Deepened deepened) { }

    private Deepening() {}

    /**
     * @param options the options of every bound but the unwinding one; their deadline is the budget
     * @throws CheckTimeoutException when not even bound 1 finished within the budget
     * @throws EngineLimitException when bound 1 already reaches an engine limit
     */
    static Result run(Engine engine, Program program, CheckOptions options) throws CheckTimeoutException {
        Outcome last = null;
        for (int k = 1; k <= MAX_BOUND; k++) {
            Outcome o;
            try {
                o = engine.run(program, options.withUnwind(k));
            } catch (CheckTimeoutException e) {
                if (last == null) throw e;
                return new Result(last, new TestResult.Deepened(k - 1, "the time budget ran out at bound " + k));
            } catch (EngineLimitException e) {
                if (last == null) throw e;
                return new Result(last, new TestResult.Deepened(k - 1, "bound " + k + " reached an " + e.report()));
            }
            if (Judgement.of(o).counterexample()) {
                return new Result(o, new TestResult.Deepened(k, "a counterexample within this bound"));
            }
            if (!o.boundCut()) {
                String why = o.interruptCut()
                        ? "no execution is cut by the unwinding bound (the interrupt bound cut one)"
                        : "no execution is cut: the result does not depend on the bound";
                return new Result(o, new TestResult.Deepened(k, why));
            }
            last = o;
        }
        return new Result(last, new TestResult.Deepened(MAX_BOUND, "the deepest bound tried"));
    }
}
