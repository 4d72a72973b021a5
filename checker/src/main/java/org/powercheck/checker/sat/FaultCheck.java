package org.powercheck.checker.sat;

import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.CheckTimeoutException;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Program;

/**
 * Zero executions is never a verdict. When an engine finds no final state and no execution cut
 * by the bound, this says why: either an access outside every cell (or misaligned) ends every
 * execution the model would allow, which is an error in the program at that access, or the
 * program has no execution at all (its assumptions or filter are never met), which makes any
 * verdict vacuous.
 */
public final class FaultCheck {
    private FaultCheck() {}

    /**
     * Throws an {@link InputException} at the access when some faulting execution exists; returns
     * normally when the program genuinely has no execution.
     */
    public static void explain(Program program, CheckOptions options) throws CheckTimeoutException {
        Encoding enc = new Encoding(program, options, RelationEncoder.DEFAULT_LAZY_TERMS, Faults.diagnose());
        Circuit c = enc.circuit;
        Faults faults = enc.exec.faults;
        if (faults.noted.isEmpty()) return;
        int n = enc.threads.size();
        int[] ended = new int[n + 1];
        for (int t = 0; t < n; t++) {
            int[] any = new int[faults.noted.size() + 1];
            int m = 0;
            any[m++] = enc.exec.exitGuard[t];
            for (Faults.Fault f : faults.noted) if (f.thread() == t) any[m++] = f.lit();
            ended[t] = c.or(any, m);
            // an interrupt slot that is not taken has nothing to end
            if (t >= program.threads().size()) ended[t] = c.implies(enc.exec.startGuard[t], ended[t]);
        }
        int[] all = new int[faults.noted.size()];
        for (int i = 0; i < all.length; i++) all[i] = faults.noted.get(i).lit();
        ended[n] = c.or(all, all.length);
        if (!enc.solve(c.and(ended, n + 1))) return;
        for (Faults.Fault f : faults.noted) {
            if (c.value(f.lit())) throw new InputException(f.pos(), f.kind().message + " (every execution"
                    + " the model allows ends there)");
        }
    }
}
