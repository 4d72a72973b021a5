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

    /**
     * How a node is reached. The checks' relations are one way down to a difference's right
     * side and exact below it (one-way nodes below exact ones would have to be encoded even when
     * the checks are decided on models, see ModelRefinement, so the checks do not flip back);
     * the flags' relations, which share only base relations and sets with the checks', are
     * exact at the top, one way below a difference's right side, exact again below the next.
     */
    private enum Mode {
        CHECK_ONE_WAY, CHECK_EXACT, FLAG_EXACT, FLAG_ONE_WAY;

        boolean exact() {
            return this == CHECK_EXACT || this == FLAG_EXACT;
        }

        Mode belowDifferenceRight() {
            return switch (this) {
                case CHECK_ONE_WAY, CHECK_EXACT -> CHECK_EXACT;
                case FLAG_EXACT -> FLAG_ONE_WAY;
                case FLAG_ONE_WAY -> FLAG_EXACT;
            };
        }
    }

    /** @return per node: whether it must be encoded exactly (see the class comment) */
    static boolean[] exactNodes(ModelGraph g) {
        boolean[] exact = new boolean[g.size()];
        boolean[][] seen = new boolean[Mode.values().length][g.size()];
        ArrayDeque<int[]> work = new ArrayDeque<>();
        for (ModelGraph.CheckNode c : g.checks) work.add(new int[] {c.rel(), Mode.CHECK_ONE_WAY.ordinal()});
        for (ModelGraph.CheckNode f : g.flags) work.add(new int[] {f.rel(), Mode.FLAG_EXACT.ordinal()});
        while (!work.isEmpty()) {
            int[] item = work.poll();
            int v = item[0];
            Mode mode = Mode.values()[item[1]];
            if (seen[mode.ordinal()][v]) continue;
            seen[mode.ordinal()][v] = true;
            exact[v] |= mode.exact();
            int[] ch = g.children(v);
            for (int i = 0; i < ch.length; i++) {
                Mode below = isDiffRight(g, v, i) ? mode.belowDifferenceRight() : mode;
                work.add(new int[] {ch[i], below.ordinal()});
            }
        }
        return exact;
    }

    private static boolean isDiffRight(ModelGraph g, int v, int child) {
        return g.kind(v) == ModelGraph.Kind.DIFF && child == 1;
    }
}
