package org.powercheck.model.interrupts;

import java.util.List;
import org.powercheck.ir.ThreadCode;

/**
 * One interrupt a CPU may take: code that runs once, between two instructions of the CPU's
 * thread, or not at all. The slots of a CPU are taken in order (slot k+1 only after slot k, at
 * the same point or later), each runs one of the CPU's sources, chosen freely.
 *
 * @param host        index of the interrupted thread in the program's thread list
 * @param index       0 for the CPU's first interrupt, 1 for its second, ...
 * @param code        entry, handler and exit of every source, behind a dispatch on the source
 * @param sources     the source each dispatch value runs, by the value of {@link InterruptSlots#SOURCE}
 * @param triggerCells the cells whose triggers this CPU's deliveries read
 */
public record InterruptSlot(int host, int index, ThreadCode code, List<String> sources, List<String> triggerCells) {
    public InterruptSlot {
        sources = List.copyOf(sources);
        triggerCells = List.copyOf(triggerCells);
    }
}
