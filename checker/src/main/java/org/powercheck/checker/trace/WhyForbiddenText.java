package org.powercheck.checker.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powercheck.checker.Execution;

/**
 * The why-forbidden section of a report: how many candidate executions reach the outcome, and
 * per axiom that rules some out, how many and a shortest cycle among them, with its events.
 */
public final class WhyForbiddenText {
    private WhyForbiddenText() {}

    /** Per axiom, in the model's order: the rejections that name it, the shortest cycle first. */
    public static Map<String, List<WhyForbidden.Rejection>> byAxiom(WhyForbidden why) {
        Map<String, List<WhyForbidden.Rejection>> out = new LinkedHashMap<>();
        for (WhyForbidden.Rejection r : why.rejections()) {
            out.computeIfAbsent(r.check() == null ? "none" : r.check().name(), k -> new ArrayList<>()).add(r);
        }
        for (List<WhyForbidden.Rejection> list : out.values()) {
            list.sort(java.util.Comparator.comparingInt(r -> r.steps().size()));
        }
        return out;
    }

    public static String render(WhyForbidden why) {
        List<String> out = new ArrayList<>();
        out.add("Why forbidden");
        int n = why.rejections().size();
        if (n == 0) {
            out.addAll(Wrap.lines("  ", "  ", why.complete()
                    ? (why.uniprocPruned() ? "every candidate execution reaching the outcome breaks coherence on "
                            + "some location: scperlocation (acyclic po-loc | rf | fr | co) rules them out."
                            : "no candidate execution reaches the outcome: no choice of rf and co gives its values.")
                    : "no candidate execution reaching the outcome was found in the time given to the explicit engine."));
            return String.join("\n", out) + "\n";
        }
        out.addAll(Wrap.lines("  ", "  ", n + (n == 1 ? " candidate execution reaches" : " candidate executions reach")
                + " the outcome" + (why.complete() ? "" : " (the explicit engine ran out of time: these are some of them)")
                + "; each fails an axiom of the model:"));
        if (why.uniprocPruned()) {
            out.addAll(Wrap.lines("  ", "  ", "(candidates whose rf and co break coherence on some location were "
                    + "dropped while enumerating, as there were too many: they fail scperlocation and are not counted)"));
        }
        byAxiom(why).forEach((axiom, list) -> {
            WhyForbidden.Rejection shortest = list.get(0);
            Execution x = shortest.execution();
            EventNames names = new EventNames(x, ProgramOrder.perCpu(x));
            String kind = shortest.check() == null ? "" : shortest.check().kind().name().toLowerCase(java.util.Locale.ROOT)
                    + " " + RelNames.text(shortest.check().rel());
            out.add("");
            out.addAll(Wrap.lines("  ", "    ", axiom + " (" + kind + "): " + list.size() + " of them; a shortest cycle:"));
            StringBuilder cycle = new StringBuilder();
            for (WhyForbidden.Link l : shortest.steps()) cycle.append(names.of(l.from())).append(" -").append(l.name()).append("-> ");
            if (!shortest.steps().isEmpty()) cycle.append(names.of(shortest.steps().get(shortest.steps().size() - 1).to()));
            out.addAll(Wrap.lines("    ", "      ", cycle.toString()));
            List<Integer> shown = new ArrayList<>();
            for (WhyForbidden.Link l : shortest.steps()) {
                for (int e : new int[] {l.from(), l.to()}) {
                    if (shown.contains(e)) continue;
                    shown.add(e);
                    Execution.Event ev = x.events().get(e);
                    out.add("      " + names.of(e) + ": " + ev.label() + (ev.instr() == null ? ", initial value" : ", " + ev.thread()));
                    if (ev.instr() != null) out.add("        at " + ev.instr().pos());
                }
            }
        });
        return String.join("\n", out) + "\n";
    }
}
