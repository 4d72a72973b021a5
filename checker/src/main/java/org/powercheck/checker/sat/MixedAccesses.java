package org.powercheck.checker.sat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Locations;
import org.powercheck.ir.Width;

/**
 * Accesses that do not cover exactly one whole cell: a byte store into a word, a word load of a
 * cell that is also written byte by byte. Such an access is one event per location it covers
 * (its parts), all of one DAG node, so that po, the dependencies and the fences relate every part
 * and si relates the parts to each other, as herd7's {@code -variant mixed} does per byte. Where
 * the address may take several values, part k is the k-th location of whichever span the address
 * selects. A load's register is put together from the values its parts read.
 */
final class MixedAccesses {
    private final Circuit c;
    private final Locations locations;
    private final List<Event> events;

    MixedAccesses(Circuit c, Locations locations, List<Event> events) {
        this.c = c;
        this.locations = locations;
        this.events = events;
    }

    /** Whether some address value makes an access that is not exactly one whole cell. */
    static boolean split(Locations locations, long[] addrs, Width w) {
        for (long a : addrs) {
            Locations.Span s = locations.span(a, w);
            if (s != null && locations.cover(s) != null && !locations.wholeCell(s)) return true;
        }
        return false;
    }

    boolean split(ValueMap a, Width w) {
        return split(locations, a.values, w);
    }

    /** The location of an access that is exactly one whole cell, else -1. */
    int wholeCell(long address, Width w) {
        Locations.Span s = locations.span(address, w);
        return s != null && locations.wholeCell(s) ? locations.first(s.cell()) : -1;
    }

    /** Whether the address is an access the locations tile. */
    boolean valid(long address, Width w) {
        Locations.Span s = locations.span(address, w);
        return s != null && locations.cover(s) != null;
    }

    /** Per part: the values its location may hold, over every address. */
    static long[][] partDomains(Locations locations, long[] addrs, Width w, long[][] locVals) {
        List<long[]> out = new ArrayList<>();
        for (long a : addrs) {
            int[] locs = tiles(locations, a, w);
            if (locs == null) continue;
            for (int k = 0; k < locs.length; k++) {
                if (k == out.size()) out.add(LongSets.EMPTY);
                out.set(k, LongSets.union(out.get(k), locVals[locs[k]]));
            }
        }
        if (out.isEmpty()) out.add(LongSets.EMPTY);
        return out.toArray(long[][]::new);
    }

    /** The register values a split load may produce. */
    static long[] loadValues(Locations locations, long[] addrs, Instr.Load l, long[][] locVals) {
        long[] out = LongSets.EMPTY;
        for (long a : addrs) {
            int[] locs = tiles(locations, a, l.width());
            if (locs == null) continue;
            Locations.Span s = locations.span(a, l.width());
            long combos = 1;
            for (int loc : locs) {
                combos *= locVals[loc].length;
                if (combos > ValueAnalysis.MAX_COMBINATIONS) throw ValueAnalysis.tooMany(l.pos());
            }
            long[] vals = new long[(int) combos];
            int n = 0;
            int[] idx = new int[locs.length];
            long[] parts = new long[locs.length];
            while (combos > 0) {
                for (int k = 0; k < locs.length; k++) parts[k] = locVals[locs[k]][idx[k]];
                vals[n++] = l.width().extend(locations.assemble(s, locs, parts), l.signed());
                int k = 0;
                while (k < locs.length && ++idx[k] == locVals[locs[k]].length) idx[k++] = 0;
                if (k == locs.length) break;
            }
            out = LongSets.union(out, LongSets.normalize(vals, n));
        }
        return out;
    }

    /** Adds what a split store may write to each location it covers. */
    static void write(Locations locations, long[] addrs, Width w, long[] values, long[][] written) {
        for (long a : addrs) {
            int[] locs = tiles(locations, a, w);
            if (locs == null) continue;
            Locations.Span s = locations.span(a, w);
            for (int loc : locs) {
                long[] parts = new long[values.length];
                for (int i = 0; i < values.length; i++) parts[i] = locations.part(values[i], s, loc);
                written[loc] = LongSets.union(written[loc], LongSets.normalize(parts, parts.length));
            }
        }
    }

    private static int[] tiles(Locations locations, long a, Width w) {
        Locations.Span s = locations.span(a, w);
        return s == null ? null : locations.cover(s);
    }

    /** The parts of one access: per address value, its span and locations (null: no access). */
    private final class Parts {
        final ValueMap addr;
        final Locations.Span[] spans;
        final int[][] locs;
        final int count;

        Parts(ValueMap addr, Width w) {
            this.addr = addr;
            spans = new Locations.Span[addr.size()];
            locs = new int[addr.size()][];
            int most = 0;
            for (int i = 0; i < addr.size(); i++) {
                spans[i] = locations.span(addr.values[i], w);
                locs[i] = spans[i] == null ? null : locations.cover(spans[i]);
                if (locs[i] != null) most = Math.max(most, locs[i].length);
            }
            count = most;
        }

        /** The literal "the address selects value i" under {@code g}, if it has a part k. */
        int has(int i, int k, int g) {
            return locs[i] != null && locs[i].length > k ? c.and(g, addr.lits[i]) : Circuit.FALSE;
        }

        /** The events of the parts, guarded by the address selecting a span that long. */
        Event[] events(int t, int node, Instr instr, boolean read, boolean write, boolean excl, int g) {
            Event[] out = new Event[count];
            for (int k = 0; k < count; k++) {
                Event e = new Event(events.size(), t, node, instr, read, write, excl, null);
                int[] cells = new int[addr.size()];
                int[] lits = new int[addr.size()];
                int n = 0;
                for (int i = 0; i < addr.size(); i++) {
                    int lit = has(i, k, g);
                    if (lit == Circuit.FALSE) continue;
                    int loc = locs[i][k];
                    int at = -1;
                    for (int j = 0; j < n; j++) if (cells[j] == loc) at = j;
                    if (at >= 0) {
                        lits[at] = c.or(lits[at], lit);
                    } else {
                        cells[n] = loc;
                        lits[n++] = lit;
                    }
                }
                e.cells = Arrays.copyOf(cells, n);
                e.cellLits = Arrays.copyOf(lits, n);
                e.guard = c.or(lits.clone(), n);
                events.add(e);
                out[k] = e;
            }
            return out;
        }
    }

    /** A split load: its part events, the register's value and dependencies. */
    record Load(Event[] parts, ValueMap register, EventMap deps) {
        /** The first part, whose location's address is the access's address (the reservation). */
        EventMap first() {
            return EventMap.of(parts[0].id, Circuit.TRUE);
        }
    }

    Load load(int t, int node, Instr.Load l, ValueMap a, int g, EventMap addrDeps, long[][] domains) {
        Parts ps = new Parts(a, l.width());
        Event[] parts = ps.events(t, node, l, true, false, l.reserve(), g);
        int[][] lits = new int[parts.length][];
        EventMap deps = EventMap.EMPTY;
        for (int k = 0; k < parts.length; k++) {
            long[] dom = domains[k];
            ValueMap.Builder mem = new ValueMap.Builder();
            lits[k] = new int[dom.length];
            for (int v = 0; v < dom.length; v++) {
                lits[k][v] = dom.length == 1 ? Circuit.TRUE : c.newVar();
                mem.add(dom[v], lits[k][v]);
            }
            parts[k].value = mem.build(c);
            parts[k].addr = addrDeps;
            deps = EventMap.union(c, deps, EventMap.of(parts[k].id, Circuit.TRUE));
        }
        ValueMap.Builder reg = new ValueMap.Builder();
        for (int i = 0; i < a.size(); i++) {
            int[] locs = ps.locs[i];
            if (locs == null) continue;
            int[] idx = new int[locs.length];
            long[] vals = new long[locs.length];
            int[] conj = new int[locs.length + 1];
            long combos = 1;
            for (int k = 0; k < locs.length; k++) combos *= domains[k].length;
            if (combos > ValueAnalysis.MAX_COMBINATIONS) throw ValueAnalysis.tooMany(l.pos());
            while (combos > 0) {
                for (int k = 0; k < locs.length; k++) {
                    vals[k] = domains[k][idx[k]];
                    conj[k] = lits[k][idx[k]];
                }
                conj[locs.length] = a.lits[i];
                reg.add(l.width().extend(locations.assemble(ps.spans[i], locs, vals), l.signed()),
                        c.and(conj, locs.length + 1));
                int k = 0;
                while (k < locs.length && ++idx[k] == domains[k].length) idx[k++] = 0;
                if (k == locs.length) break;
            }
        }
        return new Load(parts, reg.build(c), deps);
    }

    /** The part events of a split store (or successful store-conditional) of {@code value}. */
    Event[] store(int t, int node, Instr instr, boolean excl, ValueMap a, Width w, ValueMap value, int g,
                  EventMap addrDeps, EventMap dataDeps) {
        Parts ps = new Parts(a, w);
        Event[] parts = ps.events(t, node, instr, false, true, excl, g);
        for (int k = 0; k < parts.length; k++) {
            ValueMap.Builder b = new ValueMap.Builder();
            for (int i = 0; i < a.size(); i++) {
                if (ps.locs[i] == null || ps.locs[i].length <= k) continue;
                for (int j = 0; j < value.size(); j++) {
                    long part = locations.part(w.truncate(value.values[j]), ps.spans[i], ps.locs[i][k]);
                    b.add(part, c.and(a.lits[i], value.lits[j]));
                }
            }
            parts[k].value = b.build(c);
            parts[k].addr = addrDeps;
            parts[k].data = dataDeps;
        }
        return parts;
    }

    /** A cell's final value, from the final values of its locations. */
    static ValueMap cellValue(Circuit c, Locations locations, int cell, ValueMap[] finalMemory) {
        int n = locations.count(cell);
        int first = locations.first(cell);
        if (n == 1) return finalMemory[first];
        long combos = 1;
        for (int k = 0; k < n; k++) combos *= finalMemory[first + k].size();
        ValueMap.Builder b = new ValueMap.Builder();
        if (combos == 0) return b.build(c);
        int[] idx = new int[n];
        long[] vals = new long[n];
        int[] conj = new int[n];
        while (true) {
            for (int k = 0; k < n; k++) {
                vals[k] = finalMemory[first + k].values[idx[k]];
                conj[k] = finalMemory[first + k].lits[idx[k]];
            }
            b.add(locations.cellValue(cell, vals), c.and(conj.clone(), n));
            int k = 0;
            while (k < n && ++idx[k] == finalMemory[first + k].size()) idx[k++] = 0;
            if (k == n) break;
        }
        return b.build(c);
    }
}
