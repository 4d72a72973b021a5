package org.powercheck.checker.sat;

import java.util.BitSet;
import java.util.List;

/**
 * How many rounds of {@link ValueAnalysis} a location's values need. A value is made by a
 * chain of distinct stores whose values depend on loads (a cycle would be out of thin air),
 * each store reading what the one before it stored, so a chain that ends at a store to cell x
 * passes only through stores to x and to the cells x's stored values are computed from,
 * transitively. Round r of the analysis sees every chain of r hops between threads, so once the
 * live nodes and these bounds stay the same, x has all its real values after as many rounds as
 * such stores lie on the threads' longest paths: a counter two threads increment stops there
 * instead of taking a value per store of either.
 *
 * <p>Collected afresh each round from the analysis's own address sets (flow-insensitively: a
 * register derives from every cell a load into it may read, on any path).
 */
final class ValueChains {
    private final List<ThreadProgram> threads;
    private final int cells;
    /** [thread][register]: the cells a loaded value in it may come from */
    private BitSet[][] provenance;
    /** [thread][node]: the cells a store there may write, when its value derives from loads */
    private BitSet[][] derivedStore;
    /** [cell]: the cells whose loaded values a store to it may compute with */
    private BitSet[] dependsOn;
    /** [thread][node]: the cells a load or store there may access */
    private BitSet[][] accessed;

    ValueChains(List<ThreadProgram> threads, int cells) {
        this.threads = threads;
        this.cells = cells;
    }

    void startRound() {
        int nt = threads.size();
        provenance = new BitSet[nt][];
        derivedStore = new BitSet[nt][];
        accessed = new BitSet[nt][];
        for (int t = 0; t < nt; t++) {
            provenance[t] = new BitSet[threads.get(t).regs.length];
            derivedStore[t] = new BitSet[threads.get(t).dag.size()];
            accessed[t] = new BitSet[threads.get(t).dag.size()];
        }
        dependsOn = new BitSet[cells];
        for (int c = 0; c < cells; c++) dependsOn[c] = new BitSet();
    }

    /** A load at {@code node} into register {@code dst} that may read {@code from}. */
    void load(int t, int node, int dst, BitSet from) {
        access(t, node, from);
        flowsFrom(t, dst, from);
    }

    private void access(int t, int node, BitSet cells) {
        BitSet a = accessed[t][node];
        if (a == null) accessed[t][node] = a = new BitSet();
        a.or(cells);
    }

    private void flowsFrom(int t, int dst, BitSet from) {
        BitSet p = provenance[t][dst];
        if (p == null) provenance[t][dst] = p = new BitSet();
        p.or(from);
    }

    /** Register {@code dst} computed from {@code regs}. */
    void compute(int t, int dst, int[] regs) {
        BitSet from = of(t, regs);
        if (!from.isEmpty()) flowsFrom(t, dst, from);
    }

    /** A store at {@code node} of a value computed from {@code regs} that may write {@code to}. */
    void store(int t, int node, BitSet to, int[] regs) {
        access(t, node, to);
        BitSet from = of(t, regs);
        if (from.isEmpty()) return;
        BitSet d = derivedStore[t][node];
        if (d == null) derivedStore[t][node] = d = new BitSet();
        d.or(to);
        for (int c = to.nextSetBit(0); c >= 0; c = to.nextSetBit(c + 1)) dependsOn[c].or(from);
    }

    private BitSet of(int t, int[] regs) {
        BitSet out = new BitSet();
        for (int r : regs) if (provenance[t][r] != null) out.or(provenance[t][r]);
        return out;
    }

    /**
     * The round's accesses, to compare with another round's: the bounds hold only while every
     * access keeps its cells (an address that comes from a load may reach new cells).
     */
    BitSet[][] accesses() {
        return accessed;
    }

    /** Per cell: the derived stores a chain ending at a store to it may pass through. */
    int[] bounds() {
        int[] perCell = new int[cells];
        for (int t = 0; t < threads.size(); t++) {
            int[] most = mostOnAPath(threads.get(t).dag, derivedStore[t]);
            for (int c = 0; c < cells; c++) perCell[c] += most[c];
        }
        int[] out = new int[cells];
        for (int x = 0; x < cells; x++) {
            if (perCell[x] == 0) continue;
            BitSet reach = new BitSet();
            reach.set(x);
            BitSet todo = (BitSet) reach.clone();
            while (!todo.isEmpty()) {
                int c = todo.nextSetBit(0);
                todo.clear(c);
                BitSet fresh = (BitSet) dependsOn[c].clone();
                fresh.andNot(reach);
                reach.or(fresh);
                todo.or(fresh);
            }
            for (int c = reach.nextSetBit(0); c >= 0; c = reach.nextSetBit(c + 1)) out[x] += perCell[c];
        }
        return out;
    }

    /** Per cell: the most derived stores to it any path through the DAG executes. */
    private int[] mostOnAPath(ThreadDag dag, BitSet[] stores) {
        int n = dag.size();
        int[][] best = new int[n][];
        int[] none = new int[cells];
        for (int node = n - 1; node >= 0; node--) {
            int[] m = none;
            boolean owned = false;
            for (int s : dag.succ[node]) {
                int[] b = best[s];
                if (b == none) continue;
                if (m == none) {
                    m = b;
                    continue;
                }
                if (!owned) {
                    m = m.clone();
                    owned = true;
                }
                for (int c = 0; c < cells; c++) m[c] = Math.max(m[c], b[c]);
            }
            BitSet here = stores[node];
            if (here != null) {
                if (!owned) m = m.clone();
                for (int c = here.nextSetBit(0); c >= 0; c = here.nextSetBit(c + 1)) m[c]++;
            }
            best[node] = m;
        }
        return n == 0 ? none : best[0];
    }
}
