package org.powercheck.checker.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powercheck.checker.FinalState;
import org.powercheck.checker.Judgement;
import org.powercheck.checker.Outcome;
import org.powercheck.checker.Witness;
import org.powercheck.ir.Layout;
import org.powercheck.ir.Program;
import org.powercheck.ir.StateKey;

/**
 * One JSON object per test, on one line. Every object has {@code file}, {@code name},
 * {@code result} and {@code exit}; a checked test adds the verdict, the states and the timing.
 * A state is an object from herd's key ({@code 1:r1}, {@code [x]}) to the value: a number, or
 * a cell name when the value is that cell's address.
 */
public final class JsonReport {
    private JsonReport() {}

    public static String line(TestResult r) {
        return line(r, false);
    }

    /** @param trace add the trace of a litmus test's witness too (a failing harness always has it) */
    public static String line(TestResult r, boolean trace) {
        return line(r, trace, null);
    }

    /** @param options how the test was checked, for the why-forbidden explanation (null: none) */
    public static String line(TestResult r, boolean trace, org.powercheck.checker.CheckOptions options) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("file", r.file().toString());
        switch (r) {
            case TestResult.Checked c -> {
                checked(o, c);
                if (TraceReport.wanted(c, trace)) TraceReport.of(c).ifPresent(t -> o.put("trace", TraceJson.of(t)));
                if (options != null && TraceReport.wantsWhyForbidden(c, trace)) {
                    o.put("why_forbidden", TraceJson.whyForbidden(TraceReport.whyForbidden(c, options)));
                }
            }
            case TestResult.TimedOut t -> {
                o.put("name", t.name());
                o.put("result", "timeout");
                o.put("verdict", null);
                o.put("time_ms", millis(t.nanos()));
            }
            case TestResult.LimitReached l -> {
                o.put("name", l.name());
                o.put("result", "engine-limit");
                o.put("verdict", null);
                o.put("message", l.limit().report());
                o.put("time_ms", millis(l.nanos()));
            }
            case TestResult.InputError e -> error(o, "input-error", e.error().getMessage());
            case TestResult.Unsupported u -> error(o, "unsupported", u.error().report());
            case TestResult.Crashed c -> error(o, "internal-error", c.message());
        }
        o.put("exit", r.status().exitCode);
        return Json.write(o);
    }

    private static void error(Map<String, Object> o, String result, String message) {
        o.put("name", null);
        o.put("result", result);
        o.put("verdict", null);
        o.put("message", message);
    }

    private static void checked(Map<String, Object> o, TestResult.Checked c) {
        Outcome out = c.outcome();
        Program p = out.program();
        Judgement j = c.judgement();
        Layout layout = p.layout();
        o.put("name", p.name());
        o.put("result", switch (c.status()) {
            case COUNTEREXAMPLE -> "counterexample";
            case UNKNOWN -> "bound-cut";
            case NO_COUNTEREXAMPLE -> "no-counterexample";
            case INPUT_ERROR -> throw new IllegalStateException("a checked test is not an input error");
        });
        o.put("arch", p.arch().name());
        o.put("engine", c.engine());
        o.put("kind", j.kind());
        o.put("verdict", j.verdict());
        o.put("ok", j.ok());
        o.put("condition", HerdCondition.format(p.condition()));
        o.put("observation", j.observation());
        o.put("positive", j.positive());
        o.put("negative", j.negative());
        List<Object> states = new ArrayList<>();
        for (FinalState s : out.states()) states.add(state(s, layout));
        o.put("states", states);
        o.put("bound_cut", out.boundCut());
        c.deepened().ifPresent(d -> o.put("unwind_reached", d.bound()));
        if (!p.interrupts().isEmpty()) o.put("interrupt_cut", out.interruptCut());
        if (!out.flags().raised().isEmpty()) o.put("flags", new ArrayList<Object>(out.flags().raised()));
        if (out.flags().undecided()) o.put("flags_undecided", true);
        o.put("time_ms", millis(c.nanos()));
        o.put("solver_ms", millis(out.solverNanos()));
        out.witness().ifPresent(w -> o.put("witness", witness(w, layout)));
    }

    private static Map<String, Object> state(FinalState s, Layout layout) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<StateKey, Long> e : s.values().entrySet()) {
            long v = e.getValue();
            m.put(e.getKey().toString(), layout.cellAt(v) >= 0 ? layout.format(v) : (Object) v);
        }
        return m;
    }

    private static Map<String, Object> witness(Witness w, Layout layout) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", state(w.state(), layout));
        m.put("events", new ArrayList<Object>(w.events()));
        m.put("edges", new ArrayList<Object>(w.edges()));
        if (!w.interrupts().isEmpty()) m.put("interrupts", new ArrayList<Object>(w.interrupts()));
        return m;
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }
}
