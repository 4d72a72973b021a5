package org.powercheck.checker.explicit;

import java.util.ArrayList;
import java.util.List;

/**
 * Enumerates, for one cell, every coherence order (the initial write first, the other writes in
 * every order) and every reads-from map (each read picks a write of the same value). With
 * {@code uniproc} set, keeps only choices that satisfy {@code acyclic(po-loc | rf | fr | co)}
 * on this cell: that axiom only relates events of one cell, so checking it here is exact and
 * spares the full model most candidates.
 */
final class LocationChoices {
    private final EventGraph g;
    private final int cell;
    private final boolean uniproc;
    private final int[] writes;
    private final int[] reads;
    private final int[][] sources;
    private final List<LocationChoice> out = new ArrayList<>();

    private LocationChoices(EventGraph g, int cell, boolean uniproc) {
        this.g = g;
        this.cell = cell;
        this.uniproc = uniproc;
        this.writes = g.writesOf[cell];
        this.reads = g.readsOf[cell];
        this.sources = new int[reads.length][];
        for (int i = 0; i < reads.length; i++) {
            List<Integer> s = new ArrayList<>();
            for (int w : writes) if (g.value[w] == g.value[reads[i]]) s.add(w);
            sources[i] = s.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** The choices for {@code cell}; empty when some read has no write of its value. */
    static List<LocationChoice> of(EventGraph g, int cell, boolean uniproc) {
        LocationChoices c = new LocationChoices(g, cell, uniproc);
        for (int[] s : c.sources) if (s.length == 0) return List.of();
        int[] co = new int[c.writes.length];
        co[0] = c.writes[0];
        c.order(co, 1, new boolean[c.writes.length]);
        return c.out;
    }

    /**
     * Every order of the non-initial writes after the initial one. Under uniproc only those that
     * extend po on this cell's writes (CoWW), which are the only ones {@link #coherent} accepts.
     */
    private void order(int[] co, int placed, boolean[] used) {
        if (placed == co.length) {
            pickSources(co.clone(), new int[reads.length], 0);
            return;
        }
        for (int i = 1; i < writes.length; i++) {
            if (used[i] || (uniproc && hasUnplacedPoPredecessor(i, used))) continue;
            used[i] = true;
            co[placed] = writes[i];
            order(co, placed + 1, used);
            used[i] = false;
        }
    }

    private boolean hasUnplacedPoPredecessor(int write, boolean[] used) {
        for (int j = 1; j < writes.length; j++) {
            if (!used[j] && j != write && g.po.get(writes[j], writes[write])) return true;
        }
        return false;
    }

    private void pickSources(int[] co, int[] rf, int read) {
        if (read == reads.length) {
            if (!uniproc || coherent(co, rf)) out.add(new LocationChoice(co, rf.clone()));
            return;
        }
        for (int w : sources[read]) {
            rf[read] = w;
            pickSources(co, rf, read + 1);
        }
    }

    /** acyclic(po-loc | rf | fr | co) over this cell's events. */
    private boolean coherent(int[] co, int[] rf) {
        int m = co.length + reads.length;
        int[] event = new int[m];
        System.arraycopy(co, 0, event, 0, co.length);
        System.arraycopy(reads, 0, event, co.length, reads.length);
        BitMatrix rel = BitMatrix.empty(m);
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) if (g.po.get(event[a], event[b])) rel.set(a, b);
        }
        for (int i = 0; i + 1 < co.length; i++) rel.set(i, i + 1);
        for (int r = 0; r < reads.length; r++) {
            int source = indexIn(co, rf[r]);
            rel.set(source, co.length + r);
            if (source + 1 < co.length) rel.set(co.length + r, source + 1);
        }
        return rel.isAcyclic();
    }

    private static int indexIn(int[] a, int v) {
        for (int i = 0; i < a.length; i++) if (a[i] == v) return i;
        throw new IllegalStateException("not a write of this cell: " + v);
    }

    @Override
    public String toString() {
        return "choices of cell " + cell;
    }
}
