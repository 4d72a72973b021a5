package org.powercheck.checker.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.powercheck.checker.Execution;
import org.powercheck.model.Rel;

/**
 * The execution drawn as herd draws one: a column per CPU with its events in program order
 * (fences and interrupt entry and exit included), then the rf, co and fr edges of the trace and
 * the addr, data and ctrl dependencies; the edges of the cycle are bold.
 */
public final class DotGraph {
    private DotGraph() {}

    public static String render(String test, Execution x, Explanation why) {
        return render(test, x, why, null);
    }

    /** A candidate the model rules out, with the axiom's cycle drawn bold, each edge named by its relation. */
    public static String render(String test, WhyForbidden.Rejection r) {
        return render(test, r.execution(), Explainer.explain(r.execution()), r);
    }

    private static String render(String test, Execution x, Explanation why, WhyForbidden.Rejection rejected) {
        Map<Integer, List<Execution.Event>> perCpu = ProgramOrder.perCpu(x);
        EventNames names = new EventNames(x, perCpu);
        SourceText source = new SourceText();
        StringBuilder sb = new StringBuilder();
        sb.append("digraph ").append(quote(test)).append(" {\n");
        String title = rejected == null ? "Test " + test
                : "Test " + test + ": a candidate reaching the outcome, ruled out by " + rejected.check().name();
        sb.append("  graph [label=").append(quote(title)).append(", labelloc=t, rankdir=TB, newrank=true];\n");
        sb.append("  node [shape=box, style=rounded, fontname=\"monospace\", fontsize=10];\n");
        sb.append("  edge [fontname=\"monospace\", fontsize=9];\n");
        List<String> initNodes = new ArrayList<>();
        List<Explanation.Edge> shown = TraceText.communicationShown(x, why);
        List<String> cyclePo = new ArrayList<>();
        for (Explanation.Edge e : rejected == null ? why.cycle() : List.<Explanation.Edge>of()) {
            if (e.relation().equals("po")) cyclePo.add(node(x.events().get(e.from()), names) + " -> " + node(x.events().get(e.to()), names));
        }
        List<String> drawnPo = new ArrayList<>();
        for (Explanation.Edge e : shown) {
            Execution.Event from = x.events().get(e.from());
            if (from.kind() == Execution.Kind.INIT && !initNodes.contains(node(from, names))) {
                initNodes.add(node(from, names));
                sb.append("  ").append(node(from, names)).append(" [label=").append(quote("init: " + from.label()))
                        .append(", style=dashed];\n");
            }
        }
        perCpu.forEach((cpu, events) -> {
            String cpuName = events.get(0).thread().split(" ")[0];
            sb.append("  subgraph ").append(quote("cluster_" + cpuName)).append(" {\n");
            sb.append("    label=").append(quote(cpuName)).append(";\n");
            List<String> chain = new ArrayList<>();
            int handler = -1;
            String handlerName = null;
            int marks = 0;
            for (Execution.Event e : events) {
                if (e.handler() != handler) {
                    if (handlerName != null) chain.add(mark(sb, cpuName, marks++, "return from " + handlerName));
                    handler = e.handler();
                    handlerName = handler < 0 ? null : e.thread().substring(e.thread().indexOf(' ') + 1);
                    if (handlerName != null) chain.add(mark(sb, cpuName, marks++, "interrupt " + handlerName));
                }
                String what = Mnemonic.describe(e.instr(), source.at(e.instr().pos()));
                sb.append("    ").append(node(e, names)).append(" [label=")
                        .append(quote(names.of(e.id()) + ": " + e.label() + "\\n" + what)).append("];\n");
                chain.add(node(e, names));
            }
            if (handlerName != null) chain.add(mark(sb, cpuName, marks, "return from " + handlerName));
            for (int i = 0; i + 1 < chain.size(); i++) {
                String edge = chain.get(i) + " -> " + chain.get(i + 1);
                drawnPo.add(edge);
                sb.append("    ").append(edge).append(" [label=\"po\", color=black")
                        .append(cyclePo.contains(edge) ? ", penwidth=2.5" : "").append("];\n");
            }
            sb.append("  }\n");
        });
        for (Explanation.Edge e : shown) {
            sb.append("  ").append(node(x.events().get(e.from()), names)).append(" -> ")
                    .append(node(x.events().get(e.to()), names)).append(" [label=").append(quote(e.relation()))
                    .append(", color=").append(color(e.relation())).append(", fontcolor=").append(color(e.relation()))
                    .append(rejected == null && why.cycle().contains(e) ? ", penwidth=2.5" : "").append(", constraint=false];\n");
        }
        for (Rel.Base dep : List.of(Rel.Base.ADDR, Rel.Base.DATA, Rel.Base.CTRL)) {
            for (Execution.Event a : x.events()) {
                var row = x.relations().get(dep)[a.id()];
                for (int b = row.nextSetBit(0); b >= 0; b = row.nextSetBit(b + 1)) {
                    String name = dep.name().toLowerCase(java.util.Locale.ROOT);
                    sb.append("  ").append(node(a, names)).append(" -> ").append(node(x.events().get(b), names))
                            .append(" [label=").append(quote(name)).append(", color=").append(color(name))
                            .append(", fontcolor=").append(color(name)).append(", style=dashed, constraint=false];\n");
                }
            }
        }
        if (rejected != null) {
            for (WhyForbidden.Link l : rejected.steps()) {
                sb.append("  ").append(node(x.events().get(l.from()), names)).append(" -> ")
                        .append(node(x.events().get(l.to()), names)).append(" [label=").append(quote(l.name()))
                        .append(", color=crimson, fontcolor=crimson, penwidth=2.5, constraint=false];\n");
            }
        }
        for (String edge : cyclePo) {
            if (!drawnPo.contains(edge)) sb.append("  ").append(edge).append(" [label=\"po\", penwidth=2.5, constraint=false];\n");
        }
        sb.append("}\n");
        return sb.toString();
    }

    private static String mark(StringBuilder sb, String cpu, int k, String text) {
        String id = quote(cpu + "_irq" + k);
        sb.append("    ").append(id).append(" [label=").append(quote(text)).append(", shape=cds];\n");
        return id;
    }

    /** The node name: the event's short name, or {@code init_LOCATION} for an initial write. */
    private static String node(Execution.Event e, EventNames names) {
        return quote(e.kind() == Execution.Kind.INIT ? "init_" + e.location() : names.of(e.id()));
    }

    private static String color(String relation) {
        return switch (relation) {
            case "rf" -> "red";
            case "co" -> "blue";
            case "fr" -> "orange";
            case "addr", "data" -> "darkgreen";
            case "ctrl" -> "purple";
            default -> "black";
        };
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\\\\n", "\\n") + "\"";
    }
}
