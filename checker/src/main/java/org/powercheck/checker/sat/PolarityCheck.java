package org.powercheck.checker.sat;

import java.util.ArrayDeque;

/**
 * Finds where a relation may be encoded one way. Every check (acyclic, irreflexive, empty)
 * forbids edges, and union, intersection, sequence, inverse and closure are monotone, so a
 * relation that reaches the checks only through monotone operators may be over-approximated:
 * its literal is implied by its definition but not bounded above (Plaisted-Greenbaum for
 * gates; closures and recursive relations get edge variables implied by their defining
 * rules). A model may then contain extra edges, but only to its own detriment: an execution
 * passes the checks with such edges only if it passes them with the least ones, and the least
 * ones are always a possible assignment. Only the right operand of a difference is antitone;
 * everything below one is exact (two-way), closures and recursive relations included.
 *
 * <p>A flag asks the opposite question: whether an allowed execution really has a pair, so its
 * literal must never be over-approximated and its relation is exact. Below a difference's right
 * side the direction flips again: there an over-approximation can only hide a pair of the
 * flag, never invent one, and the query for the flag may pick the least edges. The LKMM's
 * data-race flag subtracts {@code xbstar} (a closure over {@code hb}, {@code pb} and
 * {@code rb}), which is then encoded one way, over its needed pairs only.
 */
final class PolarityCheck {
    private PolarityCheck() {}

    /** @return per node: whether it must be encoded exactly (see the class comment) */
    static boolean[] exactNodes(ModelGraph g) {
        boolean[] exact = new boolean[g.size()];
        boolean[] seenOneWay = new boolean[g.size()];
        ArrayDeque<Integer> oneWay = new ArrayDeque<>();
        ArrayDeque<Integer> exactWork = new ArrayDeque<>();
        ArrayDeque<Integer> exactFlagWork = new ArrayDeque<>();
        for (ModelGraph.CheckNode c : g.checks) oneWay.add(c.rel());
        for (ModelGraph.CheckNode f : g.flags) exactFlagWork.add(f.rel());
        // The checks' relations: one way down to a difference's right side, exact below it.
        // (One-way nodes below exact ones would have to be encoded even when the checks are
        // decided on models, see ModelRefinement, so the checks do not flip back.)
        while (!oneWay.isEmpty()) {
            int v = oneWay.poll();
            if (seenOneWay[v]) continue;
            seenOneWay[v] = true;
            int[] ch = g.children(v);
            for (int i = 0; i < ch.length; i++) (isDiffRight(g, v, i) ? exactWork : oneWay).add(ch[i]);
        }
        while (!exactWork.isEmpty()) {
            int v = exactWork.poll();
            if (exact[v]) continue;
            exact[v] = true;
            for (int ch : g.children(v)) exactWork.add(ch);
        }
        // The flags' relations, which share only base relations and sets with the checks':
        // exact at the top, one way below a difference's right side, exact again below the next.
        boolean[] seenFlagOneWay = new boolean[g.size()];
        ArrayDeque<Integer> flagOneWay = new ArrayDeque<>();
        while (!exactFlagWork.isEmpty() || !flagOneWay.isEmpty()) {
            while (!exactFlagWork.isEmpty()) {
                int v = exactFlagWork.poll();
                if (exact[v]) continue;
                exact[v] = true;
                int[] ch = g.children(v);
                for (int i = 0; i < ch.length; i++) (isDiffRight(g, v, i) ? flagOneWay : exactFlagWork).add(ch[i]);
            }
            while (!flagOneWay.isEmpty()) {
                int v = flagOneWay.poll();
                if (seenFlagOneWay[v]) continue;
                seenFlagOneWay[v] = true;
                int[] ch = g.children(v);
                for (int i = 0; i < ch.length; i++) (isDiffRight(g, v, i) ? exactFlagWork : flagOneWay).add(ch[i]);
            }
        }
        return exact;
    }

    private static boolean isDiffRight(ModelGraph g, int v, int child) {
        return g.kind(v) == ModelGraph.Kind.DIFF && child == 1;
    }
}
