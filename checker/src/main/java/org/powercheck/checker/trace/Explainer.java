package org.powercheck.checker.trace;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powercheck.checker.Execution;
import org.powercheck.checker.explicit.ModelEvaluation;
import org.powercheck.ir.FenceKind;
import org.powercheck.model.PpcModel;
import org.powercheck.model.Rel;

/**
 * Explains an allowed execution from the model's relations, evaluated on it by the explicit
 * engine's evaluator: which communication edges make its outcome possible, a shortest cycle of
 * po and communication (what sequential consistency would forbid), and for each program-order
 * step of it the model relation that orders it or the reasons none does.
 */
public final class Explainer {
    /** The relations of ppc.cat that order two accesses of one CPU, by their cat names. */
    private static final Map<String, Rel> LOCAL_ORDER = new LinkedHashMap<>();
    /** Each fence kind's relation in ppc.cat. */
    private static final Map<FenceKind, Rel> FENCE_RELATION = new LinkedHashMap<>();

    static {
        LOCAL_ORDER.put("ppo", PpcModel.ppo);
        LOCAL_ORDER.put("sync", PpcModel.sync);
        LOCAL_ORDER.put("lwsync", PpcModel.lwsync);
        LOCAL_ORDER.put("eieio", PpcModel.eieio);
        FENCE_RELATION.put(FenceKind.SYNC, PpcModel.sync);
        FENCE_RELATION.put(FenceKind.LWSYNC, PpcModel.lwsync);
        FENCE_RELATION.put(FenceKind.EIEIO, PpcModel.eieio);
        FENCE_RELATION.put(FenceKind.ISYNC, PpcModel.ctrlisync);
    }

    private final Execution x;
    private final ModelEvaluation model;
    private final BitSet[] rf, co, fr, po;

    private Explainer(Execution x) {
        this.x = x;
        this.model = new ModelEvaluation(x);
        rf = x.relations().get(Rel.Base.RF);
        co = x.relations().get(Rel.Base.CO);
        po = x.relations().get(Rel.Base.PO);
        fr = model.relation(PpcModel.fr);
    }

    public static Explanation explain(Execution x) {
        return new Explainer(x).explain();
    }

    private Explanation explain() {
        List<Explanation.Edge> cycle = shortestCycle();
        List<Explanation.Step> steps = new ArrayList<>();
        List<Explanation.Edge> outsideHb = new ArrayList<>(), inProp = new ArrayList<>();
        BitSet[] hb = model.relation(PpcModel.hb), prop = model.relation(PpcModel.prop);
        for (Explanation.Edge e : cycle) {
            if (e.relation().equals("po")) steps.add(step(e));
            if (!hb[e.from()].get(e.to())) outsideHb.add(e);
            if (prop[e.from()].get(e.to())) inProp.add(e);
        }
        return new Explanation(communication(), cycle, steps, outsideHb, inProp);
    }

    private List<Explanation.Edge> communication() {
        List<Explanation.Edge> out = new ArrayList<>();
        for (Execution.Event w : x.events()) {
            for (int r = rf[w.id()].nextSetBit(0); r >= 0; r = rf[w.id()].nextSetBit(r + 1)) {
                out.add(new Explanation.Edge("rf", w.id(), r));
            }
        }
        for (Execution.Event w : x.events()) {
            if (w.kind() == Execution.Kind.INIT) continue;
            int next = immediate(co, w.id());
            if (next >= 0) out.add(new Explanation.Edge("co", w.id(), next));
        }
        for (Execution.Event r : x.events()) {
            if (r.kind() != Execution.Kind.READ) continue;
            int next = immediate(fr, r.id());
            if (next >= 0) out.add(new Explanation.Edge("fr", r.id(), next));
        }
        return out;
    }

    /** The first of {@code from}'s successors in a relation that orders them (co, or fr into co). */
    private int immediate(BitSet[] rel, int from) {
        BitSet succ = rel[from];
        for (int s = succ.nextSetBit(0); s >= 0; s = succ.nextSetBit(s + 1)) {
            boolean first = true;
            for (int t = succ.nextSetBit(0); t >= 0 && first; t = succ.nextSetBit(t + 1)) {
                if (t != s && co[t].get(s)) first = false;
            }
            if (first) return s;
        }
        return -1;
    }

    /** A cycle of po | rf | co | fr over the CPUs' accesses with the fewest edges, or none. */
    private List<Explanation.Edge> shortestCycle() {
        List<Integer> path = ShortestCycle.of(x.size(), this::access, (a, b) -> label(a, b) != null);
        List<Explanation.Edge> cycle = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            int a = path.get(i), b = path.get((i + 1) % path.size());
            cycle.add(new Explanation.Edge(label(a, b), a, b));
        }
        return cycle;
    }

    private boolean access(int e) {
        Execution.Kind k = x.events().get(e).kind();
        return k == Execution.Kind.READ || k == Execution.Kind.WRITE;
    }

    /** The relation an edge of the cycle search belongs to: communication first, then po. */
    private String label(int a, int b) {
        if (rf[a].get(b)) return "rf";
        if (fr[a].get(b)) return "fr";
        if (co[a].get(b)) return "co";
        if (po[a].get(b)) return "po";
        return null;
    }

    private Explanation.Step step(Explanation.Edge e) {
        int a = e.from(), b = e.to();
        List<String> orderedBy = new ArrayList<>();
        LOCAL_ORDER.forEach((name, rel) -> {
            if (model.relation(rel)[a].get(b)) orderedBy.add(name);
        });
        List<Explanation.Fence> fences = new ArrayList<>();
        for (Execution.Event f : x.events()) {
            if (f.kind() != Execution.Kind.FENCE || !po[a].get(f.id()) || !po[f.id()].get(b)) continue;
            Rel rel = FENCE_RELATION.get(f.fence());
            boolean orders = rel != null && model.relation(rel)[a].get(b);
            fences.add(new Explanation.Fence(f.id(), f.fence().mnemonic(), orders));
        }
        List<String> deps = new ArrayList<>();
        if (x.related(Rel.Base.ADDR, a, b)) deps.add("addr");
        if (x.related(Rel.Base.DATA, a, b)) deps.add("data");
        if (x.related(Rel.Base.CTRL, a, b)) deps.add("ctrl");
        if (model.relation(PpcModel.ctrlisync)[a].get(b)) deps.add("ctrlisync");
        return new Explanation.Step(e, orderedBy, fences, deps);
    }
}
