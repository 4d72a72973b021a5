package org.powercheck.checker.sat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.powercheck.ir.Undetermined;

/**
 * herd7's symbolic read values ({@link org.powercheck.ir.Program#symbolicReads()}): a read is
 * grounded when it reads a write whose value depends (by data) on grounded reads only, the
 * initial writes and constant stores grounding the chains. That is a least fixpoint over
 * reads-from and data, so an ungrounded cycle ({@code r1 = *x; *y = r1} against
 * {@code r2 = *y; *x = r2}) stays ungrounded. A grounded read has a value of the domain; an
 * ungrounded one has {@link Undetermined#VALUE}, which then flows through every write computed
 * from it.
 *
 * <p>The fixpoint is unrolled per strongly connected component of "r may read a write that
 * depends on d", dependencies first: a component of n reads with a cycle takes n rounds (a
 * grounded read's chain within it passes each read at most once), a read outside any cycle one.
 */
final class Grounding {
    private Grounding() {}

    static void encode(Circuit c, List<Event> events, MemoryEncoding memory) {
        List<Event> reads = new ArrayList<>();
        List<Event> writes = new ArrayList<>();
        for (Event e : events) if (e.write) writes.add(e);
        int[] readIndex = new int[events.size()];
        Arrays.fill(readIndex, -1);
        for (Event e : events) {
            if (e.read && !e.isInit()) {
                readIndex[e.id] = reads.size();
                reads.add(e);
            }
        }
        if (reads.isEmpty()) return;
        int n = reads.size();
        // r -> d: r may read a write whose value depends on d
        int[][] dependsOn = new int[n][];
        for (int i = 0; i < n; i++) {
            Event r = reads.get(i);
            java.util.TreeSet<Integer> ds = new java.util.TreeSet<>();
            for (Event w : writes) {
                if (!memory.rfMay.get(w.id, r.id)) continue;
                for (int d : w.data.events) if (readIndex[d] >= 0) ds.add(readIndex[d]);
            }
            dependsOn[i] = ds.stream().mapToInt(Integer::intValue).toArray();
        }
        int[] grounded = new int[n];
        boolean[] done = new boolean[n];
        for (int[] component : components(dependsOn)) {
            boolean cyclic = component.length > 1 || Arrays.binarySearch(dependsOn[component[0]], component[0]) >= 0;
            if (!cyclic) {
                grounded[component[0]] = groundedOnce(c, writes, memory, reads.get(component[0]), readIndex, grounded, done);
            } else {
                int[] round = new int[component.length];
                Arrays.fill(round, Circuit.FALSE);
                for (int k = 0; k < component.length; k++) {
                    for (int i = 0; i < component.length; i++) grounded[component[i]] = round[i];
                    for (int i : component) done[i] = true;
                    int[] next = new int[component.length];
                    for (int i = 0; i < component.length; i++) {
                        next[i] = groundedOnce(c, writes, memory, reads.get(component[i]), readIndex, grounded, done);
                    }
                    round = next;
                }
                for (int i = 0; i < component.length; i++) grounded[component[i]] = round[i];
            }
            for (int i : component) done[i] = true;
        }
        for (int i = 0; i < n; i++) {
            Event r = reads.get(i);
            int u = r.value.eq(Undetermined.VALUE);
            c.clause(-r.guard, grounded[i], u);
            if (u != Circuit.FALSE) c.clause(-u, -grounded[i]);
        }
    }

    /** "r reads a write whose data dependencies are all grounded", by the literals found so far. */
    private static int groundedOnce(Circuit c, List<Event> writes, MemoryEncoding memory, Event r, int[] readIndex,
                                    int[] grounded, boolean[] done) {
        List<Integer> sources = new ArrayList<>();
        for (Event w : writes) {
            if (!memory.rfMay.get(w.id, r.id)) continue;
            EventMap data = w.data;
            int[] conds = new int[data.events.length + 1];
            int m = 0;
            conds[m++] = memory.rf.get(w.id, r.id);
            for (int j = 0; j < data.events.length; j++) {
                int d = readIndex[data.events[j]];
                if (d < 0) continue;
                conds[m++] = c.implies(data.lits[j], done[d] ? grounded[d] : Circuit.FALSE);
            }
            sources.add(c.and(conds, m));
        }
        int[] any = sources.stream().mapToInt(Integer::intValue).toArray();
        return c.or(any, any.length);
    }

    /** Tarjan's strongly connected components, each sorted, every component after those it depends on. */
    static List<int[]> components(int[][] edges) {
        int n = edges.length;
        int[] index = new int[n], low = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(index, -1);
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        List<int[]> out = new ArrayList<>();
        int[] counter = {0};
        for (int v = 0; v < n; v++) if (index[v] < 0) strongConnect(v, edges, index, low, onStack, stack, out, counter);
        return out;
    }

    /** Iterative Tarjan from {@code root}: an explicit stack of (node, next edge) frames. */
    private static void strongConnect(int root, int[][] edges, int[] index, int[] low, boolean[] onStack,
                                      ArrayDeque<Integer> stack, List<int[]> out, int[] counter) {
        ArrayDeque<int[]> frames = new ArrayDeque<>();
        frames.push(new int[] {root, 0});
        index[root] = low[root] = counter[0]++;
        stack.push(root);
        onStack[root] = true;
        while (!frames.isEmpty()) {
            int[] f = frames.peek();
            int v = f[0];
            if (f[1] < edges[v].length) {
                int w = edges[v][f[1]++];
                if (index[w] < 0) {
                    index[w] = low[w] = counter[0]++;
                    stack.push(w);
                    onStack[w] = true;
                    frames.push(new int[] {w, 0});
                } else if (onStack[w]) {
                    low[v] = Math.min(low[v], index[w]);
                }
                continue;
            }
            frames.pop();
            if (!frames.isEmpty()) low[frames.peek()[0]] = Math.min(low[frames.peek()[0]], low[v]);
            if (low[v] == index[v]) {
                List<Integer> comp = new ArrayList<>();
                int w;
                do {
                    w = stack.pop();
                    onStack[w] = false;
                    comp.add(w);
                } while (w != v);
                out.add(comp.stream().mapToInt(Integer::intValue).sorted().toArray());
            }
        }
    }
}
