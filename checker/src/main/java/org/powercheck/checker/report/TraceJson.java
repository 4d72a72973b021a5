package org.powercheck.checker.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powercheck.checker.Execution;
import org.powercheck.checker.trace.EventNames;
import org.powercheck.checker.trace.Explanation;
import org.powercheck.checker.trace.Mnemonic;
import org.powercheck.checker.trace.ProgramOrder;
import org.powercheck.checker.trace.SourceText;
import org.powercheck.checker.trace.TraceText;

/** The counterexample trace as JSON values (the {@code trace} member; README "JSON schema"). */
final class TraceJson {
    private TraceJson() {}

    static Map<String, Object> of(TraceReport.Traced t) {
        Execution x = t.execution();
        Explanation why = t.explanation();
        var perCpu = ProgramOrder.perCpu(x);
        EventNames names = new EventNames(x, perCpu);
        SourceText source = new SourceText();
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> events = new ArrayList<>();
        List<Object> interrupts = new ArrayList<>();
        perCpu.forEach((cpu, list) -> {
            Map<String, Object> open = null;
            for (Execution.Event e : list) {
                events.add(event(e, names, source));
                if (e.handler() < 0) {
                    open = null;
                    continue;
                }
                String handler = e.thread().substring(e.thread().indexOf(' ') + 1);
                if (open == null || !handler.equals(open.get("handler"))) {
                    open = new LinkedHashMap<>();
                    open.put("cpu", e.cpu());
                    open.put("handler", handler);
                    open.put("first", names.of(e.id()));
                    interrupts.add(open);
                }
                open.put("last", names.of(e.id()));
            }
        });
        m.put("events", events);
        m.put("edges", edges(why.communication(), names));
        m.put("interruptions", interrupts);
        m.put("interrupt_points", new ArrayList<Object>(t.witness().interrupts()));
        m.put("cycle", edges(why.cycle(), names));
        List<Object> steps = new ArrayList<>();
        for (Explanation.Step s : why.steps()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("from", names.of(s.edge().from()));
            step.put("to", names.of(s.edge().to()));
            step.put("ordered_by", new ArrayList<Object>(s.orderedBy()));
            List<Object> fences = new ArrayList<>();
            for (Explanation.Fence f : s.fences()) {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("event", names.of(f.event()));
                fm.put("kind", f.kind());
                fm.put("orders", f.orders());
                fences.add(fm);
            }
            step.put("fences", fences);
            step.put("dependencies", new ArrayList<Object>(s.dependencies()));
            steps.add(step);
        }
        m.put("steps", steps);
        m.put("outside_hb", edges(why.outsideHb(), names));
        m.put("in_prop", edges(why.inProp(), names));
        m.put("explanation", new ArrayList<Object>(TraceText.missing(x, why, names)));
        return m;
    }

    static Map<String, Object> whyForbidden(org.powercheck.checker.trace.WhyForbidden why) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("candidates", why.rejections().size());
        m.put("complete", why.complete());
        m.put("uniproc_pruned", why.uniprocPruned());
        List<Object> axioms = new ArrayList<>();
        org.powercheck.checker.trace.WhyForbiddenText.byAxiom(why).forEach((axiom, list) -> {
            var shortest = list.get(0);
            Execution x = shortest.execution();
            EventNames names = new EventNames(x, ProgramOrder.perCpu(x));
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("axiom", axiom);
            a.put("check", shortest.check() == null ? null : shortest.check().kind().name().toLowerCase(java.util.Locale.ROOT)
                    + " " + org.powercheck.checker.trace.RelNames.text(shortest.check().rel()));
            a.put("candidates", list.size());
            List<Object> cycle = new ArrayList<>();
            for (var l : shortest.steps()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("relation", l.name());
                e.put("from", names.of(l.from()));
                e.put("to", names.of(l.to()));
                e.put("from_event", x.events().get(l.from()).label());
                e.put("to_event", x.events().get(l.to()).label());
                cycle.add(e);
            }
            a.put("cycle", cycle);
            axioms.add(a);
        });
        m.put("axioms", axioms);
        return m;
    }

    private static Map<String, Object> event(Execution.Event e, EventNames names, SourceText source) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", names.of(e.id()));
        m.put("cpu", e.cpu());
        m.put("thread", e.thread());
        m.put("kind", switch (e.kind()) {
            case READ -> "R";
            case WRITE, INIT -> "W";
            case FENCE -> "F";
        });
        m.put("location", e.location());
        m.put("value", e.value());
        m.put("fence", e.fence() == null ? null : e.fence().mnemonic());
        m.put("exclusive", e.exclusive());
        var pos = e.instr().pos();
        m.put("file", pos.file());
        m.put("line", pos.line());
        m.put("column", pos.column());
        m.put("source", source.at(pos));
        m.put("instruction", Mnemonic.of(e.instr()));
        return m;
    }

    static List<Object> edges(List<Explanation.Edge> edges, EventNames names) {
        List<Object> out = new ArrayList<>();
        for (Explanation.Edge e : edges) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("relation", e.relation());
            m.put("from", names.of(e.from()));
            m.put("to", names.of(e.to()));
            out.add(m);
        }
        return out;
    }
}
