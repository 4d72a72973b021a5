package org.powercheck.checker.explicit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;
import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.CheckTimeoutException;
import org.powercheck.ir.Layout;

/**
 * The values a load of each cell may return: the initial value and every value some store may
 * write there. It is the least fixpoint of "run every thread with loads returning the current
 * values, add what the stores wrote", computed by {@link #solve}.
 *
 * <p>Why a bounded number of rounds suffices: where a write goes and what it writes is a function
 * of the values of the reads it depends on (address, data, control: registers carry every value
 * dependency). A value written in an allowed execution is thus justified by a chain "read, write
 * depending on it, read of that write, ..." of distinct reads that some write depends on; a model
 * with a no-thin-air axiom (ppc.cat's {@code acyclic hb}) makes that chain finite, and round k
 * finds every value whose chain has k-1 reads. So the rounds stop after one more than the number
 * of such "influential" reads an execution can have. Values the domain over-approximates are
 * harmless: a read of such a value finds no write to read from.
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
    static List<List<ThreadRun>> solve(List<ThreadInterpreter> threads, Layout layout, CheckOptions options)
            throws CheckTimeoutException {
        List<TreeSet<Long>> sets = new ArrayList<>();
        for (int c = 0; c < layout.size(); c++) {
            TreeSet<Long> s = new TreeSet<>();
            s.add(layout.initialValue(c));
            sets.add(s);
        }
        int round = 0;
        while (true) {
            options.checkDeadline();
            List<List<ThreadRun>> runs = runAll(threads, of(sets));
            if (!absorbWrites(runs, sets)) return runs;
            round++;
            // After round r the domain holds every value justified by a chain of r-1 reads.
            if (round >= chainBound(runs) + 1) {
                List<List<ThreadRun>> last = runAll(threads, of(sets));
                if (round >= chainBound(last) + 1) return last;
            }
        }
    }

    private static List<List<ThreadRun>> runAll(List<ThreadInterpreter> threads, ValueDomain domain)
            throws CheckTimeoutException {
        List<List<ThreadRun>> runs = new ArrayList<>();
        for (ThreadInterpreter t : threads) runs.add(t.runs(domain));
        return runs;
    }

    /** Adds every written value to its cell's set; true if a set grew. */
    private static boolean absorbWrites(List<List<ThreadRun>> runs, List<TreeSet<Long>> sets) {
        boolean grew = false;
        for (List<ThreadRun> threadRuns : runs) {
            for (ThreadRun run : threadRuns) {
                for (LocalEvent e : run.events()) {
                    if (e.kind() == LocalEvent.Kind.WRITE) grew |= sets.get(e.cell()).add(e.value());
                }
            }
        }
        return grew;
    }

    /** The most influential reads (reads some write depends on) one execution can have. */
    private static int chainBound(List<List<ThreadRun>> runs) {
        int bound = 0;
        for (List<ThreadRun> threadRuns : runs) {
            int threadMax = 0;
            for (ThreadRun run : threadRuns) {
                BitSet influential = new BitSet();
                for (LocalEvent e : run.events()) {
                    if (e.kind() != LocalEvent.Kind.WRITE) continue;
                    influential.or(e.addr());
                    influential.or(e.data());
                    influential.or(e.ctrl());
                }
                threadMax = Math.max(threadMax, influential.cardinality());
            }
            bound += threadMax;
        }
        return bound;
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
