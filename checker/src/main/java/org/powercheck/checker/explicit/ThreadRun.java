package org.powercheck.checker.explicit;

import java.util.List;
import java.util.Map;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Reg;

/**
 * One concrete path of one thread: its events in program order and its final registers. For a
 * CPU that takes interrupts, the path of its thread records its instruction boundaries, and the
 * CPU's run is that path with the handlers' runs inserted at some of them ({@link CpuRuns}).
 *
 * @param registerIndex where each register's value is in {@code values} (shared by a thread's runs)
 * @param cut the path stopped because a backward branch exceeded the unrolling bound; its
 *            events are those before the cut and it has no final state
 * @param boundaries  the instruction boundaries of the path, in order (null when not recorded)
 * @param killRanges  per successful store-conditional: the boundaries {first, last} at which an
 *                    interrupt would have cleared its reservation
 * @param interrupts  the interrupts taken in this run, in order
 */
record ThreadRun(List<LocalEvent> events, Map<Reg, Integer> registerIndex, long[] values, boolean cut,
                 List<Boundary> boundaries, List<int[]> killRanges, List<Taken> interrupts) {
    ThreadRun(List<LocalEvent> events, Map<Reg, Integer> registerIndex, long[] values, boolean cut) {
        this(events, registerIndex, values, cut, null, List.of(), List.of());
    }

    /** The final value of {@code r}; 0 for a register the thread never mentions. */
    long register(Reg r) {
        Integer i = registerIndex.get(r);
        return i == null ? 0 : values[i];
    }

    /**
     * A point between two instructions of a path.
     *
     * @param events  how many of the path's events come before it
     * @param enabled interrupts are effectively enabled there
     * @param after   the instruction just before it (null: before the first one)
     */
    record Boundary(int events, boolean enabled, Instr after) { }

    /**
     * An interrupt taken in a CPU's run.
     *
     * @param at         the boundary of the thread's path it was taken at
     * @param source     the handler that ran
     * @param replayed   the boundary follows a masked one: the point where soft-masked interrupts are replayed
     * @param masked     the point itself was masked (possible only when every boundary is allowed)
     */
    record Taken(Boundary at, String source, boolean replayed, boolean masked) { }
}
