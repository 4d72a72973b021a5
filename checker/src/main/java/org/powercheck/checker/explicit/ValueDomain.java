package org.powercheck.checker.explicit;

import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>Why a bounded number of rounds suffices: the value of a write is computed from the reads it
 * depends on (data, address, control), and a model with a no-thin-air axiom (ppc.cat's
 * {@code acyclic hb}) orders all of those before it, so a value needs at most one round per read
 * of the execution that justifies it. Values the domain over-approximates are harmless: a read of
 * such a value finds no write to read from.
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
            ValueDomain domain = of(sets);
            List<List<ThreadRun>> runs = new ArrayList<>();
            for (ThreadInterpreter t : threads) runs.add(t.runs(domain));
            boolean grew = false;
            int maxReads = 0;
            for (List<ThreadRun> threadRuns : runs) {
                int threadMax = 0;
                for (ThreadRun run : threadRuns) {
                    int reads = 0;
                    for (LocalEvent e : run.events()) {
                        if (e.kind() == LocalEvent.Kind.WRITE) grew |= sets.get(e.cell()).add(e.value());
                        if (e.kind() == LocalEvent.Kind.READ) reads++;
                    }
                    threadMax = Math.max(threadMax, reads);
                }
                maxReads += threadMax;
            }
            round++;
            if (!grew) return runs;
            if (round > maxReads + 1) {
                // Deeper chains would need more reads than an execution has: stop growing.
                List<List<ThreadRun>> last = new ArrayList<>();
                ValueDomain finalDomain = of(sets);
                for (ThreadInterpreter t : threads) last.add(t.runs(finalDomain));
                return last;
            }
        }
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
