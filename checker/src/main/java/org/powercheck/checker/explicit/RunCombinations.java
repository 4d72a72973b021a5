package org.powercheck.checker.explicit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.CheckTimeoutException;
import org.powercheck.ir.Layout;

/**
 * The choices of one run per thread (the cartesian product of the threads' runs), without those
 * where some read returns a value that no write of the choice writes to its cell: those have no
 * rf at all. Threads are chosen writers first, so that the reads of later threads are checked
 * against writes already fixed; the visitor still gets the runs in program thread order.
 */
final class RunCombinations {
    /** Receives one choice of runs, indexed like the program's threads. */
    interface Visitor {
        void visit(List<ThreadRun> runs) throws CheckTimeoutException;
    }

    private record CellValue(int cell, long value) { }

    private final List<List<ThreadRun>> runs;
    private final CheckOptions options;
    private final int threads;
    /** the order in which threads are chosen */
    private final int[] order;
    /** {@code reachable.get(l)}: what the initial writes and any run of threads order[l..] can write */
    private final List<Set<CellValue>> reachable = new ArrayList<>();
    private final Map<CellValue, Integer> chosenWrites = new HashMap<>();
    private final Map<ThreadRun, CellValue[]> readsOf = new IdentityHashMap<>();
    private final Map<ThreadRun, CellValue[]> writesOf = new IdentityHashMap<>();
    private final ThreadRun[] chosen;
    private Visitor visitor;

    RunCombinations(List<List<ThreadRun>> runs, Layout layout, CheckOptions options) {
        this.runs = runs;
        this.options = options;
        this.threads = runs.size();
        this.chosen = new ThreadRun[threads];
        List<Set<CellValue>> mayWrite = new ArrayList<>();
        for (List<ThreadRun> threadRuns : runs) {
            Set<CellValue> w = new HashSet<>();
            for (ThreadRun r : threadRuns) {
                readsOf.put(r, accesses(r, LocalEvent.Kind.READ));
                writesOf.put(r, accesses(r, LocalEvent.Kind.WRITE));
                w.addAll(List.of(writesOf.get(r)));
            }
            mayWrite.add(w);
        }
        Integer[] byCost = new Integer[threads];
        for (int t = 0; t < threads; t++) byCost[t] = t;
        Arrays.sort(byCost, Comparator.<Integer, Boolean>comparing(t -> mayWrite.get(t).isEmpty())
                .thenComparingInt(t -> runs.get(t).size()));
        order = Arrays.stream(byCost).mapToInt(Integer::intValue).toArray();
        Set<CellValue> initial = new HashSet<>();
        for (int c = 0; c < layout.size(); c++) initial.add(new CellValue(c, layout.initialValue(c)));
        for (int level = 0; level <= threads; level++) {
            Set<CellValue> s = new HashSet<>(initial);
            for (int l = level; l < threads; l++) s.addAll(mayWrite.get(order[l]));
            reachable.add(s);
        }
    }

    void forEach(Visitor v) throws CheckTimeoutException {
        visitor = v;
        choose(0);
    }

    private void choose(int level) throws CheckTimeoutException {
        if (level == threads) {
            visitor.visit(List.of(chosen));
            return;
        }
        options.checkDeadline();
        int t = order[level];
        for (ThreadRun run : runs.get(t)) {
            chosen[t] = run;
            CellValue[] written = writesOf.get(run);
            for (CellValue w : written) chosenWrites.merge(w, 1, Integer::sum);
            if (readsSatisfiable(level)) choose(level + 1);
            for (CellValue w : written) chosenWrites.merge(w, -1, (a, b) -> a + b == 0 ? null : a + b);
        }
        chosen[t] = null;
    }

    /** Every read of the threads chosen so far returns a value someone may still write. */
    private boolean readsSatisfiable(int level) {
        Set<CellValue> later = reachable.get(level + 1);
        for (int l = 0; l <= level; l++) {
            for (CellValue need : readsOf.get(chosen[order[l]])) {
                if (!later.contains(need) && !chosenWrites.containsKey(need)) return false;
            }
        }
        return true;
    }

    private static CellValue[] accesses(ThreadRun run, LocalEvent.Kind kind) {
        return run.events().stream().filter(e -> e.kind() == kind)
                .map(e -> new CellValue(e.cell(), e.value())).toArray(CellValue[]::new);
    }
}
