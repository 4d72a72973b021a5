package org.powercheck.checker.explicit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Enumerates, for one cell, every coherence order (the initial write first, the other writes in
 * every order) and every reads-from map (each read picks a write of the same value). With
 * {@code uniproc} set, keeps only choices that satisfy {@code acyclic(po-loc | rf | fr | co)}
 * on this cell: that axiom only relates events of one cell, so checking it here, while the
 * choices are made, is exact and spares the full model most candidates.
 */
final class LocationChoices {
    private final EventGraph g;
    private final int cell;
    private final boolean uniproc;
    private final int[] writes;
    private final int[] reads;
    private final int[][] sources;
    /** po on this cell's events, numbered writes first (as in {@code writes}), then reads */
    private final BitMatrix poLoc;
    private final List<LocationChoice> out = new ArrayList<>();

    private LocationChoices(EventGraph g, int cell, boolean uniproc) {
        this.g = g;
        this.cell = cell;
        this.uniproc = uniproc;
        this.writes = g.writesOf[cell];
        this.reads = g.readsOf[cell];
        this.sources = new int[reads.length][];
        for (int i = 0; i < reads.length; i++) {
            int[] s = new int[writes.length];
            int count = 0;
            for (int w = 0; w < writes.length; w++) if (g.value[writes[w]] == g.value[reads[i]]) s[count++] = w;
            sources[i] = Arrays.copyOf(s, count);
        }
        int m = writes.length + reads.length;
        poLoc = BitMatrix.empty(m);
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) if (g.poBefore(local(a), local(b))) poLoc.set(a, b);
        }
    }

    /** The event with local number {@code i}. */
    private int local(int i) {
        return i < writes.length ? writes[i] : reads[i - writes.length];
    }

    /** The choices for {@code cell}; empty when some read has no write of its value. */
    static List<LocationChoice> of(EventGraph g, int cell, boolean uniproc) {
        LocationChoices c = new LocationChoices(g, cell, uniproc);
        for (int[] s : c.sources) if (s.length == 0) return List.of();
        int[] co = new int[c.writes.length];
        c.order(co, 1, new boolean[c.writes.length]);
        return c.out;
    }

    /**
     * Every order of the non-initial writes after the initial one. Under uniproc only those that
     * extend po on this cell's writes (CoWW): any other order closes a po-loc/co cycle.
     */
    private void order(int[] co, int placed, boolean[] used) {
        if (placed == co.length) {
            BitMatrix rel = poLoc.copy();
            for (int i = 0; i + 1 < co.length; i++) rel.set(co[i], co[i + 1]);
            if (uniproc && !rel.isAcyclic()) return;
            int[] position = new int[writes.length];
            for (int i = 0; i < co.length; i++) position[co[i]] = i;
            pickSources(co, position, rel, new int[reads.length], 0);
            return;
        }
        for (int i = 1; i < writes.length; i++) {
            if (used[i] || (uniproc && hasUnplacedPoPredecessor(i, used))) continue;
            used[i] = true;
            co[placed] = i;
            order(co, placed + 1, used);
            used[i] = false;
        }
    }

    private boolean hasUnplacedPoPredecessor(int write, boolean[] used) {
        for (int j = 1; j < writes.length; j++) {
            if (!used[j] && j != write && poLoc.get(j, write)) return true;
        }
        return false;
    }

    /**
     * Picks the source of each read in turn. {@code rel} is po-loc | co | rf | fr over the reads
     * picked so far; under uniproc a pick that makes it cyclic is abandoned at once, since more
     * edges never remove a cycle. co and fr are given by their immediate steps (co between
     * neighbours, fr to the write just after the source), which have the same closure.
     * Writes are numbered by their index in {@code writes}, reads follow them.
     */
    private void pickSources(int[] co, int[] position, BitMatrix rel, int[] rf, int read) {
        if (read == reads.length) {
            int[] coEvents = new int[co.length];
            for (int i = 0; i < co.length; i++) coEvents[i] = writes[co[i]];
            int[] rfEvents = new int[rf.length];
            for (int r = 0; r < rf.length; r++) rfEvents[r] = writes[rf[r]];
            out.add(new LocationChoice(coEvents, rfEvents));
            return;
        }
        int self = writes.length + read;
        for (int w : sources[read]) {
            rf[read] = w;
            BitMatrix next = rel.copy();
            next.set(w, self);
            int after = position[w] + 1;
            if (after < co.length) next.set(self, co[after]);
            if (!uniproc || next.isAcyclic()) pickSources(co, position, next, rf, read + 1);
        }
    }

    @Override
    public String toString() {
        return "choices of cell " + cell;
    }
}
