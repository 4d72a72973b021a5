package org.powercheck.checker.sat;

import java.util.ArrayList;
import java.util.List;

/**
 * The candidate-execution choices: reads-from and coherence order, with their axioms (every
 * read that happens reads exactly one write of its cell with its value; coherence is a strict
 * total order per cell with the initial write first), and the final memory values.
 */
final class MemoryEncoding {
    final BitMatrix rfMay, coMay;
    final LitMatrix rf, co;
    /** per event: the literal "this write happens and has no coherence successor" */
    final int[] coLast;
    /** per cell: its final value (the value of its co-last write) */
    final ValueMap[] finalMemory;

    /**
     * @param transitive whether to encode coherence's transitivity; without it coherence is a
     *                   tournament per cell, a total order only where the model's checks forbid
     *                   its cycles ({@link org.powercheck.checker.Uniproc#coherenceAcyclic})
     */
    MemoryEncoding(Circuit c, List<Event> events, int cells, boolean transitive) {
        int n = events.size();
        List<Event> writes = new ArrayList<>();
        List<Event> reads = new ArrayList<>();
        for (Event e : events) {
            if (e.write) writes.add(e);
            if (e.read) reads.add(e);
        }
        rfMay = new BitMatrix(n);
        coMay = new BitMatrix(n);
        for (Event r : reads) {
            for (Event w : writes) {
                if (w.mayShareCell(r) && LongSets.intersects(w.value.values, r.value.values)) rfMay.set(w.id, r.id);
            }
        }
        for (Event a : writes) {
            for (Event b : writes) {
                if (a != b && !b.isInit() && a.mayShareCell(b)) coMay.set(a.id, b.id);
            }
        }
        rf = new LitMatrix(n);
        co = new LitMatrix(n);
        for (int i = 0; i < n; i++) {
            rf.shape(i, rfMay);
            co.shape(i, coMay);
        }
        encodeCo(c, writes, transitive);
        encodeRf(c, writes, reads);

        coLast = new int[n];
        for (Event w : writes) {
            int[] succ = co.lits[w.id];
            int[] buf = succ.clone();
            int any = c.or(buf, buf.length);
            coLast[w.id] = c.and(w.guard, -any);
        }
        finalMemory = new ValueMap[cells];
        ValueMap.Builder[] b = new ValueMap.Builder[cells];
        for (int cell = 0; cell < cells; cell++) b[cell] = new ValueMap.Builder();
        for (Event w : writes) {
            for (int k = 0; k < w.cells.length; k++) {
                int last = c.and(w.cellLits[k], coLast[w.id]);
                ValueMap v = w.value;
                for (int i = 0; i < v.values.length; i++) b[w.cells[k]].add(v.values[i], c.and(last, v.lits[i]));
            }
        }
        for (int cell = 0; cell < cells; cell++) finalMemory[cell] = b[cell].build(c);
    }

    static int sameCell(Circuit c, Event a, Event b) {
        int[] buf = new int[Math.min(a.cells.length, b.cells.length) + 1];
        int m = 0;
        for (int i = 0; i < a.cells.length; i++) {
            int lb = b.cellLit(a.cells[i]);
            if (lb != Circuit.FALSE) buf[m++] = c.and(a.cellLits[i], lb);
        }
        return c.or(buf, m);
    }

    private void encodeCo(Circuit c, List<Event> writes, boolean transitive) {
        for (int x = 0; x < writes.size(); x++) {
            Event a = writes.get(x);
            for (int y = x + 1; y < writes.size(); y++) {
                Event b = writes.get(y);
                if (!coMay.get(a.id, b.id) && !coMay.get(b.id, a.id)) continue;
                if (a.isInit()) {
                    co.set(a.id, b.id, b.cellLit(a.cells[0]));
                    continue;
                }
                // One variable per unordered pair: same cell => exactly one direction.
                int same = sameCell(c, a, b);
                int ab = c.newVar();
                c.clause(-ab, same);
                co.set(a.id, b.id, ab);
                co.set(b.id, a.id, c.and(same, -ab));
            }
        }
        // Transitivity among non-initial writes (the initial write is first by construction).
        if (!transitive) return;
        for (Event a : writes) {
            if (a.isInit()) continue;
            int x = a.id;
            for (int b = coMay.next(x, 0); b >= 0; b = coMay.next(x, b + 1)) {
                int ab = co.get(x, b);
                for (int d = coMay.next(b, 0); d >= 0; d = coMay.next(b, d + 1)) {
                    if (d != x) c.clause(-ab, -co.get(b, d), co.get(x, d));
                }
            }
        }
    }

    private void encodeRf(Circuit c, List<Event> writes, List<Event> reads) {
        for (Event r : reads) {
            int[] sources = new int[writes.size()];
            int ns = 0;
            for (Event w : writes) {
                if (!rfMay.get(w.id, r.id)) continue;
                int v = c.newVar();
                c.clause(-v, sameCell(c, w, r));
                rf.set(w.id, r.id, v);
                sources[ns++] = v;
                ValueMap wv = w.value;
                for (int i = 0; i < wv.values.length; i++) {
                    int x = r.value.eq(wv.values[i]);
                    c.clause(-v, -wv.lits[i], x);
                }
            }
            int[] atLeast = new int[ns + 1];
            atLeast[0] = -r.guard;
            System.arraycopy(sources, 0, atLeast, 1, ns);
            c.clause(atLeast, ns + 1);
            c.atMostOne(sources, ns);
            if (r.value.size() > 1) c.atMostOne(r.value.lits, r.value.size());
            // A read that happens has a value. Without this a cycle of reads and writes that
            // carry each other's values (data dependencies a model does not order, as the LKMM's
            // plain accesses) could be satisfied with no value at all, leaving a final value
            // without any.
            int[] some = new int[r.value.size() + 1];
            some[0] = -r.guard;
            System.arraycopy(r.value.lits, 0, some, 1, r.value.size());
            c.clause(some, some.length);
        }
    }
}
