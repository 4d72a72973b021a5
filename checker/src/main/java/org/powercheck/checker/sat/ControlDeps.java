package org.powercheck.checker.sat;

import java.util.ArrayList;
import java.util.List;

/**
 * Control dependencies, from the conditional branches rather than as a per-node set: read r
 * controls event e when some conditional branch whose condition depends on r was executed
 * before e. In a DAG, when both nodes lie on the execution's path and the branch's node
 * reaches e's node, the branch came first; so ctrl(r,e) = guard(e) & OR over branches b whose
 * node reaches e's (guard(b) & dep_b(r)). Carrying the set along the paths instead would merge
 * it at every join, which dominated the encoding of kernel code with many branches.
 */
final class ControlDeps {
    /** {@code scopeEndPc}: where the statement the branch decides ends (LKMM), or -1 (POWER: never). */
    private record BranchRecord(int guard, EventMap deps, int scopeEndPc) { }

    /** per thread: conditional branches whose condition depends on some read */
    private final List<List<BranchRecord>> branches = new ArrayList<>();
    /** per thread, per node: bit set of the branches (indices above) executed before it */
    private final List<long[][]> before = new ArrayList<>();

    void addThread(int nodes) {
        branches.add(new ArrayList<>());
        before.add(new long[nodes][]);
    }

    /** Records a conditional branch at {@code node} of the latest thread. */
    void addBranch(int node, int guard, EventMap deps, int scopeEndPc) {
        if (deps.isEmpty()) return;
        branches.get(branches.size() - 1).add(new BranchRecord(guard, deps, scopeEndPc));
        branchNode.add(node);
    }

    private final List<Integer> branchNode = new ArrayList<>();

    /** Computes, for the latest thread, which branches precede each node. */
    void finishThread(ThreadDag dag) {
        int t = branches.size() - 1;
        List<BranchRecord> bs = branches.get(t);
        long[][] sets = before.get(t);
        int words = (bs.size() + 63) >>> 6;
        int[] at = new int[dag.size()];
        java.util.Arrays.fill(at, -1);
        for (int k = 0; k < bs.size(); k++) at[branchNode.get(k)] = k;
        for (int node = 0; node < dag.size(); node++) if (sets[node] == null) sets[node] = new long[words];
        for (int node = 0; node < dag.size(); node++) {
            long[] out = sets[node];
            // A scoped branch stops controlling where its statement ends.
            for (int k = 0; k < bs.size(); k++) {
                if (bs.get(k).scopeEndPc() == dag.pc[node] && (out[k >>> 6] & (1L << k)) != 0) {
                    out = out == sets[node] ? out.clone() : out;
                    out[k >>> 6] &= ~(1L << k);
                }
            }
            sets[node] = out;
            if (at[node] >= 0) {
                out = out.clone();
                out[at[node] >>> 6] |= 1L << at[node];
            }
            for (int s : dag.succ[node]) {
                long[] dst = sets[s];
                for (int w = 0; w < words; w++) dst[w] |= out[w];
            }
        }
        branchNode.clear();
    }

    /** The reads that may control an event at {@code node} of thread {@code t}. */
    void mayControl(int t, int node, java.util.function.IntConsumer reads) {
        long[] set = before.get(t)[node];
        List<BranchRecord> bs = branches.get(t);
        for (int w = 0; w < set.length; w++) {
            for (long word = set[w]; word != 0; word &= word - 1) {
                BranchRecord b = bs.get((w << 6) + Long.numberOfTrailingZeros(word));
                for (int r : b.deps.events) reads.accept(r);
            }
        }
    }

    /** The literal of ctrl(read, e) for an event e at {@code node} of thread {@code t}. */
    int lit(Circuit c, int t, int node, int eventGuard, int read) {
        long[] set = before.get(t)[node];
        List<BranchRecord> bs = branches.get(t);
        int[] terms = new int[countBits(set)];
        int q = 0;
        for (int w = 0; w < set.length; w++) {
            for (long word = set[w]; word != 0; word &= word - 1) {
                BranchRecord b = bs.get((w << 6) + Long.numberOfTrailingZeros(word));
                int d = b.deps.lit(read);
                if (d != Circuit.FALSE) terms[q++] = c.and(b.guard, d);
            }
        }
        return c.and(eventGuard, c.or(terms, q));
    }

    /**
     * Whether {@link #lit} holds in the solver's current model, read from existing literals only:
     * building gates after a solve would extend the problem and have no value in the model.
     */
    boolean holds(Circuit c, int t, int node, int read) {
        long[] set = before.get(t)[node];
        List<BranchRecord> bs = branches.get(t);
        for (int w = 0; w < set.length; w++) {
            for (long word = set[w]; word != 0; word &= word - 1) {
                BranchRecord b = bs.get((w << 6) + Long.numberOfTrailingZeros(word));
                int d = b.deps.lit(read);
                if (d != Circuit.FALSE && c.value(b.guard) && c.value(d)) return true;
            }
        }
        return false;
    }

    private static int countBits(long[] set) {
        int n = 0;
        for (long w : set) n += Long.bitCount(w);
        return n;
    }
}
