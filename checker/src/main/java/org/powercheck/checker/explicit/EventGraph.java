package org.powercheck.checker.explicit;

import java.util.BitSet;
import java.util.List;
import org.powercheck.ir.FenceKind;
import org.powercheck.ir.Layout;
import org.powercheck.ir.Locations;
import org.powercheck.model.Rel;

/**
 * The events of one choice of a run per thread, and everything about them that does not depend
 * on rf and co: the static relations and event sets of cat. Event {@code c} for
 * {@code c < cells} is the initial write of cell {@code c}; thread events follow, thread by
 * thread, in program order.
 *
 * <p>Most choices of runs have no coherent rf/co at all, so the relation matrices (quadratic in
 * the events) are built only when a candidate first asks for them.
 */
final class EventGraph {
    final Layout layout;
    final Locations locations;
    final List<ThreadRun> runs;
    final int n;
    final int cells;
    /** owning thread's position in the program's thread list, -1 for initial writes */
    final int[] thread;
    /** accessed cell, -1 for fences */
    final int[] cell;
    final long[] value;
    /** the thread event behind each event, null for initial writes */
    final LocalEvent[] local;
    final boolean cut;

    final long[] reads, writes, initialWrites, exclusives, fences;
    final long[][] fencesOfKind = new long[FenceKind.values().length][];

    /** per cell: its writes (the initial write first) and its reads */
    final int[][] writesOf, readsOf;

    private Relations relations;

    /** per location: whether a final state shows it (its co-last write is in FW) */
    final boolean[] observed;

    EventGraph(Locations locations, List<ThreadRun> runs, boolean[] observed) {
        this.observed = observed;
        this.layout = locations.layout();
        this.locations = locations;
        this.runs = runs;
        this.cells = locations.size();
        int total = cells;
        boolean anyCut = false;
        for (ThreadRun r : runs) {
            total += r.events().size();
            anyCut |= r.cut();
        }
        this.n = total;
        this.cut = anyCut;
        thread = new int[n];
        cell = new int[n];
        value = new long[n];
        local = new LocalEvent[n];
        reads = EventMask.empty(n);
        writes = EventMask.empty(n);
        initialWrites = EventMask.empty(n);
        exclusives = EventMask.empty(n);
        fences = EventMask.empty(n);
        for (int k = 0; k < fencesOfKind.length; k++) fencesOfKind[k] = EventMask.empty(n);
        for (int c = 0; c < cells; c++) {
            thread[c] = -1;
            cell[c] = c;
            value[c] = locations.initialValue(c);
            EventMask.add(writes, c);
            EventMask.add(initialWrites, c);
        }
        int e = cells;
        for (int t = 0; t < runs.size(); t++) {
            for (LocalEvent le : runs.get(t).events()) {
                thread[e] = t;
                cell[e] = le.cell();
                value[e] = le.value();
                local[e] = le;
                switch (le.kind()) {
                    case READ -> EventMask.add(reads, e);
                    case WRITE -> EventMask.add(writes, e);
                    case FENCE -> {
                        EventMask.add(fences, e);
                        if (le.fence() != null) EventMask.add(fencesOfKind[le.fence().ordinal()], e);
                    }
                }
                if (le.exclusive()) EventMask.add(exclusives, e);
                e++;
            }
        }
        writesOf = eventsByCell(writes);
        readsOf = eventsByCell(reads);
    }

    /** The events of instructions carrying {@code tag}; computed on first use (POWER code has no tags). */
    long[] tagged(String tag) {
        return taggedSets.computeIfAbsent(tag, k -> {
            long[] m = EventMask.empty(thread.length);
            for (int e = cells; e < thread.length; e++) {
                if (local[e] != null && local[e].instr() != null && local[e].instr().tags().contains(k)) EventMask.add(m, e);
            }
            return m;
        });
    }

    private final java.util.Map<String, long[]> taggedSets = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether {@code a} is po-before {@code b}: same thread, earlier (events are in program order). */
    boolean poBefore(int a, int b) {
        return thread[a] >= 0 && thread[a] == thread[b] && a < b;
    }

    boolean isInitial(int e) {
        return e < cells;
    }

    BitMatrix relation(Rel.Base base) {
        if (relations == null) relations = new Relations();
        return switch (base) {
            case PO -> relations.po;
            case LOC -> relations.loc;
            case INT -> relations.intr;
            case EXT -> relations.ext;
            case ID -> relations.id;
            case ADDR -> relations.addr;
            case DATA -> relations.data;
            case CTRL -> relations.ctrl;
            case RMW -> relations.rmw;
            case SI -> relations.si;
            case RF, CO -> throw new IllegalArgumentException(base + " is chosen per candidate");
        };
    }

    /** For each cell, the events of {@code set} on it, in event order. */
    private int[][] eventsByCell(long[] set) {
        int[] count = new int[cells];
        for (int e = 0; e < n; e++) if (EventMask.has(set, e)) count[cell[e]]++;
        int[][] out = new int[cells][];
        for (int c = 0; c < cells; c++) out[c] = new int[count[c]];
        int[] filled = new int[cells];
        for (int e = 0; e < n; e++) if (EventMask.has(set, e)) out[cell[e]][filled[cell[e]]++] = e;
        return out;
    }

    /** The static relations of cat, as matrices. */
    private final class Relations {
        final BitMatrix po = BitMatrix.empty(n);
        final BitMatrix intr = BitMatrix.empty(n);
        final BitMatrix ext = BitMatrix.empty(n);
        final BitMatrix loc = BitMatrix.empty(n);
        final BitMatrix id = BitMatrix.identity(n);
        final BitMatrix addr = BitMatrix.empty(n);
        final BitMatrix data = BitMatrix.empty(n);
        final BitMatrix ctrl = BitMatrix.empty(n);
        final BitMatrix rmw = BitMatrix.empty(n);
        final BitMatrix si = BitMatrix.identity(n);

        Relations() {
            int base = cells;
            for (ThreadRun run : runs) {
                List<LocalEvent> events = run.events();
                long[] sameThread = EventMask.empty(n);
                for (int i = 0; i < events.size(); i++) EventMask.add(sameThread, base + i);
                int[] start = instanceStarts(events);
                for (int i = 0; i < events.size(); i++) {
                    int e = base + i;
                    LocalEvent le = events.get(i);
                    // the parts of one access are not in program order: they are si
                    for (int j = i + 1; j < events.size(); j++) {
                        if (start[j] != start[i]) po.set(e, base + j);
                        else si.set(e, base + j);
                    }
                    for (int j = start[i]; j < i; j++) si.set(e, base + j);
                    intr.addRow(e, sameThread);
                    dependencies(le.addr(), base, e, addr);
                    dependencies(le.data(), base, e, data);
                    dependencies(le.ctrl(), base, e, ctrl);
                }
                pairReservations(events, start, base);
                base += events.size();
            }
            long[] all = EventMask.all(n);
            long[][] eventsOfCell = new long[cells][];
            for (int c = 0; c < cells; c++) eventsOfCell[c] = EventMask.empty(n);
            for (int e = 0; e < n; e++) if (cell[e] >= 0) EventMask.add(eventsOfCell[cell[e]], e);
            for (int e = 0; e < n; e++) {
                // an initial write belongs to no thread: it is external to every event
                ext.addRow(e, thread[e] >= 0 ? EventMask.minus(all, intr.row(e)) : all);
                if (cell[e] >= 0) loc.addRow(e, eventsOfCell[cell[e]]);
            }
        }

        private static void dependencies(BitSet sources, int base, int target, BitMatrix rel) {
            for (int s = sources.nextSetBit(0); s >= 0; s = sources.nextSetBit(s + 1)) rel.set(base + s, target);
        }

        /** Per event: the index of the first part of its access. */
        private static int[] instanceStarts(List<LocalEvent> events) {
            int[] start = new int[events.size()];
            for (int i = 0; i < start.length; i++) start[i] = events.get(i).further() ? start[i - 1] : i;
            return start;
        }

        /**
         * rmw: a reserve read to a later successful store-conditional with no exclusive access
         * between; every part of the one to every part of the other.
         */
        private void pairReservations(List<LocalEvent> events, int[] start, int base) {
            int lastStart = -1;
            int pairedRead = -1;
            for (int i = 0; i < events.size(); i++) {
                LocalEvent le = events.get(i);
                if (!le.exclusive()) continue;
                if (!le.further()) {
                    boolean pairs = le.kind() == LocalEvent.Kind.WRITE && lastStart >= 0
                            && events.get(lastStart).kind() == LocalEvent.Kind.READ;
                    pairedRead = pairs ? lastStart : -1;
                    lastStart = i;
                }
                if (le.kind() != LocalEvent.Kind.WRITE || pairedRead < 0) continue;
                for (int r = pairedRead; r < events.size() && start[r] == pairedRead; r++) rmw.set(base + r, base + i);
            }
        }
    }
}
