package org.powercheck.checker.report;

import java.util.Optional;
import org.powercheck.checker.Execution;
import org.powercheck.checker.Witness;
import org.powercheck.checker.trace.Explainer;
import org.powercheck.checker.trace.Explanation;
import org.powercheck.checker.trace.TraceText;
import org.powercheck.ir.Program;

/** Which tests get a counterexample trace, and the trace of one. */
public final class TraceReport {
    private TraceReport() {}

    /**
     * A harness (a C test) with a counterexample gets its trace by default; a litmus test, or a
     * test whose witness is not a counterexample, only when asked for.
     */
    public static boolean wanted(TestResult.Checked c, boolean asked) {
        if (c.outcome().witness().flatMap(Witness::execution).isEmpty()) return false;
        // the witness satisfies P: for forall that is not the counterexample
        if (c.judgement().quantifier() == org.powercheck.ir.Condition.Quantifier.FORALL) return false;
        if (asked) return true;
        return c.judgement().counterexample() && c.outcome().program().arch() == Program.Arch.C;
    }

    /** The witness execution and its explanation, when the engine recorded one. */
    public static Optional<Traced> of(TestResult.Checked c) {
        return c.outcome().witness().flatMap(w -> w.execution().map(x -> new Traced(w, x, Explainer.explain(x))));
    }

    public static String text(TestResult.Checked c) {
        return of(c).map(t -> TraceText.render(c.name(), t.witness(), t.execution(), t.explanation(),
                c.outcome().program().layout()) + "\n").orElse("");
    }

    /** How long the explicit engine may enumerate the candidates of a forbidden outcome. */
    public static final long WHY_FORBIDDEN_MILLIS = 20_000;

    /** Asked for a trace, a test whose outcome no execution reaches gets the why-forbidden explanation. */
    public static boolean wantsWhyForbidden(TestResult.Checked c, boolean asked) {
        return asked && c.judgement().positive() == 0 && !c.outcome().anyCut();
    }

    public static org.powercheck.checker.trace.WhyForbidden whyForbidden(TestResult.Checked c,
                                                                          org.powercheck.checker.CheckOptions options) {
        return org.powercheck.checker.trace.WhyForbiddenFinder.find(c.outcome().program(), options, WHY_FORBIDDEN_MILLIS);
    }

    public record Traced(Witness witness, Execution execution, Explanation explanation) { }
}
