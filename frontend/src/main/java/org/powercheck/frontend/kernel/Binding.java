package org.powercheck.frontend.kernel;

import org.powercheck.ir.Expr;
import org.powercheck.ir.Reg;

/** What a name declared in a function means. */
sealed interface Binding {
    /** A local whose address is never taken: a register named after it. */
    record Local(Reg reg, KType type) implements Binding {}

    /** A local in memory (its address is taken, or it is an array or struct), or a static local. */
    record Object(Expr address, KType type) implements Binding {}

    /**
     * A local that is never assigned after it gets a value known at lowering time (an inlined
     * function's parameter bound to a constant or an address): reading it gives the value itself.
     */
    record Constant(Val value) implements Binding {}

    /** A litmus thread's parameter: the address of the shared location of that name; not a variable. */
    record SharedParam(Expr address, KType type) implements Binding {}
}
