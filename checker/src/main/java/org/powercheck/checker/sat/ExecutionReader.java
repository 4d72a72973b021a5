package org.powercheck.checker.sat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.powercheck.checker.Execution;
import org.powercheck.ir.FenceKind;
import org.powercheck.model.EventSet;
import org.powercheck.model.Rel;

/**
 * Reads the execution of the solver's current model as plain data: the events whose guards
 * hold, and every primitive relation pair that holds. Each pair is read from the literals the
 * encoding already has (the guards, the chosen cells, rf, co, dependencies, interrupt
 * placements), never through new gates: a gate built after the solve is not in its model, and
 * would grow the problem the state enumeration goes on solving. The base relations are exact
 * (unlike derived relations encoded one way), so the model's relations can be evaluated on it.
 */
final class ExecutionReader {
    private ExecutionReader() {}

    static Execution read(Encoding enc) {
        Circuit c = enc.circuit;
        List<Event> all = enc.exec.events;
        int[] index = new int[all.size()];
        List<Execution.Event> events = new ArrayList<>();
        for (Event e : all) {
            index[e.id] = -1;
            if (!c.value(e.guard)) continue;
            index[e.id] = events.size();
            events.add(describe(enc, e, events.size()));
        }
        int n = events.size();
        Map<Rel.Base, BitSet[]> relations = new EnumMap<>(Rel.Base.class);
        for (Rel.Base b : Rel.Base.values()) {
            BitSet[] rows = new BitSet[n];
            for (int i = 0; i < n; i++) rows[i] = new BitSet(n);
            BitMatrix may = enc.base.may(b);
            for (Event x : all) {
                if (index[x.id] < 0) continue;
                for (int j = may.next(x.id, 0); j >= 0; j = may.next(x.id, j + 1)) {
                    if (index[j] >= 0 && holds(enc, b, x, all.get(j))) rows[index[x.id]].set(index[j]);
                }
            }
            relations.put(b, rows);
        }
        Map<EventSet.Base, BitSet> sets = new EnumMap<>(EventSet.Base.class);
        for (EventSet.Base b : EventSet.Base.values()) sets.put(b, new BitSet(n));
        Map<FenceKind, BitSet> fences = new EnumMap<>(FenceKind.class);
        for (FenceKind k : FenceKind.values()) fences.put(k, new BitSet(n));
        for (Event e : all) {
            int i = index[e.id];
            if (i < 0) continue;
            sets.get(EventSet.Base.ALL).set(i);
            if (e.read) sets.get(EventSet.Base.R).set(i);
            if (e.write) sets.get(EventSet.Base.W).set(i);
            if (e.isInit()) sets.get(EventSet.Base.IW).set(i);
            if (enc.base.isFinalWrite(e, c::value)) sets.get(EventSet.Base.FW).set(i);
            if (e.exclusive) sets.get(EventSet.Base.X).set(i);
            if (e.fence != null) {
                sets.get(EventSet.Base.F).set(i);
                fences.get(e.fence).set(i);
            }
        }
        return new Execution(events, relations, sets, fences);
    }

    /** Whether a base relation holds between two events that both happen, in the current model. */
    private static boolean holds(Encoding enc, Rel.Base b, Event x, Event y) {
        Circuit c = enc.circuit;
        InterruptEncoding ie = enc.interrupts;
        return switch (b) {
            case PO -> {
                if (x.thread == y.thread) yield true; // may: y reachable from x in the thread's DAG
                int sx = ie.slot(x.thread), sy = ie.slot(y.thread);
                if (sx < 0 && sy >= 0) yield c.value(ie.before[sy][x.node]);
                if (sx >= 0 && sy < 0) yield !c.value(ie.before[sx][y.node]);
                yield sx >= 0 && sy >= 0 && sx < sy;
            }
            case INT, EXT, ID, SI -> true; // may is exact for these once both events happen
            case LOC -> {
                int cx = cell(enc, x);
                yield cx >= 0 && cx == cell(enc, y);
            }
            case ADDR -> c.value(y.addr.lit(x.id));
            case DATA -> c.value(y.data.lit(x.id));
            case RMW -> c.value(y.rmw.lit(x.id));
            case CTRL -> enc.exec.control.holds(c, y.thread, y.node, x.id);
            case RF -> c.value(enc.memory.rf.get(x.id, y.id));
            case CO -> c.value(enc.memory.co.get(x.id, y.id));
        };
    }

    /** The location a memory event accesses in the model, -1 for a fence. */
    private static int cell(Encoding enc, Event e) {
        for (int k = 0; k < e.cells.length; k++) if (enc.circuit.value(e.cellLits[k])) return e.cells[k];
        return -1;
    }

    private static Execution.Event describe(Encoding enc, Event e, int id) {
        if (e.isInit()) {
            return new Execution.Event(id, -1, "init", -1, Execution.Kind.INIT, location(enc, e),
                    WitnessBuilder.value(enc, e), null, false, null);
        }
        InterruptEncoding ie = enc.interrupts;
        int host = ie.cpu(e.thread);
        ThreadProgram hostThread = enc.threads.get(host);
        int slot = ie.slot(e.thread);
        String thread = hostThread.code.name();
        int handler = -1;
        if (slot >= 0) {
            handler = ie.slots.get(slot).index();
            thread += " " + WitnessBuilder.source(enc, slot) + " #" + (handler + 1);
        }
        Execution.Kind kind = e.fence != null ? Execution.Kind.FENCE : e.read ? Execution.Kind.READ : Execution.Kind.WRITE;
        boolean memory = kind != Execution.Kind.FENCE;
        return new Execution.Event(id, hostThread.id(), thread, handler, kind, memory ? location(enc, e) : null,
                memory ? WitnessBuilder.value(enc, e) : null, e.fence, e.exclusive, e.instr);
    }

    private static String location(Encoding enc, Event e) {
        int cell = cell(enc, e);
        return cell < 0 ? "?" : enc.locations.name(cell);
    }
}
