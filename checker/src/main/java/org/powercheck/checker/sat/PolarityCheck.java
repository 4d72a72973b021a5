package org.powercheck.checker.sat;

import java.util.ArrayDeque;

/**
 * Finds where a relation may be over-approximated. Every check (acyclic, irreflexive, empty)
 * forbids edges, and union, intersection, sequence, inverse and closure are monotone, so a
 * relation that reaches the checks only through monotone operators may be encoded one way:
 * its literal is implied by its definition but not bounded above (Plaisted-Greenbaum for
 * gates; closures and recursive relations get edge variables implied by their defining
 * rules). A model may then contain extra edges, but only to its own detriment: an execution
 * passes the checks with such edges only if it passes them with the least ones, and the least
 * ones are always a possible assignment. Only the right operand of a difference is antitone;
 * everything below one is "negative" and gets exact (two-way) encodings, closures and
 * recursive relations included.
 */
final class PolarityCheck {
    private PolarityCheck() {}

    /**
     * @return per node: whether it is below the right operand of some difference, or a flag's
     *         (a flag asks whether a pair is really there: its literals must not be over-approximated)
     */
    static boolean[] negativeNodes(ModelGraph g) {
        boolean[] negative = new boolean[g.size()];
        boolean[] seenPos = new boolean[g.size()];
        ArrayDeque<Integer> work = new ArrayDeque<>();
        ArrayDeque<Integer> neg = new ArrayDeque<>();
        for (ModelGraph.CheckNode c : g.checks) work.add(c.rel());
        for (ModelGraph.CheckNode f : g.flags) neg.add(f.rel());
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
        while (!neg.isEmpty()) {
            int v = neg.poll();
            if (negative[v]) continue;
            negative[v] = true;
            for (int ch : g.children(v)) neg.add(ch);
        }
        return negative;
    }
}
