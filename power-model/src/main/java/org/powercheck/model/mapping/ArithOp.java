package org.powercheck.model.mapping;

import static org.powercheck.model.mapping.ArgKind.POINTER;
import static org.powercheck.model.mapping.ArgKind.VALUE;

import java.util.List;
import java.util.function.UnaryOperator;
import org.powercheck.ir.Expr;

/** An arithmetic update {@code new = old OP operand}; inc/dec have a fixed operand. */
enum ArithOp {
    ADD("add", Expr.BinOp.ADD, null), SUB("sub", Expr.BinOp.SUB, null),
    AND("and", Expr.BinOp.AND, null), OR("or", Expr.BinOp.OR, null), XOR("xor", Expr.BinOp.XOR, null),
    ANDNOT("andnot", Expr.BinOp.AND, null),
    INC("inc", Expr.BinOp.ADD, 1L), DEC("dec", Expr.BinOp.SUB, 1L);

    final String word;
    final Expr.BinOp binop;
    final Long fixed;

    ArithOp(String word, Expr.BinOp binop, Long fixed) {
        this.word = word;
        this.binop = binop;
        this.fixed = fixed;
    }

    /** {@code atomic_add(i, v)} but {@code atomic_inc(v)}. */
    List<ArgKind> params() {
        return fixed == null ? List.of(VALUE, POINTER) : List.of(POINTER);
    }

    Expr pointer(Invocation c) {
        return c.arg(fixed == null ? 1 : 0);
    }

    UnaryOperator<Expr> update(Invocation c) {
        Expr operand = fixed == null ? c.arg(0) : new Expr.Const(fixed);
        Expr rhs = this == ANDNOT ? new Expr.Unary(Expr.UnOp.NOT, operand) : operand;
        return old -> new Expr.Binary(binop, old, rhs);
    }

    boolean hasReturnForm() {
        return this == ADD || this == SUB || this == INC || this == DEC;
    }
}
