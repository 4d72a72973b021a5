package org.powercheck.checker.sat;

import java.util.ArrayDeque;

/**
 * Transitive closures and recursive definitions are encoded one way only: their edge variables
 * are implied by their definitions but not bounded above, so a model may contain extra edges.
 * That is sound exactly when extra edges can only make the checks harder to pass: every check
 * (acyclic, irreflexive, empty) forbids edges, and union, intersection, sequence, inverse and
 * closure are monotone, so a solver that can satisfy the checks with the least solution will,
 * and a solution of the checks with extra edges also passes with the least one. Only the right
 * operand of a difference is antitone; closures and recursive relations found there are
 * marked for an exact encoding instead.
 */
final class PolarityCheck {
    private PolarityCheck() {}

    /** @return per node: a closure or recursive component that must be encoded exactly */
    static boolean[] exactNodes(ModelGraph g) {
        boolean[] negative = new boolean[g.size()];
        ArrayDeque<Integer> work = new ArrayDeque<>();
        for (ModelGraph.CheckNode c : g.checks) work.add(c.rel());
        boolean[] seenPos = new boolean[g.size()];
        // Positive sweep: find every node reachable without crossing a difference's right side;
        // the right sides found on the way start the negative sweep.
        ArrayDeque<Integer> neg = new ArrayDeque<>();
        while (!work.isEmpty()) {
            int v = work.poll();
            if (seenPos[v]) continue;
            seenPos[v] = true;
            int[] ch = g.children(v);
            for (int i = 0; i < ch.length; i++) {
                if (g.kind(v) == ModelGraph.Kind.DIFF && i == 1) neg.add(ch[i]);
                else work.add(ch[i]);
            }
        }
        // Anything under a difference's right side must be exact (nested differences included).
        while (!neg.isEmpty()) {
            int v = neg.poll();
            if (negative[v]) continue;
            negative[v] = true;
            ModelGraph.Kind k = g.kind(v);
            for (int ch : g.children(v)) neg.add(ch);
        }
        boolean[] exact = new boolean[g.size()];
        for (int v = 0; v < g.size(); v++) {
            ModelGraph.Kind k = g.kind(v);
            exact[v] = negative[v] && (k == ModelGraph.Kind.PLUS || (k == ModelGraph.Kind.COMPONENT && g.recursive[v]));
        }
        return exact;
    }
}
