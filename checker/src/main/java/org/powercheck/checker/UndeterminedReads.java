package org.powercheck.checker;

import org.powercheck.ir.Instr;
import org.powercheck.ir.Program;
import org.powercheck.ir.ThreadCode;
import org.powercheck.model.Model;

/**
 * Whether a read of a program with {@link Program#symbolicReads() symbolic reads} can be
 * ungrounded, so that the engines must offer the {@link org.powercheck.ir.Undetermined
 * undetermined} value. An ungrounded read lies on a cycle that alternates reads-from and data
 * dependencies (read to a store whose value it computes). The cycle cannot stay in one thread
 * under a model with coherence, {@link Uniproc}: its reads would read program-order later
 * writes), and each thread it visits has a store whose value some load computes: so it needs two
 * threads with such a store (one without coherence). Most litmus tests store constants and pay
 * nothing.
 */
public final class UndeterminedReads {
    private UndeterminedReads() {}

    public static boolean possible(Program program, Model model) {
        if (!program.symbolicReads()) return false;
        if (!program.interrupts().sources().isEmpty()) return true;
        int storingLoaded = 0;
        for (ThreadCode t : program.threads()) if (storesLoadedValue(t)) storingLoaded++;
        return storingLoaded >= (Uniproc.holds(model) ? 2 : 1);
    }

    /** Some store's value uses a register a load's value reaches (flow-insensitively). */
    private static boolean storesLoadedValue(ThreadCode t) {
        LoadedRegisters loaded = LoadedRegisters.of(t);
        for (Instr in : t.code()) if (loaded.storesLoadedValue(in)) return true;
        return false;
    }
}
