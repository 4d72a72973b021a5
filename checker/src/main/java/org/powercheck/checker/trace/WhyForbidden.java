package org.powercheck.checker.trace;

import java.util.List;
import org.powercheck.checker.Execution;
import org.powercheck.model.Check;
import org.powercheck.model.Rel;

/**
 * Why no allowed execution reaches an outcome: every candidate execution that reaches it, with
 * the first axiom of the model it fails and a shortest cycle of that axiom's relation in it.
 *
 * @param complete  false when the enumeration stopped early (time), so only some candidates are here
 * @param uniprocPruned the candidates that fail scperlocation were dropped cell by cell while
 *                  enumerating (every full enumeration took too long): they are not listed
 */
public record WhyForbidden(List<Rejection> rejections, boolean complete, boolean uniprocPruned) {
    public WhyForbidden {
        rejections = List.copyOf(rejections);
    }

    /**
     * One candidate and what rules it out.
     *
     * @param cycle for {@code acyclic r}: a cycle of r, each edge named by the part of r's union
     *              holding it; for {@code irreflexive r1;...;rk}: a path through r1..rk from an
     *              event back to itself; for {@code empty r}: one pair of r
     * @param steps the same cycle with each derived edge spelt out one level down (identity
     *              steps of a {@code *} or {@code ?} left out)
     */
    public record Rejection(Execution execution, Check check, List<Link> cycle, List<Link> steps) {
        public Rejection {
            cycle = List.copyOf(cycle);
            steps = List.copyOf(steps);
        }
    }

    /** One edge of a cycle: the pair and the relation it is in. */
    public record Link(int from, int to, Rel rel) {
        public String name() {
            return RelNames.text(rel);
        }
    }
}
