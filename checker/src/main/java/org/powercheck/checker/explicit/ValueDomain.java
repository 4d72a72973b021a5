package org.powercheck.checker.explicit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.CheckTimeoutException;
import org.powercheck.ir.Locations;
import org.powercheck.ir.Undetermined;

/**
 * The values a load of each location may return: the initial value and every value some store may
 * write there. It is the least fixpoint of "run every thread with loads returning the current
 * values, add what the stores wrote", computed by {@link #solve}.
 *
 * <p>Why a bounded number of rounds suffices: whether a write happens, where it goes and what it
 * writes is a function of the values of its thread's "influential" reads: those of earlier branch
 * and assume conditions and addresses (an access to no cell ends the path), and those its
 * address and value depend on (registers carry every value dependency). A value written in an
 * allowed execution is thus justified by a chain "read, write it influences, read of that write,
 * ..." of distinct reads; a model with a no-thin-air axiom (ppc.cat's {@code acyclic hb}, which
 * contains {@code addr;po}, {@code ctrl} and {@code data} to writes) makes that chain finite, and
 * round k finds every value whose chain has k-1 reads. So the rounds stop after one more than the
 * number of influential reads an execution can have. Paths given up for now (an address that is
 * no cell's yet) count too: a larger domain may let them through. Values the domain
 * over-approximates are harmless: a read of such a value finds no write to read from.
 *
 * <p>Under {@link org.powercheck.checker.ScopedControl scoped control} (the LKMM) a branch
 * does not order the writes after its {@code if}, so the chain may pass through a condition
 * (crypto-control-data): the rounds then run with control free ({@link PathSource#paths(ValueDomain,
 * boolean)}), so that chains are of data and address dependencies only, and the runs are
 * computed once more, for real, over the final domain.
 */
final class ValueDomain {
    private final long[][] values;

    private ValueDomain(long[][] values) {
        this.values = values;
    }

    long[] values(int cell) {
        return values[cell];
    }

    /** The runs of every thread over the fixpoint domain. */
    static List<List<ThreadRun>> solve(List<? extends PathSource> threads, Locations layout, CheckOptions options,
                                       boolean scopedControl, boolean symbolicReads) throws CheckTimeoutException {
        List<TreeSet<Long>> sets = new ArrayList<>();
        for (int c = 0; c < layout.size(); c++) {
            TreeSet<Long> s = new TreeSet<>();
            s.add(layout.initialValue(c));
            // an ungrounded read may read the undetermined value (ExplicitEngine decides which do)
            if (symbolicReads) s.add(Undetermined.VALUE);
            sets.add(s);
        }
        int round = 0;
        while (true) {
            options.checkDeadline();
            List<ThreadInterpreter.Paths> paths = pathsOf(threads, of(sets), scopedControl);
            if (!absorbWrites(paths, sets)) return runsOf(threads, paths, sets, scopedControl);
            round++;
            // After round r the domain holds every value justified by a chain of r-1 reads.
            if (round >= chainBound(paths) + 1) {
                List<ThreadInterpreter.Paths> last = pathsOf(threads, of(sets), scopedControl);
                if (round >= chainBound(last) + 1) return runsOf(threads, last, sets, scopedControl);
            }
        }
    }

    private static List<ThreadInterpreter.Paths> pathsOf(List<? extends PathSource> threads, ValueDomain domain,
                                                         boolean freeControl) throws CheckTimeoutException {
        List<ThreadInterpreter.Paths> paths = new ArrayList<>();
        for (PathSource t : threads) paths.add(t.paths(domain, freeControl));
        return paths;
    }

    /** The runs over the final domain: those found, or, if control was free, the real ones. */
    private static List<List<ThreadRun>> runsOf(List<? extends PathSource> threads, List<ThreadInterpreter.Paths> paths,
                                                List<TreeSet<Long>> sets, boolean freeControl)
            throws CheckTimeoutException {
        return runsOf(freeControl ? pathsOf(threads, of(sets), false) : paths);
    }

    private static List<List<ThreadRun>> runsOf(List<ThreadInterpreter.Paths> paths) {
        return paths.stream().map(ThreadInterpreter.Paths::runs).toList();
    }

    /** Every path's events, the dropped ones included. */
    private static List<List<List<LocalEvent>>> eventsOf(List<ThreadInterpreter.Paths> paths) {
        List<List<List<LocalEvent>>> out = new ArrayList<>();
        for (ThreadInterpreter.Paths p : paths) {
            List<List<LocalEvent>> thread = new ArrayList<>(p.dropped());
            for (ThreadRun r : p.runs()) thread.add(r.events());
            out.add(thread);
        }
        return out;
    }

    /** Adds every written value to its cell's set; true if a set grew. */
    private static boolean absorbWrites(List<ThreadInterpreter.Paths> paths, List<TreeSet<Long>> sets) {
        boolean grew = false;
        for (List<List<LocalEvent>> thread : eventsOf(paths)) {
            for (List<LocalEvent> path : thread) {
                for (LocalEvent e : path) {
                    if (e.kind() == LocalEvent.Kind.WRITE) grew |= sets.get(e.cell()).add(e.value());
                }
            }
        }
        return grew;
    }

    /** The most influential reads one execution can have: the sum of each thread's most. */
    private static int chainBound(List<ThreadInterpreter.Paths> paths) {
        return paths.stream().mapToInt(ThreadInterpreter.Paths::mostInfluential).sum();
    }

    private static ValueDomain of(List<TreeSet<Long>> sets) {
        long[][] values = new long[sets.size()][];
        for (int c = 0; c < sets.size(); c++) {
            values[c] = sets.get(c).stream().mapToLong(Long::longValue).toArray();
        }
        return new ValueDomain(values);
    }

    @Override
    public String toString() {
        return Arrays.deepToString(values);
    }
}
