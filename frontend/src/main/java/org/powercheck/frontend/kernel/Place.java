package org.powercheck.frontend.kernel;

import org.powercheck.ir.Expr;
import org.powercheck.ir.Reg;

/** An lvalue: a local held in a register, or memory at an address computed from registers. */
sealed interface Place {
    KType type();

    record InRegister(Reg reg, KType type) implements Place {}

    record InMemory(Expr address, KType type) implements Place {}
}
