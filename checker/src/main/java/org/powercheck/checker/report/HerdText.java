package org.powercheck.checker.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.powercheck.model.interrupts.InterruptOptions;
import org.powercheck.checker.FinalState;
import org.powercheck.checker.Judgement;
import org.powercheck.checker.Outcome;
import org.powercheck.ir.Condition;
import org.powercheck.ir.Layout;
import org.powercheck.ir.Program;
import org.powercheck.ir.StateKey;

/**
 * The text report, line for line in herd7's shape so the two can be diffed. Differences:
 * {@code Positive}/{@code Negative} count final states (herd counts executions), there is no
 * {@code Hash} line, and a test whose exploration the unwinding bound cut gets one extra line.
 */
public final class HerdText {
    private HerdText() {}

    public static String format(TestResult r, int unwind) {
        return format(r, unwind, InterruptOptions.DEFAULT);
    }

    /** @param interrupts how interrupts were taken, said in the report of a test that has some */
    public static String format(TestResult r, int unwind, InterruptOptions interrupts) {
        return switch (r) {
            case TestResult.Checked c -> checked(c, unwind, interrupts);
            case TestResult.TimedOut t -> timedOut(t);
            case TestResult.LimitReached l -> limitReached(l);
            case TestResult.InputError e -> "";
            case TestResult.Unsupported u -> "";
            case TestResult.Crashed c -> "";
        };
    }

    /** One line per test for {@code --quiet}: herd's Observation line, or what went wrong. */
    public static String quietLine(TestResult r) {
        return switch (r) {
            case TestResult.Checked c -> observation(c) + (c.outcome().anyCut() ? " (bound cut)" : "")
                    + c.outcome().flags().raised().stream().map(f -> " (Flag " + f + ")").reduce("", String::concat)
                    + (c.outcome().flags().undecided() ? " (flags not decided)" : "")
                    + c.deepened().map(d -> " (unwind " + d.bound() + ")").orElse("") + "\n";
            case TestResult.TimedOut t -> "Timeout " + t.name() + "\n";
            case TestResult.LimitReached l -> "Unknown " + l.name() + ": " + l.limit().report() + "\n";
            case TestResult.InputError e -> "";
            case TestResult.Unsupported u -> "";
            case TestResult.Crashed c -> "";
        };
    }

    /** The stderr line for a test that produced no report, or null. */
    public static String errorLine(TestResult r) {
        return switch (r) {
            case TestResult.Checked c -> null;
            case TestResult.TimedOut t -> null;
            case TestResult.LimitReached l -> l.limit().getMessage();
            case TestResult.InputError e -> e.error().getMessage();
            case TestResult.Unsupported u -> u.error().getMessage();
            case TestResult.Crashed c -> c.message();
        };
    }

    private static String checked(TestResult.Checked c, int unwind, InterruptOptions interrupts) {
        Outcome o = c.outcome();
        Program p = o.program();
        Judgement j = c.judgement();
        Layout layout = p.layout();
        String name = p.name();
        StringBuilder sb = new StringBuilder(256);
        sb.append("Test ").append(name).append(' ').append(j.kind()).append('\n');
        sb.append("States ").append(o.states().size()).append('\n');
        for (FinalState s : o.states()) sb.append(s.format(layout)).append('\n');
        sb.append(o.boundCut() ? "Loop " : "").append(j.ok() ? "Ok" : "No").append('\n');
        sb.append("Witnesses\n");
        // herd counts the whole condition ~P for ~exists, and P otherwise.
        boolean negated = j.quantifier() == Condition.Quantifier.NOT_EXISTS;
        sb.append("Positive: ").append(negated ? j.negative() : j.positive())
                .append(" Negative: ").append(negated ? j.positive() : j.negative()).append('\n');
        for (String flag : o.flags().raised()) sb.append("Flag ").append(flag).append('\n');
        if (o.flags().undecided()) {
            sb.append("Flags not decided: with the flags' relations the encoding would be too large\n");
        }
        sb.append("Condition ").append(HerdCondition.format(p.condition())).append('\n');
        sb.append(observation(c)).append('\n');
        if (!p.interrupts().isEmpty()) {
            sb.append("Interrupts ").append(name).append(": ").append(setting(p, interrupts)).append('\n');
            o.witness().ifPresent(w -> w.interrupts().forEach(line ->
                    sb.append("Interrupt ").append(name).append(": ").append(line).append('\n')));
        }
        o.witness().flatMap(w -> clobberedRegister(w.state(), layout)).ifPresent(line ->
                sb.append("Register ").append(name).append(": ").append(line).append('\n'));
        sb.append("Time ").append(name).append(' ').append(seconds(c.nanos())).append('\n');
        c.deepened().ifPresent(d -> sb.append(deepenedLine(name, d)).append('\n'));
        int bound = c.deepened().map(TestResult.Deepened::bound).orElse(unwind);
        if (o.boundCut()) sb.append(boundCutLine(name, j.counterexample(), bound)).append('\n');
        if (o.interruptCut()) sb.append(interruptCutLine(name, j.counterexample())).append('\n');
        sb.append('\n');
        return sb.toString();
    }

    /**
     * What the register check of a harness found in a counterexample: the register an interrupt
     * did not preserve, its values and the instruction that last wrote it.
     */
    static java.util.Optional<String> clobberedRegister(org.powercheck.checker.FinalState state, Layout layout) {
        Long which = state.values().get(new StateKey.MemKey("pc_clobbered"));
        if (which == null || which == 0) return java.util.Optional.empty();
        Long value = state.values().get(new StateKey.MemKey("pc_clobbered_value"));
        Long by = state.values().get(new StateKey.MemKey("pc_clobbered_by"));
        String register = layout.describe(which).replaceFirst("^the interrupted context's ", "");
        return java.util.Optional.of(register + " is " + layout.format(value == null ? 0 : value) + " at return, not "
                + layout.format(which) + " as when the context was interrupted; last written at "
                + layout.describe(by == null ? 0 : by));
    }

    /** The interrupt options in force, in the words of the flags that set them. */
    static String setting(Program p, InterruptOptions o) {
        StringBuilder sb = new StringBuilder();
        sb.append("--ipi-entry=").append(o.entryFor(p).flag());
        sb.append(" --interrupt-points=").append(o.pointsFor(p).flag());
        sb.append(" --max-interrupts=");
        List<String> per = new ArrayList<>();
        for (int cpu : p.interrupts().cpus()) per.add("P" + cpu + ":" + o.maxFor(p, cpu));
        sb.append(String.join(",", per));
        return sb.toString();
    }

    static String deepenedLine(String name, TestResult.Deepened d) {
        return "Unwind " + name + ": --unwind auto reached " + d.bound() + "; " + d.stop();
    }

    static String boundCutLine(String name, boolean counterexample, int unwind) {
        String consequence = counterexample
                ? "the counterexample above is real, other final states may be missing"
                : "the verdict is unknown (rerun with a larger --unwind)";
        return "Bound " + name + ": the unwinding bound " + unwind + " cut some execution; " + consequence;
    }

    static String interruptCutLine(String name, boolean counterexample) {
        String consequence = counterexample
                ? "the counterexample above is real, other final states may be missing"
                : "the verdict is unknown (rerun with a larger --max-interrupts)";
        return "Bound " + name + ": an interrupt was still pending when a CPU had taken as many as"
                + " --max-interrupts allows; " + consequence;
    }

    private static String observation(TestResult.Checked c) {
        Judgement j = c.judgement();
        return "Observation " + c.name() + ' ' + j.observation() + ' ' + j.positive() + ' ' + j.negative();
    }

    private static String timedOut(TestResult.TimedOut t) {
        return "Test " + t.name() + " Unknown\n"
                + "Timeout " + t.name() + ": no result within the time limit\n"
                + "Time " + t.name() + ' ' + seconds(t.nanos()) + "\n\n";
    }

    private static String limitReached(TestResult.LimitReached l) {
        return "Test " + l.name() + " Unknown\n"
                + "Limit " + l.name() + ": " + l.limit().report() + "\n"
                + "Time " + l.name() + ' ' + seconds(l.nanos()) + "\n\n";
    }

    /** herd's Time field: seconds with two decimals. */
    public static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
    }
}
