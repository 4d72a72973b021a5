package org.powercheck.checker.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.powercheck.checker.Execution;
import org.powercheck.checker.Witness;
import org.powercheck.ir.Layout;

/**
 * The counterexample trace in plain text, 80 columns, to paste into a mail: each CPU's events
 * in program order (source position, the source statement and the instruction it became, the
 * value, interrupts entered and left), the communication edges, then a shortest cycle of po
 * and communication and, for each program-order step of it, what orders it or why nothing does.
 */
public final class TraceText {
    private TraceText() {}

    public static String render(String test, Witness w, Execution x, Explanation why, Layout layout) {
        Map<Integer, List<Execution.Event>> perCpu = ProgramOrder.perCpu(x);
        EventNames names = new EventNames(x, perCpu);
        SourceText source = new SourceText();
        List<String> out = new ArrayList<>();
        out.addAll(Wrap.lines("Trace " + test + ": ", "  ", w.state().format(layout)));
        perCpu.forEach((cpu, events) -> {
            out.add("");
            out.add(events.get(0).thread().split(" ")[0]);
            int handler = -1;
            String handlerName = null;
            for (Execution.Event e : events) {
                if (e.handler() != handler) {
                    if (handlerName != null) out.add("  << return from " + handlerName);
                    handler = e.handler();
                    handlerName = handler < 0 ? null : e.thread().substring(e.thread().indexOf(' ') + 1);
                    if (handlerName != null) out.add("  >> interrupt " + handlerName);
                }
                event(out, names.of(e.id()), e, source);
            }
            if (handlerName != null) out.add("  << return from " + handlerName);
        });
        if (!w.interrupts().isEmpty()) {
            out.add("");
            out.add("Interrupts");
            for (String line : w.interrupts()) {
                // one line per part, a path never broken: "took H", "after POS (instr)", "delivered by ..."
                String[] parts = line.replace(" after ", "; after ").split("; ");
                out.add("  " + parts[0]);
                for (int i = 1; i < parts.length; i++) out.add("    " + parts[i]);
            }
        }
        out.add("");
        out.add("Communication");
        for (Explanation.Edge e : communicationShown(x, why)) {
            out.addAll(Wrap.lines(String.format("  %-3s %s -> %s: ", e.relation(), names.of(e.from()), names.of(e.to())),
                    "      ", x.events().get(e.from()).label() + " -> " + x.events().get(e.to()).label()));
        }
        out.add("");
        ordering(out, x, why, names);
        return String.join("\n", out) + "\n";
    }

    private static void event(List<String> out, String name, Execution.Event e, SourceText source) {
        String what = Mnemonic.describe(e.instr(), source.at(e.instr().pos()));
        if (e.exclusive()) what += " (exclusive)";
        String pos = e.instr().pos().file() + ":" + e.instr().pos().line();
        String head = String.format("  %-4s %-16s ", name, e.label());
        // the source position goes on a line of its own, so the layout does not depend on the path's length
        if (head.length() + what.length() <= Wrap.WIDTH) {
            out.add(head + what);
        } else {
            out.add(("  " + String.format("%-4s ", name) + e.label()).stripTrailing());
            out.addAll(Wrap.lines("       ", "         ", what));
        }
        out.add("       at " + pos);
    }

    private static void ordering(List<String> out, Execution x, Explanation why, EventNames names) {
        if (!why.cycle().isEmpty()) {
            out.add("Cycle (sequential consistency forbids it; the model allows it)");
            out.addAll(Wrap.lines("  ", "  ", cycle(why, names)));
            out.add("");
        }
        out.add("Missing ordering");
        for (String sentence : missing(x, why, names)) out.addAll(Wrap.lines("  ", "    ", sentence));
    }

    /** The cycle as {@code a -po-> b -rf-> c ... -> a}. */
    public static String cycle(Explanation why, EventNames names) {
        StringBuilder cycle = new StringBuilder();
        for (Explanation.Edge e : why.cycle()) cycle.append(names.of(e.from())).append(" -").append(e.relation()).append("-> ");
        return cycle.append(names.of(why.cycle().get(0).from())).toString();
    }

    /** One sentence per program-order step of the cycle, and one for the cycle when every step is ordered. */
    public static List<String> missing(Execution x, Explanation why, EventNames names) {
        List<String> out = new ArrayList<>();
        if (why.cycle().isEmpty()) {
            out.add("none: po, rf, co and fr have no cycle, so the CPUs' accesses in program order interleave to "
                    + "this outcome; no barrier would rule it out.");
            return out;
        }
        boolean anyGap = false;
        for (Explanation.Step s : why.steps()) {
            Execution.Event a = x.events().get(s.edge().from()), b = x.events().get(s.edge().to());
            String cpu = a.thread().split(" ")[0];
            String pair = a.label() + " (" + names.of(a.id()) + ") before " + b.label() + " (" + names.of(b.id()) + ")";
            if (s.ordered()) {
                out.add(cpu + " orders " + pair + ": by " + String.join(", ", s.orderedBy()) + ".");
                continue;
            }
            anyGap = true;
            List<String> reasons = new ArrayList<>();
            if (s.fences().isEmpty()) reasons.add("no fence between them");
            for (Explanation.Fence f : s.fences()) {
                reasons.add(f.kind() + " (" + names.of(f.event()) + ") between them does not order " + access(a)
                        + " before " + access(b));
            }
            if (s.dependencies().isEmpty()) reasons.add("no dependency");
            else reasons.add("the " + String.join(", ", s.dependencies()) + " dependency is not in ppo");
            out.add("nothing orders " + pair + " on " + cpu + ": " + String.join("; ", reasons) + ".");
        }
        if (!anyGap) {
            List<String> outside = new ArrayList<>();
            for (Explanation.Edge e : why.outsideHb()) outside.add(edge(e, names));
            String prop = why.inProp().isEmpty() ? "no edge of the cycle is in prop"
                    : "only " + String.join(", ", why.inProp().stream().map(e -> edge(e, names)).toList()) + " in prop";
            out.add("every po step is ordered on its CPU, yet no check rules the cycle out: "
                    + (outside.isEmpty() ? "all its edges are in hb" : String.join(", ", outside) + " not in hb")
                    + "; " + prop + ".");
        }
        return out;
    }

    /** Edges between CPUs (an initial write belongs to none), and every edge of the cycle. */
    static List<Explanation.Edge> communicationShown(Execution x, Explanation why) {
        List<Explanation.Edge> out = new ArrayList<>();
        for (Explanation.Edge e : why.communication()) {
            Execution.Event a = x.events().get(e.from()), b = x.events().get(e.to());
            boolean external = a.kind() != Execution.Kind.INIT && a.cpu() != b.cpu();
            if (external || why.cycle().contains(e)) out.add(e);
        }
        return out;
    }

    private static String edge(Explanation.Edge e, EventNames names) {
        return names.of(e.from()) + " -" + e.relation() + "-> " + names.of(e.to());
    }

    private static String access(Execution.Event e) {
        return switch (e.kind()) {
            case READ -> "a load";
            case WRITE, INIT -> "a store";
            case FENCE -> "a fence";
        };
    }
}
