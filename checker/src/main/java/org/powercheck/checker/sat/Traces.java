package org.powercheck.checker.sat;

import org.powercheck.ir.Instr;
import org.powercheck.ir.Program;
import org.powercheck.ir.ThreadCode;

/**
 * Whether a witness execution is recorded for the trace, which explains an outcome with
 * ppc.cat's relations: not for a program lowered for the LKMM (its tag-only events, such as
 * {@code smp_rmb()}'s, are no POWER events; its plain accesses are no lwz). Such a report has the herd-style lines only.
 */
public final class Traces {
    private Traces() {}

    public static boolean recordable(Program program) {
        if (program.symbolicReads()) return false;
        for (ThreadCode t : program.threads()) {
            for (Instr in : t.code()) {
                // LKMM-lowered code (events with the bell's tags) has no POWER trace.
                if (!in.tags().isEmpty()) return false;
            }
        }
        return true;
    }
}
