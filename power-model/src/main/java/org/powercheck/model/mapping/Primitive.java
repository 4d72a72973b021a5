package org.powercheck.model.mapping;

import java.util.List;
import org.powercheck.ir.Expr;

/**
 * A kernel primitive with its POWER instruction sequence.
 *
 * @param params    how each argument must be lowered (the arity is its size)
 * @param hasResult whether the primitive yields a value
 */
public record Primitive(String name, List<ArgKind> params, boolean hasResult, Body body) {
    public Primitive {
        params = List.copyOf(params);
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
