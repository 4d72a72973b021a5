package org.powercheck.checker.sat;

import java.util.ArrayList;
import java.util.List;
import org.powercheck.ir.Locations;
import org.powercheck.ir.SourcePos;

/**
 * What the symbolic execution does with an access whose address is no access (outside every
 * cell, misaligned). Normally such an execution is no candidate: a clause rules it out. To
 * explain a program with no execution at all, {@link #diagnose} instead ends the thread's
 * path there and records the fault, so that a solver can tell whether some execution, allowed
 * by the model up to that point, makes it ({@link FaultCheck}).
 */
final class Faults {
    /** A fault that happens when {@code lit} is true. */
    record Fault(int thread, int lit, SourcePos pos, Locations.Fault kind) { }

    private final boolean diagnosing;
    final List<Fault> noted = new ArrayList<>();

    private Faults(boolean diagnosing) {
        this.diagnosing = diagnosing;
    }

    static Faults rejecting() {
        return new Faults(false);
    }

    static Faults diagnose() {
        return new Faults(true);
    }

    boolean diagnosing() {
        return diagnosing;
    }

    void note(int thread, int lit, SourcePos pos, Locations.Fault kind) {
        if (lit != Circuit.FALSE) noted.add(new Fault(thread, lit, pos, kind));
    }
}
