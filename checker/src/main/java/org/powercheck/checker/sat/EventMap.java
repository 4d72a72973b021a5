package org.powercheck.checker.sat;

import java.util.Arrays;

/**
 * A guarded set of events: each member with the literal under which it belongs. Used for the
 * read events a register depends on, the reads a branch made later events control-dependent on,
 * the thread's reservation and its latest exclusive access. Immutable; events are sorted.
 */
final class EventMap {
    static final EventMap EMPTY = new EventMap(new int[0], new int[0]);

    final int[] events;
    final int[] lits;

    private EventMap(int[] events, int[] lits) {
        this.events = events;
        this.lits = lits;
    }

    static EventMap of(int event, int lit) {
        if (lit == Circuit.FALSE) return EMPTY;
        return new EventMap(new int[] {event}, new int[] {lit});
    }

    boolean isEmpty() {
        return events.length == 0;
    }

    int lit(int event) {
        int i = Arrays.binarySearch(events, event);
        return i >= 0 ? lits[i] : Circuit.FALSE;
    }

    /** Members of either map (OR of the literals of common members). */
    static EventMap union(Circuit c, EventMap a, EventMap b) {
        if (a == b || b.isEmpty()) return a;
        if (a.isEmpty()) return b;
        int[] ev = new int[a.events.length + b.events.length];
        int[] ls = new int[ev.length];
        int i = 0, j = 0, n = 0;
        while (i < a.events.length || j < b.events.length) {
            if (j == b.events.length || (i < a.events.length && a.events[i] < b.events[j])) {
                ev[n] = a.events[i];
                ls[n++] = a.lits[i++];
            } else if (i == a.events.length || b.events[j] < a.events[i]) {
                ev[n] = b.events[j];
                ls[n++] = b.lits[j++];
            } else {
                ev[n] = a.events[i];
                ls[n++] = c.or(a.lits[i++], b.lits[j++]);
            }
        }
        return new EventMap(Arrays.copyOf(ev, n), Arrays.copyOf(ls, n));
    }

    /** Every literal conjoined with {@code g}. */
    EventMap restrict(Circuit c, int g) {
        if (g == Circuit.TRUE) return this;
        int[] ev = new int[events.length];
        int[] ls = new int[events.length];
        int n = 0;
        for (int i = 0; i < events.length; i++) {
            int l = c.and(lits[i], g);
            if (l == Circuit.FALSE) continue;
            ev[n] = events[i];
            ls[n++] = l;
        }
        return new EventMap(Arrays.copyOf(ev, n), Arrays.copyOf(ls, n));
    }

    /** Collects distinct members in any order. */
    static final class Builder {
        private int[] ev = new int[4];
        private int[] ls = new int[4];
        private int n;

        Builder add(int event, int lit) {
            if (lit == Circuit.FALSE) return this;
            if (n == ev.length) {
                ev = Arrays.copyOf(ev, n * 2);
                ls = Arrays.copyOf(ls, n * 2);
            }
            ev[n] = event;
            ls[n++] = lit;
            return this;
        }

        EventMap build() {
            if (n == 0) return EMPTY;
            long[] packed = new long[n];
            for (int i = 0; i < n; i++) packed[i] = ((long) ev[i] << 32) | (ls[i] & 0xffffffffL);
            Arrays.sort(packed);
            int[] e = new int[n];
            int[] l = new int[n];
            for (int i = 0; i < n; i++) {
                e[i] = (int) (packed[i] >>> 32);
                l[i] = (int) packed[i];
            }
            return new EventMap(e, l);
        }
    }

    /** Joins the maps of several incoming edges. */
    static EventMap merge(Circuit c, int[] edges, EventMap[] maps) {
        boolean same = true;
        for (int i = 1; i < maps.length; i++) if (maps[i] != maps[0]) { same = false; break; }
        if (same) return maps[0];
        EventMap out = EMPTY;
        for (int i = 0; i < maps.length; i++) out = union(c, out, maps[i].restrict(c, edges[i]));
        return out;
    }
}
