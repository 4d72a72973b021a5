package org.powercheck.checker.explicit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.CheckTimeoutException;
import org.powercheck.ir.Locations;

/**
 * The choices of one run per thread (the cartesian product of the threads' runs), each with the
 * rf/co choices of every cell ({@link LocationChoices}), without the choices of runs for which
 * some cell has none. Threads are chosen one at a time, writers first, and a choice is dropped
 * as early as it is hopeless:
 * <ul>
 *   <li>a read returns a value that neither the initial write, nor the chosen runs, nor any run
 *       of the threads still to choose writes to its cell;</li>
 *   <li>a cell that no thread still to choose accesses has no rf/co choice (under uniproc: no
 *       coherent one).</li>
 * </ul>
 * A cell's choices depend only on its accesses ({@link CellAccesses}), so they are memoised.
 * Runs cut by the unrolling bound come first and are skipped once {@code cutSettled} says a cut
 * execution was already found allowed: they can only tell that again. The visitor gets the runs
 * in program thread order.
 */
final class RunCombinations {
    /** Receives one choice of runs, indexed like the program's threads, and the cells' choices. */
    interface Visitor {
        void visit(List<ThreadRun> runs, List<List<LocationChoice>> cellChoices) throws CheckTimeoutException;
    }

    private record CellValue(int cell, long value) { }

    private final List<List<ThreadRun>> runs;
    private final Locations layout;
    private final CheckOptions options;
    private final boolean uniproc;
    private final BooleanSupplier cutSettled;
    private final int threads;
    /** the order in which threads are chosen */
    private final int[] order;
    /** {@code reachable.get(l)}: what the initial writes and any run of threads order[l..] can write */
    private final List<Set<CellValue>> reachable = new ArrayList<>();
    /** {@code closedAt.get(l)}: the cells whose accesses are all known once order[0..l] are chosen */
    private final List<int[]> closedAt = new ArrayList<>();
    private final Map<CellValue, Integer> chosenWrites = new HashMap<>();
    private final Map<ThreadRun, CellValue[]> readsOf = new IdentityHashMap<>();
    private final Map<ThreadRun, CellValue[]> writesOf = new IdentityHashMap<>();
    private final Map<ThreadRun, CellAccesses.Projection[]> projections = new IdentityHashMap<>();
    private final CellAccesses.Projection none = new CellAccesses.Projection(new boolean[0], new long[0]);
    private final Map<CellAccesses, List<LocationChoice>> memo = new HashMap<>();
    private final ThreadRun[] chosen;
    private final List<List<LocationChoice>> cellChoices;
    private Visitor visitor;

    RunCombinations(List<List<ThreadRun>> runs, Locations layout, CheckOptions options, boolean uniproc,
                    BooleanSupplier cutSettled) {
        this.runs = new ArrayList<>();
        for (List<ThreadRun> r : runs) {
            List<ThreadRun> cutFirst = new ArrayList<>(r);
            cutFirst.sort(Comparator.comparing(run -> !run.cut()));
            this.runs.add(cutFirst);
        }
        this.layout = layout;
        this.options = options;
        this.uniproc = uniproc;
        this.cutSettled = cutSettled;
        this.threads = runs.size();
        this.chosen = new ThreadRun[threads];
        this.cellChoices = new ArrayList<>(Collections.nCopies(layout.size(), (List<LocationChoice>) null));
        List<Set<CellValue>> mayWrite = new ArrayList<>();
        boolean[][] accesses = new boolean[threads][layout.size()];
        for (int t = 0; t < threads; t++) {
            Set<CellValue> w = new HashSet<>();
            for (ThreadRun r : this.runs.get(t)) {
                readsOf.put(r, accesses(r, LocalEvent.Kind.READ));
                writesOf.put(r, accesses(r, LocalEvent.Kind.WRITE));
                w.addAll(List.of(writesOf.get(r)));
                CellAccesses.Projection[] p = new CellAccesses.Projection[layout.size()];
                for (int c = 0; c < layout.size(); c++) {
                    p[c] = CellAccesses.Projection.of(r, c);
                    accesses[t][c] |= p[c].size() > 0;
                }
                projections.put(r, p);
            }
            mayWrite.add(w);
        }
        Integer[] byCost = new Integer[threads];
        for (int t = 0; t < threads; t++) byCost[t] = t;
        Arrays.sort(byCost, Comparator.<Integer, Boolean>comparing(t -> mayWrite.get(t).isEmpty())
                .thenComparingInt(t -> this.runs.get(t).size()));
        order = Arrays.stream(byCost).mapToInt(Integer::intValue).toArray();
        Set<CellValue> initial = new HashSet<>();
        for (int c = 0; c < layout.size(); c++) initial.add(new CellValue(c, layout.initialValue(c)));
        for (int level = 0; level <= threads; level++) {
            Set<CellValue> s = new HashSet<>(initial);
            for (int l = level; l < threads; l++) s.addAll(mayWrite.get(order[l]));
            reachable.add(s);
        }
        // a cell is closed once the last thread (in choosing order) that may access it is chosen
        int[] lastAccess = new int[layout.size()];
        for (int l = 0; l < threads; l++) {
            for (int c = 0; c < layout.size(); c++) if (accesses[order[l]][c]) lastAccess[c] = l;
        }
        for (int l = 0; l < threads; l++) {
            int level = l;
            closedAt.add(IntStream.range(0, layout.size()).filter(c -> lastAccess[c] == level).toArray());
        }
    }

    void forEach(Visitor v) throws CheckTimeoutException {
        visitor = v;
        if (threads == 0) {
            for (int c = 0; c < layout.size(); c++) {
                if (!cellHasChoices(c)) return;
            }
        }
        choose(0);
    }

    private void choose(int level) throws CheckTimeoutException {
        if (level == threads) {
            visitor.visit(List.of(chosen), cellChoices);
            return;
        }
        options.checkDeadline();
        int t = order[level];
        for (ThreadRun run : runs.get(t)) {
            if (run.cut() && cutSettled.getAsBoolean()) continue;
            chosen[t] = run;
            CellValue[] written = writesOf.get(run);
            for (CellValue w : written) chosenWrites.merge(w, 1, Integer::sum);
            if (readsSatisfiable(level) && closedCellsHaveChoices(level)) choose(level + 1);
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

    private boolean closedCellsHaveChoices(int level) throws CheckTimeoutException {
        for (int c : closedAt.get(level)) {
            if (!cellHasChoices(c)) return false;
        }
        return true;
    }

    /** Computes (or recalls) the choices of cell {@code c} for the runs chosen now. */
    private boolean cellHasChoices(int c) throws CheckTimeoutException {
        CellAccesses.Projection[] p = new CellAccesses.Projection[threads];
        for (int t = 0; t < threads; t++) p[t] = chosen[t] == null ? none : projections.get(chosen[t])[c];
        CellAccesses accesses = new CellAccesses(layout.initialValue(c), p);
        List<LocationChoice> choices = memo.get(accesses);
        if (choices == null) {
            choices = LocationChoices.of(accesses, uniproc, options);
            memo.put(accesses, choices);
        }
        cellChoices.set(c, choices);
        return !choices.isEmpty();
    }

    private static CellValue[] accesses(ThreadRun run, LocalEvent.Kind kind) {
        return run.events().stream().filter(e -> e.kind() == kind)
                .map(e -> new CellValue(e.cell(), e.value())).toArray(CellValue[]::new);
    }
}
