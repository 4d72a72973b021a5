package org.powercheck.checker.trace;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.CheckTimeoutException;
import org.powercheck.checker.Execution;
import org.powercheck.checker.explicit.ExplicitEngine;
import org.powercheck.checker.explicit.ModelEvaluation;
import org.powercheck.ir.Program;
import org.powercheck.model.Check;
import org.powercheck.model.Model;
import org.powercheck.model.PpcModel;
import org.powercheck.model.Rel;

/**
 * Finds why an outcome is forbidden by re-running the explicit engine for the candidate
 * executions reaching it and evaluating the model on each: the first failing axiom, and in its
 * relation a shortest cycle (acyclic), a closed path through its sequence (irreflexive) or a
 * pair (empty). The edges are labelled with the named relations the axiom is built from.
 */
public final class WhyForbiddenFinder {
    private WhyForbiddenFinder() {}

    /**
     * Every candidate first; when that takes more than a fifth of {@code millis}, the candidates
     * that pass uniproc cell by cell (the others fail scperlocation), with the rest of the time.
     */
    public static WhyForbidden find(Program program, CheckOptions options, long millis) {
        Model model = org.powercheck.model.cat.GracePeriods.forProgram(options.model(), program);
        List<WhyForbidden.Rejection> all = new ArrayList<>();
        try {
            ExplicitEngine.candidatesReaching(program, options.withTimeoutMillis(millis / 5),
                    x -> all.add(reject(x, model)));
            return new WhyForbidden(all, true, false);
        } catch (CheckTimeoutException e) {
            // too many candidates that break coherence: leave those to the per-cell check
        }
        List<WhyForbidden.Rejection> pruned = new ArrayList<>();
        boolean complete = true;
        try {
            ExplicitEngine.candidatesReachingPastUniproc(program, options.withTimeoutMillis(millis - millis / 5),
                    x -> pruned.add(reject(x, model)));
        } catch (CheckTimeoutException e) {
            complete = false;
        }
        return new WhyForbidden(pruned, complete, true);
    }

    static WhyForbidden.Rejection reject(Execution x, Model model) {
        ModelEvaluation eval = new ModelEvaluation(x);
        List<Check> checks = new ArrayList<>(model.checks());
        boolean mixed = x.relations().get(Rel.Base.SI) != null && !isIdentity(x.relations().get(Rel.Base.SI));
        if (mixed) checks = PpcModel.mixed(model).checks();
        for (Check c : checks) {
            if (eval.holds(c)) continue;
            List<WhyForbidden.Link> cycle = witness(c, eval, x.size());
            return new WhyForbidden.Rejection(x, c, cycle, expand(cycle, eval));
        }
        return new WhyForbidden.Rejection(x, null, List.of(), List.of());
    }

    private static boolean isIdentity(BitSet[] rows) {
        for (int i = 0; i < rows.length; i++) if (rows[i].cardinality() != 1 || !rows[i].get(i)) return false;
        return true;
    }

    private static List<WhyForbidden.Link> witness(Check c, ModelEvaluation eval, int n) {
        return switch (c.kind()) {
            case ACYCLIC -> cycle(c.rel(), eval, n);
            case IRREFLEXIVE -> closedPath(c.rel(), eval, n);
            case EMPTY -> pair(c.rel(), eval, n);
        };
    }

    /**
     * Each edge of a derived relation spelt out one level down: the part of its union that holds
     * the pair, and when that part is a sequence, a path through it (prop's self-loop at a read
     * becomes the fre, sync and hb steps it is made of).
     */
    private static List<WhyForbidden.Link> expand(List<WhyForbidden.Link> links, ModelEvaluation eval) {
        List<WhyForbidden.Link> out = new ArrayList<>();
        for (WhyForbidden.Link l : links) {
            List<Rel> parts = new ArrayList<>();
            unionParts(l.rel(), parts, true);
            List<WhyForbidden.Link> path = null;
            for (Rel p : parts) {
                if (!eval.relation(p)[l.from()].get(l.to())) continue;
                List<Rel> steps = new ArrayList<>();
                seqParts(p, steps, true);
                List<WhyForbidden.Link> walked = new ArrayList<>();
                if (steps.size() > 1 && walk(l.from(), l.to(), steps, 0, eval, walked)) path = walked;
                break;
            }
            if (path == null) {
                out.add(l);
                continue;
            }
            for (WhyForbidden.Link step : path) {
                boolean identity = step.from() == step.to() && (step.rel() instanceof Rel.Star || step.rel() instanceof Rel.Opt);
                if (!identity) out.add(step);
            }
        }
        return out.isEmpty() ? links : out;
    }

    /** A shortest cycle of the relation, each edge named by the first part of the union holding it. */
    private static List<WhyForbidden.Link> cycle(Rel rel, ModelEvaluation eval, int n) {
        BitSet[] m = eval.relation(rel);
        List<Rel> parts = new ArrayList<>();
        unionParts(rel, parts, true);
        List<Integer> found = ShortestCycle.of(n, v -> true, (a, b) -> m[a].get(b));
        List<Integer> best = found.isEmpty() ? null : found;
        List<WhyForbidden.Link> links = new ArrayList<>();
        if (best == null) return links;
        for (int i = 0; i < best.size(); i++) {
            int a = best.get(i), b = best.get((i + 1) % best.size());
            Rel label = rel;
            for (Rel p : parts) {
                if (eval.relation(p)[a].get(b)) {
                    label = p;
                    break;
                }
            }
            links.add(new WhyForbidden.Link(a, b, label));
        }
        return links;
    }

    /** The parts of a union down to the relations ppc.cat names. */
    private static void unionParts(Rel rel, List<Rel> out, boolean top) {
        if (rel instanceof Rel.Union u && (top || RelNames.nameOf(rel) == null)) {
            unionParts(u.left(), out, false);
            unionParts(u.right(), out, false);
        } else {
            out.add(rel);
        }
    }

    /** For irreflexive r1;...;rk: an event x and a path x -r1-> ... -rk-> x. */
    private static List<WhyForbidden.Link> closedPath(Rel rel, ModelEvaluation eval, int n) {
        List<Rel> steps = new ArrayList<>();
        seqParts(rel, steps, true);
        BitSet[] m = eval.relation(rel);
        for (int x = 0; x < n; x++) {
            if (!m[x].get(x)) continue;
            List<WhyForbidden.Link> path = new ArrayList<>();
            if (walk(x, x, steps, 0, eval, path)) return path;
        }
        return List.of();
    }

    private static boolean walk(int at, int goal, List<Rel> steps, int k, ModelEvaluation eval, List<WhyForbidden.Link> path) {
        if (k == steps.size()) return at == goal;
        BitSet row = eval.relation(steps.get(k))[at];
        for (int b = row.nextSetBit(0); b >= 0; b = row.nextSetBit(b + 1)) {
            path.add(new WhyForbidden.Link(at, b, steps.get(k)));
            if (walk(b, goal, steps, k + 1, eval, path)) return true;
            path.remove(path.size() - 1);
        }
        return false;
    }

    private static void seqParts(Rel rel, List<Rel> out, boolean top) {
        if (rel instanceof Rel.Seq s && (top || RelNames.nameOf(rel) == null)) {
            seqParts(s.left(), out, false);
            seqParts(s.right(), out, false);
        } else {
            out.add(rel);
        }
    }

    private static List<WhyForbidden.Link> pair(Rel rel, ModelEvaluation eval, int n) {
        BitSet[] m = eval.relation(rel);
        for (int a = 0; a < n; a++) {
            int b = m[a].nextSetBit(0);
            if (b >= 0) return List.of(new WhyForbidden.Link(a, b, rel));
        }
        return List.of();
    }
}
