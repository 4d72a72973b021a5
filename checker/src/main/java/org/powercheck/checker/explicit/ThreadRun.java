package org.powercheck.checker.explicit;

import java.util.List;
import java.util.Map;
import org.powercheck.ir.Reg;

/**
 * One concrete path of one thread: its events in program order and its final registers.
 *
 * @param registerIndex where each register's value is in {@code values} (shared by a thread's runs)
 * @param cut the path stopped because a backward branch exceeded the unrolling bound; its
 *            events are those before the cut and it has no final state
 */
record ThreadRun(List<LocalEvent> events, Map<Reg, Integer> registerIndex, long[] values, boolean cut) {
    /** The final value of {@code r}; 0 for a register the thread never mentions. */
    long register(Reg r) {
        Integer i = registerIndex.get(r);
        return i == null ? 0 : values[i];
    }
}
