package org.powercheck.checker.sat;

import java.util.Arrays;
import org.powercheck.ir.Undetermined;

/**
 * A register's possible values, each with the literal under which it holds. Read under the
 * guard of the program point it belongs to: exactly one literal is true on every execution
 * that reaches that point. Immutable; values are sorted.
 */
final class ValueMap {
    final long[] values;
    final int[] lits;

    private ValueMap(long[] values, int[] lits) {
        this.values = values;
        this.lits = lits;
    }

    static ValueMap constant(long v) {
        return new ValueMap(new long[] {v}, new int[] {Circuit.TRUE});
    }

    int size() {
        return values.length;
    }

    /** The literal under which the value is {@code v} (FALSE when it never is). */
    int eq(long v) {
        int i = Arrays.binarySearch(values, v);
        return i >= 0 ? lits[i] : Circuit.FALSE;
    }

    /** The literal under which the value is non-zero (and not {@link Undetermined undetermined}). */
    int nonZero(Circuit c) {
        int[] buf = c.scratch(values.length);
        int n = 0;
        for (int i = 0; i < values.length; i++) if (values[i] != 0 && !Undetermined.is(values[i])) buf[n++] = lits[i];
        return c.or(buf, n);
    }

    /** Collects (value, literal) pairs, merging equal values with OR. */
    static final class Builder {
        private long[] vals = new long[4];
        private int[] ls = new int[4];
        private int n;

        Builder add(long v, int lit) {
            if (lit == Circuit.FALSE) return this;
            if (n == vals.length) {
                vals = Arrays.copyOf(vals, n * 2);
                ls = Arrays.copyOf(ls, n * 2);
            }
            vals[n] = v;
            ls[n] = lit;
            n++;
            return this;
        }

        ValueMap build(Circuit c) {
            if (n == 0) return new ValueMap(new long[0], new int[0]);
            boolean sorted = true;
            for (int i = 1; i < n; i++) if (vals[i - 1] >= vals[i]) { sorted = false; break; }
            if (sorted) return new ValueMap(Arrays.copyOf(vals, n), Arrays.copyOf(ls, n));
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Long.compare(vals[a], vals[b]));
            long[] outV = new long[n];
            int[] outL = new int[n];
            int m = 0;
            int[] group = new int[n];
            for (int i = 0; i < n; ) {
                long v = vals[order[i]];
                int g = 0;
                while (i < n && vals[order[i]] == v) group[g++] = ls[order[i++]];
                int lit = c.or(group, g);
                if (lit == Circuit.FALSE) continue;
                outV[m] = v;
                outL[m] = lit;
                m++;
            }
            return new ValueMap(Arrays.copyOf(outV, m), Arrays.copyOf(outL, m));
        }
    }

    /** Joins the maps of several incoming edges: value v holds iff some edge with v was taken. */
    static ValueMap merge(Circuit c, int[] edges, ValueMap[] maps) {
        boolean same = true;
        for (int i = 1; i < maps.length; i++) if (maps[i] != maps[0]) { same = false; break; }
        if (same) return maps[0];
        Builder b = new Builder();
        for (int i = 0; i < maps.length; i++) {
            ValueMap m = maps[i];
            for (int k = 0; k < m.values.length; k++) b.add(m.values[k], c.and(edges[i], m.lits[k]));
        }
        return b.build(c);
    }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) sb.append(i > 0 ? ", " : "").append(values[i]).append(':').append(lits[i]);
        return sb.append('}').toString();
    }
}
