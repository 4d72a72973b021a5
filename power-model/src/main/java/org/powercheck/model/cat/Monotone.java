package org.powercheck.model.cat;

import java.util.Set;
import org.powercheck.model.Rel;

/**
 * Whether a relation grows with the given fixpoint variables: none of them below the right
 * operand of a difference (a complement is a difference too). Only such equations have the least
 * solution the engines compute.
 */
final class Monotone {
    private Monotone() {}

    static boolean in(Rel r, Set<String> vars) {
        return switch (r) {
            case Rel.Base b -> true;
            case Rel.Empty e -> true;
            case Rel.Identity i -> true;
            case Rel.Cross c -> true;
            case Rel.Var v -> true;
            case Rel.Union u -> in(u.left(), vars) && in(u.right(), vars);
            case Rel.Inter i -> in(i.left(), vars) && in(i.right(), vars);
            case Rel.Seq s -> in(s.left(), vars) && in(s.right(), vars);
            case Rel.Diff d -> in(d.left(), vars) && !mentions(d.right(), vars);
            case Rel.Inverse i -> in(i.rel(), vars);
            case Rel.Plus p -> in(p.rel(), vars);
            case Rel.Star s -> in(s.rel(), vars);
            case Rel.Opt o -> in(o.rel(), vars);
            case Rel.Fix f -> f.bodies().stream().allMatch(b -> in(b, vars));
        };
    }

    /**
     * Whether herd's iteration from the empty relations surely ends on equations that are not
     * monotone: each variable is an accumulator ({@code x = x | ...}, so it never shrinks) or
     * defined from others without a cycle through non-accumulators. The accumulators then grow
     * at least once every {@code names.size()} rounds until the iteration is stable, so it ends
     * within {@code (pairs + 1) * (names.size() + 1)} rounds (the bell's rcu-rscs matching).
     */
    static boolean inflationary(java.util.List<String> names, java.util.List<Rel> bodies) {
        int k = names.size();
        boolean[] accumulator = new boolean[k];
        for (int i = 0; i < k; i++) accumulator[i] = unionMembers(bodies.get(i)).contains(new Rel.Var(names.get(i)));
        // Depth-first search for a cycle among the non-accumulators.
        int[] state = new int[k];
        for (int i = 0; i < k; i++) if (!accumulator[i] && cycles(i, names, bodies, accumulator, state)) return false;
        return true;
    }

    private static boolean cycles(int i, java.util.List<String> names, java.util.List<Rel> bodies, boolean[] accumulator, int[] state) {
        if (state[i] == 2) return false;
        if (state[i] == 1) return true;
        state[i] = 1;
        for (int j = 0; j < names.size(); j++) {
            if (!accumulator[j] && mentions(bodies.get(i), Set.of(names.get(j)))
                    && cycles(j, names, bodies, accumulator, state)) return true;
        }
        state[i] = 2;
        return false;
    }

    private static java.util.List<Rel> unionMembers(Rel r) {
        if (!(r instanceof Rel.Union u)) return java.util.List.of(r);
        java.util.List<Rel> out = new java.util.ArrayList<>(unionMembers(u.left()));
        out.addAll(unionMembers(u.right()));
        return out;
    }

    private static boolean mentions(Rel r, Set<String> vars) {
        return switch (r) {
            case Rel.Base b -> false;
            case Rel.Empty e -> false;
            case Rel.Identity i -> false;
            case Rel.Cross c -> false;
            case Rel.Var v -> vars.contains(v.name());
            case Rel.Union u -> mentions(u.left(), vars) || mentions(u.right(), vars);
            case Rel.Inter i -> mentions(i.left(), vars) || mentions(i.right(), vars);
            case Rel.Seq s -> mentions(s.left(), vars) || mentions(s.right(), vars);
            case Rel.Diff d -> mentions(d.left(), vars) || mentions(d.right(), vars);
            case Rel.Inverse i -> mentions(i.rel(), vars);
            case Rel.Plus p -> mentions(p.rel(), vars);
            case Rel.Star s -> mentions(s.rel(), vars);
            case Rel.Opt o -> mentions(o.rel(), vars);
            case Rel.Fix f -> f.bodies().stream().anyMatch(b -> mentions(b, vars));
        };
    }
}
