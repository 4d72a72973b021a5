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
