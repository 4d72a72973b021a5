package org.powercheck.model.mapping;

import org.powercheck.ir.Instr;
import org.powercheck.ir.Reg;

/** Where a front end collects the instructions of one thread while it lowers source code. */
public interface CodeSink {
    void emit(Instr instr);

    /** A fresh register that no source-level name can clash with. */
    Reg temp();

    /** A fresh label that no source-level label can clash with. */
    String label();

    /**
     * The label of a dead end: a path that only a failing iteration of a retry loop (a failed
     * {@code stwcx.}, a spin on a taken lock) would take. Those iterations have no effect another
     * thread can see, so they are not modelled; branching here cuts the path off while keeping
     * the branch, and with it the control dependency the real loop creates.
     */
    String retryDeadEnd();
}
