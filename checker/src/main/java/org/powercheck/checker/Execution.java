package org.powercheck.checker;

import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.powercheck.ir.FenceKind;
import org.powercheck.ir.Instr;
import org.powercheck.model.EventSet;
import org.powercheck.model.Rel;

/**
 * One allowed execution as plain data, whichever engine found it: the events that happened and
 * the model's primitive relations and sets over them. Traces, pictures and explanations are
 * computed from it, so they say the same whatever engine ran.
 *
 * @param relations per primitive relation, row i = the events that event i is related to
 * @param sets      per primitive set, its events
 * @param fences    per fence kind, its fence events
 */
public record Execution(List<Event> events, Map<Rel.Base, BitSet[]> relations, Map<EventSet.Base, BitSet> sets,
                        Map<FenceKind, BitSet> fences) {
    public Execution {
        events = List.copyOf(events);
        relations = Map.copyOf(new EnumMap<>(relations));
        sets = Map.copyOf(new EnumMap<>(sets));
        fences = Map.copyOf(new EnumMap<>(fences));
    }

    public enum Kind { INIT, READ, WRITE, FENCE }

    /**
     * One event.
     *
     * @param cpu      the CPU it ran on (its thread's id), -1 for an initial write
     * @param thread   the code it belongs to: the thread's name ({@code P0}), or for an interrupt
     *                 handler the CPU's name, the source and the interrupt's number ({@code P1 doorbell_exception #1})
     * @param handler  the interrupt it ran in (0 for the first one a CPU takes), -1 in the thread itself
     * @param location the location accessed, null for a fence
     * @param value    the value read or written as herd prints it, null for a fence
     * @param instr    the instruction it came from, null for an initial write
     */
    public record Event(int id, int cpu, String thread, int handler, Kind kind, String location, String value,
                        FenceKind fence, boolean exclusive, Instr instr) {
        /** {@code W x=1}, {@code R y=0}, {@code F lwsync} */
        public String label() {
            return switch (kind) {
                case INIT, WRITE -> "W " + location + "=" + value;
                case READ -> "R " + location + "=" + value;
                case FENCE -> "F " + fence.mnemonic();
            };
        }

        public boolean isMemory() {
            return kind != Kind.FENCE;
        }
    }

    public int size() {
        return events.size();
    }

    public boolean related(Rel.Base base, int a, int b) {
        return relations.get(base)[a].get(b);
    }
}
