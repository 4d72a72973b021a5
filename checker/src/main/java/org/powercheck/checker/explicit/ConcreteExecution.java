package org.powercheck.checker.explicit;

import org.powercheck.ir.FenceKind;
import org.powercheck.model.EventSet;
import org.powercheck.model.Rel;

/** One fully chosen candidate execution: what the primitive relations and sets of cat denote. */
interface ConcreteExecution {
    /** Number of events; they are numbered {@code 0..size()-1}. */
    int size();

    BitMatrix relation(Rel.Base base);

    long[] set(EventSet.Base base);

    long[] fences(FenceKind kind);

    /** The events of instructions carrying this LKMM tag. */
    long[] tagged(String tag);
}
