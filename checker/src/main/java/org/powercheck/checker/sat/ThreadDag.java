package org.powercheck.checker.sat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.powercheck.checker.CheckOptions;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Instr;
import org.powercheck.ir.ThreadCode;

/**
 * One thread's code unrolled into a DAG. A node is an instruction together with how often each
 * backward branch has been taken since its loop was entered; a backward branch taken more than
 * its loop's bound ({@link CheckOptions#unwindFor}) leads to the single {@link #cut} node instead. All paths that finish meet
 * in {@link #exit}. Nodes are numbered in a topological order.
 */
final class ThreadDag {
    static final int NEXT = 0, TAKEN = 1, FALL = 2, JUMP = 3;

    final ThreadCode thread;
    /** instruction index per node; {@code code.size()} for the exit node, -1 for the cut node */
    final int[] pc;
    final int[][] succ;
    final int[][] succKind;
    final int exit;
    /** the cut node, or -1 when no path exceeds the unrolling bound */
    final int cut;

    private ThreadDag(ThreadCode thread, int[] pc, int[][] succ, int[][] succKind, int exit, int cut) {
        this.thread = thread;
        this.pc = pc;
        this.succ = succ;
        this.succKind = succKind;
        this.exit = exit;
        this.cut = cut;
    }

    int size() {
        return pc.length;
    }

    Instr instr(int node) {
        int p = pc[node];
        return p >= 0 && p < thread.code().size() ? thread.code().get(p) : null;
    }

    static ThreadDag build(ThreadCode thread, CheckOptions options) {
        List<Instr> code = thread.code();
        int len = code.size();
        Map<String, Integer> labels = new HashMap<>();
        for (int i = 0; i < len; i++) {
            if (code.get(i) instanceof Instr.Label l) labels.put(l.name(), i);
        }
        int[] target = new int[len];
        int[] backIndex = new int[len];
        Arrays.fill(backIndex, -1);
        int backCount = 0;
        for (int i = 0; i < len; i++) {
            if (code.get(i) instanceof Instr.Branch b) {
                Integer t = labels.get(b.target());
                if (t == null) throw new InputException(b.pos(), "undefined label " + b.target());
                target[i] = t;
                if (t <= i) backIndex[i] = backCount++;
            }
        }
        int[] backPc = new int[backCount];
        int[] bound = new int[backCount];
        for (int i = 0; i < len; i++) {
            if (backIndex[i] < 0) continue;
            backPc[backIndex[i]] = i;
            bound[backIndex[i]] = options.unwindFor((Instr.Branch) code.get(i), code.get(target[i]));
        }

        // A count matters only while its branch can still be reached: forgetting the others
        // merges copies of code that only differ in counts no path will read again (loops left
        // other than forward past their backward branch, which `leaving` already resets).
        boolean[][] backReachable = backBranchesReachable(code, target, backIndex, backCount);

        // Explore states (pc, taken-counts); exit and cut are shared sinks.
        Map<State, Integer> ids = new HashMap<>();
        List<State> states = new ArrayList<>();
        List<int[]> succs = new ArrayList<>();
        List<int[]> kinds = new ArrayList<>();
        final int exitId = -2, cutId = -3;
        boolean[] usedCut = new boolean[1];
        ArrayDeque<Integer> work = new ArrayDeque<>();
        State root = new State(0, new int[backCount]);
        java.util.function.Function<State, Integer> intern = s0 -> {
            if (s0.pc >= len) return exitId;
            State s = s0.forget(backReachable[s0.pc]);
            Integer id = ids.get(s);
            if (id == null) {
                id = states.size();
                ids.put(s, id);
                states.add(s);
                succs.add(null);
                kinds.add(null);
                work.add(id);
            }
            return id;
        };
        intern.apply(root);
        while (!work.isEmpty()) {
            int id = work.poll();
            State s = states.get(id);
            Instr in = code.get(s.pc);
            if (in instanceof Instr.Branch b) {
                int t;
                int bi = backIndex[s.pc];
                if (bi >= 0) {
                    if (s.counts[bi] >= bound[bi]) {
                        usedCut[0] = true;
                        t = cutId;
                    } else {
                        int[] c = s.counts.clone();
                        c[bi]++;
                        t = intern.apply(new State(target[s.pc], c));
                    }
                } else {
                    t = intern.apply(new State(target[s.pc], leaving(s.counts, backPc, s.pc, target[s.pc])));
                }
                if (b.unconditional()) {
                    succs.set(id, new int[] {t});
                    kinds.set(id, new int[] {JUMP});
                } else {
                    int f = intern.apply(new State(s.pc + 1, leaving(s.counts, backPc, s.pc, s.pc + 1)));
                    succs.set(id, new int[] {t, f});
                    kinds.set(id, new int[] {TAKEN, FALL});
                }
            } else {
                succs.set(id, new int[] {intern.apply(new State(s.pc + 1, s.counts))});
                kinds.set(id, new int[] {NEXT});
            }
        }

        // Topological numbering (Kahn), earliest-discovered first among the ready nodes. A
        // loop's count drops back to 0 when it is left, so no simple key orders the nodes.
        int n = states.size();
        int[] indegree = new int[n];
        for (int i = 0; i < n; i++) {
            for (int t : succs.get(i)) if (t >= 0) indegree[t]++;
        }
        java.util.PriorityQueue<Integer> ready = new java.util.PriorityQueue<>();
        for (int i = 0; i < n; i++) if (indegree[i] == 0) ready.add(i);
        Integer[] order = new Integer[n];
        int placed = 0;
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order[placed++] = i;
            for (int t : succs.get(i)) if (t >= 0 && --indegree[t] == 0) ready.add(t);
        }
        if (placed != n) throw new IllegalStateException("the unrolled thread has a cycle");
        int exit = n;
        int cut = usedCut[0] ? n + 1 : -1;
        int total = usedCut[0] ? n + 2 : n + 1;
        int[] renum = new int[n];
        for (int i = 0; i < n; i++) renum[order[i]] = i;
        int[] pc = new int[total];
        int[][] succ = new int[total][];
        int[][] succKind = new int[total][];
        for (int i = 0; i < n; i++) {
            int old = order[i];
            pc[i] = states.get(old).pc;
            int[] s = succs.get(old).clone();
            for (int k = 0; k < s.length; k++) {
                s[k] = s[k] == exitId ? exit : s[k] == cutId ? cut : renum[s[k]];
            }
            succ[i] = s;
            succKind[i] = kinds.get(old);
        }
        pc[exit] = len;
        succ[exit] = new int[0];
        succKind[exit] = new int[0];
        if (cut >= 0) {
            pc[cut] = -1;
            succ[cut] = new int[0];
            succKind[cut] = new int[0];
        }
        return new ThreadDag(thread, pc, succ, succKind, exit, cut);
    }

    /**
     * The counts after control moves forward from {@code from} to {@code to}: a loop whose
     * backward branch it passes has been left, so its count starts again at its next entry (the
     * bound is per entry, as in CBMC, and code after a loop is not copied once per iteration
     * count). Only a forward move resets: every cycle keeps the count of its last backward
     * branch, so unrolling still ends.
     */
    private static int[] leaving(int[] counts, int[] backPc, int from, int to) {
        int[] out = counts;
        for (int bi = 0; bi < backPc.length; bi++) {
            if (counts[bi] != 0 && from <= backPc[bi] && backPc[bi] < to) {
                if (out == counts) out = counts.clone();
                out[bi] = 0;
            }
        }
        return out;
    }

    /** [pc][k]: backward branch number k can be executed again after reaching pc */
    private static boolean[][] backBranchesReachable(List<Instr> code, int[] target, int[] backIndex, int backCount) {
        int len = code.size();
        boolean[][] out = new boolean[len][backCount];
        for (int start = 0; start < len; start++) {
            boolean[] seen = new boolean[len];
            ArrayDeque<Integer> work = new ArrayDeque<>();
            work.add(start);
            seen[start] = true;
            while (!work.isEmpty()) {
                int pc = work.poll();
                if (backIndex[pc] >= 0) out[start][backIndex[pc]] = true;
                Instr in = code.get(pc);
                boolean jumps = in instanceof Instr.Branch;
                boolean falls = !(in instanceof Instr.Branch b && b.unconditional());
                if (jumps && !seen[target[pc]]) {
                    seen[target[pc]] = true;
                    work.add(target[pc]);
                }
                if (falls && pc + 1 < len && !seen[pc + 1]) {
                    seen[pc + 1] = true;
                    work.add(pc + 1);
                }
            }
        }
        return out;
    }

    /**
     * dom[b] has bit a when every path from the start to node b passes node a (a node dominates
     * itself): then whenever b runs, a ran. Nodes are topologically numbered, so one pass does.
     */
    long[][] dominators() {
        int n = size();
        int words = (n + 63) >>> 6;
        long[][] dom = new long[n][];
        List<List<Integer>> pred = new ArrayList<>();
        for (int i = 0; i < n; i++) pred.add(new ArrayList<>(2));
        for (int a = 0; a < n; a++) for (int b : succ[a]) pred.get(b).add(a);
        for (int b = 0; b < n; b++) {
            long[] d = null;
            for (int p : pred.get(b)) {
                if (dom[p] == null) continue;
                if (d == null) {
                    d = dom[p].clone();
                } else {
                    for (int w = 0; w < words; w++) d[w] &= dom[p][w];
                }
            }
            if (d == null) d = new long[words];
            d[b >>> 6] |= 1L << b;
            dom[b] = d;
        }
        return dom;
    }

    /** reach[a] has bit b when node b is reachable from node a by a non-empty path */
    long[][] reachability() {
        int n = size();
        int words = (n + 63) >>> 6;
        long[][] reach = new long[n][words];
        for (int a = n - 1; a >= 0; a--) {
            for (int b : succ[a]) {
                reach[a][b >>> 6] |= 1L << b;
                long[] rb = reach[b];
                for (int w = 0; w < words; w++) reach[a][w] |= rb[w];
            }
        }
        return reach;
    }

    private record State(int pc, int[] counts) {
        /** The same state with the counts of branches that cannot be reached again zeroed. */
        State forget(boolean[] reachable) {
            int[] c = null;
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] != 0 && !reachable[k]) {
                    if (c == null) c = counts.clone();
                    c[k] = 0;
                }
            }
            return c == null ? this : new State(pc, c);
        }

        @Override public boolean equals(Object o) {
            return o instanceof State s && s.pc == pc && Arrays.equals(s.counts, counts);
        }

        @Override public int hashCode() {
            return pc * 31 + Arrays.hashCode(counts);
        }
    }
}
