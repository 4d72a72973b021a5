package org.powercheck.frontend.litmus;

import org.powercheck.ir.Expr;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.StateKey;

/**
 * Turns the locations a condition names into state keys. A front end overrides the methods to
 * check names against its test (thread count, register syntax) and to learn which memory cells
 * the condition mentions; {@link #PLAIN} accepts every name.
 */
public interface KeyResolver {
    KeyResolver PLAIN = new KeyResolver() {};

    /**
     * The resolver for the names of a {@code locations [...]} list, which herd7 prints even when
     * they name nothing the test declares (a register no thread has is 0 in every state).
     */
    default KeyResolver listing() {
        return this;
    }

    /** {@code 0:r1} or {@code P0:r1}. */
    default StateKey register(int thread, String name, SourcePos pos) {
        return new StateKey.RegKey(thread, new Reg(name));
    }

    /** A herd symbolic register ({@code %x0}), written without a thread; {@code name} includes the {@code %}. */
    default StateKey symbolicRegister(String name, SourcePos pos) {
        throw new InputException(pos, "symbolic register " + name + " is not allowed here");
    }

    /** {@code x} or {@code [x]}. */
    default StateKey memory(String name, SourcePos pos) {
        return new StateKey.MemKey(name);
    }

    /** A location name used as a value ({@code 1:r2=x}): the address of that cell. */
    default Expr address(String name, SourcePos pos) {
        return new Expr.Addr(name);
    }
}
