package org.powercheck.checker.explicit;

import java.util.List;
import java.util.Map;
import org.powercheck.ir.Reg;

/**
 * One concrete path of one thread: its events in program order and its final registers.
 *
 * @param cut the path stopped because a backward branch exceeded the unrolling bound; its
 *            events are those before the cut and it has no final state
 */
record ThreadRun(List<LocalEvent> events, Map<Reg, Long> registers, boolean cut) {
    long register(Reg r) {
        Long v = registers.get(r);
        return v == null ? 0 : v;
    }
}
