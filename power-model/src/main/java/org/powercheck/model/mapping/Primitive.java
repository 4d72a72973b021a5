package org.powercheck.model.mapping;

import java.util.List;
import org.powercheck.ir.Expr;

/**
 * A kernel primitive with its POWER instruction sequence.
 *
 * @param params how each argument must be lowered (the arity is its size)
 * @param result what the primitive yields, and so the C type of its value
 */
public record Primitive(String name, List<ArgKind> params, Result result, Body body) {
    public Primitive {
        params = List.copyOf(params);
    }

    /** What a primitive returns; a front end gives the value its C type from this. */
    public enum Result {
        /** Nothing: {@code WRITE_ONCE}, {@code atomic_inc}, {@code spin_lock}. */
        NONE,
        /** A value of the location accessed: {@code READ_ONCE}, {@code xchg}, {@code atomic_fetch_add}. */
        LOCATION,
        /** A truth value, 0 or 1: {@code try_cmpxchg}, {@code atomic_dec_and_test}, {@code spin_trylock}. */
        TRUTH
    }

    public boolean hasResult() {
        return result != Result.NONE;
    }

    /** Emits the sequence; returns the result (a register or an expression over registers), or null. */
    @FunctionalInterface
    public interface Body {
        Expr emit(Invocation call, CodeSink out);
    }

    public Expr emit(Invocation call, CodeSink out) {
        if (call.args().size() != params.size()) {
            throw new IllegalArgumentException(name + " takes " + params.size() + " arguments");
        }
        return body.emit(call, out);
    }
}
