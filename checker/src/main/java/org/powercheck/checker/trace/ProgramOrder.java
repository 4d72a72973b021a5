package org.powercheck.checker.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.powercheck.checker.Execution;
import org.powercheck.model.Rel;

/**
 * The events of each CPU in program order, the interrupts it took included: an event's place is
 * the number of the CPU's events po-before it (parts of one access share a place).
 */
public final class ProgramOrder {
    private ProgramOrder() {}

    /** Per CPU id, in increasing order: its events in program order. */
    public static TreeMap<Integer, List<Execution.Event>> perCpu(Execution x) {
        TreeMap<Integer, List<Execution.Event>> out = new TreeMap<>();
        for (Execution.Event e : x.events()) {
            if (e.kind() != Execution.Kind.INIT) out.computeIfAbsent(e.cpu(), k -> new ArrayList<>()).add(e);
        }
        for (List<Execution.Event> events : out.values()) {
            int[] before = new int[x.size()];
            for (Execution.Event a : events) {
                for (Execution.Event b : events) if (x.related(Rel.Base.PO, a.id(), b.id())) before[b.id()]++;
            }
            events.sort(Comparator.comparingInt((Execution.Event e) -> before[e.id()]).thenComparingInt(Execution.Event::id));
        }
        return out;
    }
}
