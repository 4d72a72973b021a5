package org.powercheck.checker.trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/** A cycle with the fewest edges in a graph over events 0..n-1, found by a search from each node. */
final class ShortestCycle {
    /** Whether there is an edge from {@code a} to {@code b}. */
    interface Edges {
        boolean has(int a, int b);
    }

    private ShortestCycle() {}

    /**
     * The nodes of a shortest cycle through the nodes {@code in} admits, in order (the last one
     * leads back to the first); empty when there is none. Ties go to the lowest start and the
     * lowest successors, so the answer does not depend on anything but the graph.
     */
    static List<Integer> of(int n, IntPredicate in, Edges edges) {
        List<Integer> best = List.of();
        for (int start = 0; start < n; start++) {
            if (!in.test(start)) continue;
            int[] parent = new int[n];
            Arrays.fill(parent, -2);
            parent[start] = -1;
            ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
            int closing = -1;
            while (!queue.isEmpty() && closing < 0) {
                int a = queue.poll();
                for (int b = 0; b < n; b++) {
                    if (!in.test(b) || !edges.has(a, b)) continue;
                    if (b == start) {
                        closing = a;
                        break;
                    }
                    if (parent[b] == -2) {
                        parent[b] = a;
                        queue.add(b);
                    }
                }
            }
            if (closing < 0) continue;
            List<Integer> path = new ArrayList<>();
            for (int v = closing; v != -1; v = parent[v]) path.add(0, v);
            if (best.isEmpty() || path.size() < best.size()) best = path;
        }
        return best;
    }
}
