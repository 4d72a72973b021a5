package org.powercheck.checker.explicit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.CheckTimeoutException;

/**
 * Enumerates, for one cell, every coherence order (the initial write first, the other writes in
 * every order) and every reads-from map (each read picks a write of the same value). With
 * {@code uniproc} set, keeps only choices that satisfy {@code acyclic(po-loc | rf | fr | co)}
 * on this cell: that axiom only relates events of one cell, so checking it here, while the
 * choices are made, is exact and spares the full model most candidates.
 */
final class LocationChoices {
    private final boolean uniproc;
    private final CheckOptions options;
    private final int writes;
    private final int reads;
    private final int[][] sources;
    /** po on this cell's accesses, numbered writes first, then reads */
    private final BitMatrix poLoc;
    private final List<LocationChoice> out = new ArrayList<>();
    private long leaves;

    private LocationChoices(CellAccesses cell, boolean uniproc, CheckOptions options) {
        this.uniproc = uniproc;
        this.options = options;
        this.writes = cell.writes();
        this.reads = cell.reads();
        this.sources = new int[reads][];
        for (int i = 0; i < reads; i++) {
            int[] s = new int[writes];
            int count = 0;
            for (int w = 0; w < writes; w++) if (cell.writeValue[w] == cell.readValue[i]) s[count++] = w;
            sources[i] = Arrays.copyOf(s, count);
        }
        int m = writes + reads;
        poLoc = BitMatrix.empty(m);
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) if (cell.poBefore(a, b)) poLoc.set(a, b);
        }
    }

    /** The choices for the cell; empty when some read has no write of its value. */
    static List<LocationChoice> of(CellAccesses cell, boolean uniproc, CheckOptions options)
            throws CheckTimeoutException {
        LocationChoices c = new LocationChoices(cell, uniproc, options);
        for (int[] s : c.sources) if (s.length == 0) return List.of();
        c.order(new int[c.writes], 1, new boolean[c.writes]);
        return c.out;
    }

    /**
     * Every order of the non-initial writes after the initial one. Under uniproc only those that
     * extend po on this cell's writes (CoWW): any other order closes a po-loc/co cycle.
     */
    private void order(int[] co, int placed, boolean[] used) throws CheckTimeoutException {
        if (placed == co.length) {
            BitMatrix rel = poLoc.copy();
            for (int i = 0; i + 1 < co.length; i++) rel.set(co[i], co[i + 1]);
            if (uniproc && !rel.isAcyclic()) return;
            int[] position = new int[writes];
            for (int i = 0; i < co.length; i++) position[co[i]] = i;
            pickSources(co, position, rel, new int[reads], 0);
            return;
        }
        for (int i = 1; i < writes; i++) {
            if (used[i] || (uniproc && hasUnplacedPoPredecessor(i, used))) continue;
            used[i] = true;
            co[placed] = i;
            order(co, placed + 1, used);
            used[i] = false;
        }
    }

    private boolean hasUnplacedPoPredecessor(int write, boolean[] used) {
        for (int j = 1; j < writes; j++) {
            if (!used[j] && j != write && poLoc.get(j, write)) return true;
        }
        return false;
    }

    /**
     * Picks the source of each read in turn. {@code rel} is po-loc | co | rf | fr over the reads
     * picked so far; under uniproc a pick that makes it cyclic is abandoned at once, since more
     * edges never remove a cycle. co and fr are given by their immediate steps (co between
     * neighbours, fr to the write just after the source), which have the same closure.
     * Writes are numbered first, reads follow them.
     */
    private void pickSources(int[] co, int[] position, BitMatrix rel, int[] rf, int read)
            throws CheckTimeoutException {
        if (read == reads) {
            if ((++leaves & 0xfff) == 0) options.checkDeadline();
            out.add(new LocationChoice(co.clone(), rf.clone()));
            return;
        }
        int self = writes + read;
        for (int w : sources[read]) {
            rf[read] = w;
            BitMatrix next = rel.copy();
            next.set(w, self);
            int after = position[w] + 1;
            if (after < co.length) next.set(self, co[after]);
            if (!uniproc || next.isAcyclic()) pickSources(co, position, next, rf, read + 1);
        }
    }

}
