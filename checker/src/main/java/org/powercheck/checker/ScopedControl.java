package org.powercheck.checker;

import java.util.List;
import org.powercheck.ir.Instr;
import org.powercheck.ir.ThreadCode;

/**
 * Whether code was lowered with scoped control dependencies (the LKMM's C semantics: an
 * {@code if} controls its own branches only). Then a write after an {@code if} does not depend
 * on the reads of its condition, and a value may be justified by a cycle through such a
 * condition (herd7's LKMM allows crypto-control-data's {@code r1=1}); the value analyses must
 * not drop a path because the values found so far never take it.
 */
public final class ScopedControl {
    private ScopedControl() {}

    public static boolean in(List<ThreadCode> threads) {
        for (ThreadCode t : threads) {
            for (Instr in : t.code()) {
                if (in instanceof Instr.Branch b && b.scopeEnd() != null) return true;
            }
        }
        return false;
    }
}
