package org.powercheck.checker.explicit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.powercheck.model.Check;
import org.powercheck.model.EventSet;
import org.powercheck.model.Rel;

/**
 * Evaluates a model's relation trees on one concrete execution, by the textbook definitions:
 * unions are bitwise or, {@code ;} is boolean matrix product, {@code +} is Warshall's closure
 * and a {@code let rec} is solved by Kleene iteration from the empty relations.
 *
 * <p>Model trees share sub-trees (ppc.cat names {@code fre} once and uses it often), so results
 * are memoised by node identity. Two memo levels: nodes that depend only on the program's
 * static relations are kept for all rf/co choices of one set of thread runs, the others for one
 * candidate only. Nodes under a fixpoint variable are never memoised.
 */
final class RelEvaluator {
    private final Map<Object, Set<String>> freeVars = new IdentityHashMap<>();
    private final Map<Object, Boolean> dynamic = new IdentityHashMap<>();
    private final Map<Object, BitMatrix> staticMemo = new IdentityHashMap<>();
    private final Map<Object, BitMatrix> dynamicMemo = new IdentityHashMap<>();
    private final Map<Object, BitMatrix[]> fixMemo = new IdentityHashMap<>();
    private ConcreteExecution exec;

    /** Starts a new set of thread runs: forgets everything. */
    void newGraph() {
        exec = null;
        staticMemo.clear();
        dynamicMemo.clear();
        fixMemo.clear();
    }

    /** Starts a new rf/co choice over the same events: forgets what depends on rf, co or FW. */
    void useCandidate(ConcreteExecution execution) {
        exec = execution;
        dynamicMemo.clear();
        fixMemo.entrySet().removeIf(e -> isDynamic(e.getKey()));
    }

    boolean holds(Check check) {
        BitMatrix r = eval(check.rel(), Map.of());
        return switch (check.kind()) {
            case ACYCLIC -> r.isAcyclic();
            case IRREFLEXIVE -> r.isIrreflexive();
            case EMPTY -> r.isEmpty();
        };
    }

    BitMatrix eval(Rel rel) {
        return eval(rel, Map.of());
    }

    private BitMatrix eval(Rel rel, Map<String, BitMatrix> env) {
        boolean memoisable = freeVars(rel).isEmpty();
        Map<Object, BitMatrix> memo = isDynamic(rel) ? dynamicMemo : staticMemo;
        if (memoisable) {
            BitMatrix known = memo.get(rel);
            if (known != null) return known;
        }
        BitMatrix r = compute(rel, env);
        if (memoisable) memo.put(rel, r);
        return r;
    }

    private BitMatrix compute(Rel rel, Map<String, BitMatrix> env) {
        int n = exec.size();
        return switch (rel) {
            case Rel.Base b -> exec.relation(b);
            case Rel.Empty e -> BitMatrix.empty(n);
            case Rel.Identity i -> BitMatrix.identity(n, set(i.set()));
            case Rel.Cross c -> BitMatrix.cross(n, set(c.left()), set(c.right()));
            case Rel.Union u -> eval(u.left(), env).union(eval(u.right(), env));
            case Rel.Inter i -> eval(i.left(), env).inter(eval(i.right(), env));
            case Rel.Diff d -> eval(d.left(), env).minus(eval(d.right(), env));
            case Rel.Seq s -> eval(s.left(), env).seq(eval(s.right(), env));
            case Rel.Inverse i -> eval(i.rel(), env).inverse();
            case Rel.Plus p -> eval(p.rel(), env).plus();
            case Rel.Star s -> eval(s.rel(), env).star();
            case Rel.Opt o -> eval(o.rel(), env).opt();
            case Rel.Var v -> {
                BitMatrix value = env.get(v.name());
                if (value == null) throw new IllegalStateException("unbound relation variable " + v.name());
                yield value;
            }
            case Rel.Fix f -> solve(f, env)[f.index()];
        };
    }

    /** Least solution of the equations by Kleene iteration; memoised per equation system. */
    private BitMatrix[] solve(Rel.Fix fix, Map<String, BitMatrix> outer) {
        boolean memoisable = freeVars(fix).isEmpty();
        Object key = fix.bodies();
        if (memoisable) {
            BitMatrix[] known = fixMemo.get(key);
            if (known != null) return known;
        }
        int k = fix.names().size();
        BitMatrix[] current = new BitMatrix[k];
        for (int i = 0; i < k; i++) current[i] = BitMatrix.empty(exec.size());
        // In the order the definitions are written, each seeing the values the ones before it
        // took in the same round, as herd iterates: the same least fixpoint for monotone
        // equations, and herd's result for the others (the bell's rcu-rscs matching).
        Map<String, BitMatrix> env = new HashMap<>(outer);
        for (int i = 0; i < k; i++) env.put(fix.names().get(i), current[i]);
        while (true) {
            boolean changed = false;
            for (int i = 0; i < k; i++) {
                BitMatrix next = eval(fix.bodies().get(i), env);
                changed |= !next.equals(current[i]);
                current[i] = next;
                env.put(fix.names().get(i), next);
            }
            if (!changed) break;
        }
        if (memoisable) fixMemo.put(key, current);
        return current;
    }

    long[] set(EventSet s) {
        return switch (s) {
            case EventSet.Base b -> exec.set(b);
            case EventSet.Fences f -> exec.fences(f.kind());
            // The events of instructions carrying the tag (none in POWER code, as in herd7).
            case EventSet.Tagged t -> exec.tagged(t.tag());
            case EventSet.Union u -> EventMask.union(set(u.left()), set(u.right()));
            case EventSet.Inter i -> EventMask.inter(set(i.left()), set(i.right()));
            case EventSet.Diff d -> EventMask.minus(set(d.left()), set(d.right()));
        };
    }

    // ---- static properties of model nodes (independent of the execution) ----

    private Set<String> freeVars(Object node) {
        Set<String> known = freeVars.get(node);
        if (known != null) return known;
        Set<String> out = new HashSet<>();
        switch (node) {
            case Rel.Var v -> out.add(v.name());
            case Rel.Fix f -> {
                for (Rel body : f.bodies()) out.addAll(freeVars(body));
                out.removeAll(f.names());
            }
            case List<?> bodies -> {
                for (Object body : bodies) out.addAll(freeVars(body));
            }
            default -> {
                for (Rel child : children(node)) out.addAll(freeVars(child));
            }
        }
        Set<String> result = Set.copyOf(out);
        freeVars.put(node, result);
        return result;
    }

    /** Whether the node's value depends on rf, co or FW (so it changes between candidates). */
    private boolean isDynamic(Object node) {
        Boolean known = dynamic.get(node);
        if (known != null) return known;
        boolean d = switch (node) {
            case Rel.Base b -> b == Rel.Base.RF || b == Rel.Base.CO;
            case Rel.Identity i -> isDynamic(i.set());
            case Rel.Cross c -> isDynamic(c.left()) || isDynamic(c.right());
            case Rel.Fix f -> isDynamic(f.bodies());
            case List<?> bodies -> bodies.stream().anyMatch(this::isDynamic);
            case EventSet.Base b -> b == EventSet.Base.FW;
            case EventSet.Fences f -> false;
            case EventSet.Tagged t -> false;
            case EventSet.Union u -> isDynamic(u.left()) || isDynamic(u.right());
            case EventSet.Inter i -> isDynamic(i.left()) || isDynamic(i.right());
            case EventSet.Diff df -> isDynamic(df.left()) || isDynamic(df.right());
            default -> children(node).stream().anyMatch(this::isDynamic);
        };
        dynamic.put(node, d);
        return d;
    }

    private static List<Rel> children(Object node) {
        if (!(node instanceof Rel rel)) return List.of();
        return switch (rel) {
            case Rel.Base b -> List.of();
            case Rel.Empty e -> List.of();
            case Rel.Identity i -> List.of();
            case Rel.Cross c -> List.of();
            case Rel.Var v -> List.of();
            case Rel.Union u -> List.of(u.left(), u.right());
            case Rel.Inter i -> List.of(i.left(), i.right());
            case Rel.Diff d -> List.of(d.left(), d.right());
            case Rel.Seq s -> List.of(s.left(), s.right());
            case Rel.Inverse i -> List.of(i.rel());
            case Rel.Plus p -> List.of(p.rel());
            case Rel.Star s -> List.of(s.rel());
            case Rel.Opt o -> List.of(o.rel());
            case Rel.Fix f -> f.bodies();
        };
    }
}
