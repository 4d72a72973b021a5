package org.powercheck.checker.explicit;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.powercheck.checker.FinalState;
import org.powercheck.ir.Layout;
import org.powercheck.ir.Program;
import org.powercheck.ir.Reg;
import org.powercheck.ir.StateKey;

/**
 * Reads the final values a program's condition, locations and filter look at: registers from
 * the threads' runs, memory from each cell's co-last write. Values come as a {@code long[]} in
 * a fixed key order (the observed keys first), cheap to compare and hash for every candidate;
 * a {@link FinalState} is built only for a new state.
 */
final class FinalValues {
    /** the observed keys, then the filter's other keys */
    private final StateKey[] keys;
    private final int observed;
    /** per key: the thread's position in the program (-1 for memory or an unknown thread) */
    private final int[] thread;
    private final Reg[] reg;
    /** per key: the cell of a memory key, else -1 */
    private final int[] cell;

    FinalValues(Program program) {
        Set<StateKey> all = new LinkedHashSet<>(program.observedKeys());
        observed = all.size();
        program.filter().ifPresent(f -> all.addAll(f.keys()));
        keys = all.toArray(StateKey[]::new);
        Map<Integer, Integer> threadIndexById = new HashMap<>();
        for (int t = 0; t < program.threads().size(); t++) threadIndexById.put(program.threads().get(t).id(), t);
        Layout layout = program.layout();
        thread = new int[keys.length];
        reg = new Reg[keys.length];
        cell = new int[keys.length];
        for (int k = 0; k < keys.length; k++) {
            thread[k] = -1;
            cell[k] = -1;
            switch (keys[k]) {
                case StateKey.RegKey r -> {
                    thread[k] = threadIndexById.getOrDefault(r.thread(), -1);
                    reg[k] = r.reg();
                }
                case StateKey.MemKey m -> cell[k] = layout.indexOf(m.cell());
            }
        }
    }

    /** The values of all keys in this execution (an unknown thread's registers read as 0). */
    long[] read(EventGraph g, LocationChoice[] choice) {
        long[] v = new long[keys.length];
        for (int k = 0; k < keys.length; k++) {
            if (cell[k] >= 0) v[k] = memory(g, choice, cell[k]);
            else if (thread[k] >= 0) v[k] = g.runs.get(thread[k]).register(reg[k]);
        }
        return v;
    }

    /** A cell's final value: its locations' co-last writes put together. */
    private static long memory(EventGraph g, LocationChoice[] choice, int cell) {
        int first = g.locations.first(cell), n = g.locations.count(cell);
        long[] parts = new long[n];
        for (int i = 0; i < n; i++) parts[i] = g.value[g.writesOf[first + i][choice[first + i].finalWrite()]];
        return n == 1 ? parts[0] : g.locations.cellValue(cell, parts);
    }

    /** The observed part of {@code values}, as a hashable value. */
    Observed observed(long[] values) {
        return new Observed(Arrays.copyOf(values, observed));
    }

    /** All values by key, for evaluating the filter. */
    Map<StateKey, Long> asMap(long[] values) {
        Map<StateKey, Long> m = new HashMap<>();
        for (int k = 0; k < keys.length; k++) m.put(keys[k], values[k]);
        return m;
    }

    FinalState state(Observed o) {
        Map<StateKey, Long> m = new TreeMap<>();
        for (int k = 0; k < observed; k++) m.put(keys[k], o.values[k]);
        return FinalState.of(m);
    }

    /** The observed values of one final state. */
    record Observed(long[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Observed other && Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return Arrays.toString(values);
        }
    }
}
