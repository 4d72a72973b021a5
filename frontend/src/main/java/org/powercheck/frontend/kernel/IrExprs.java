package org.powercheck.frontend.kernel;

import org.powercheck.ir.Expr;

/** Small constructors for IR expressions that fold constants, so that {@code -1} is a constant. */
final class IrExprs {
    private IrExprs() {}

    static Expr unary(Expr.UnOp op, Expr arg) {
        if (arg instanceof Expr.Const c) return new Expr.Const(op.apply(c.value()));
        return new Expr.Unary(op, arg);
    }

    static Expr binary(Expr.BinOp op, Expr left, Expr right) {
        if (left instanceof Expr.Const a && right instanceof Expr.Const b) {
            return new Expr.Const(op.apply(a.value(), b.value()));
        }
        return new Expr.Binary(op, left, right);
    }

    /** {@code cond ? then : otherwise}, decided now when the condition is a constant. */
    static Expr select(Expr cond, Expr then, Expr otherwise) {
        if (cond instanceof Expr.Const c) return c.value() != 0 ? then : otherwise;
        return new Expr.Select(cond, then, otherwise);
    }

    /**
     * The condition under which a branch skips a block guarded by {@code cond}: the comparison
     * turned around when there is one (same registers, so the same dependencies), else {@code cond == 0}.
     */
    static Expr negate(Expr cond) {
        if (cond instanceof Expr.Binary b) {
            Expr.BinOp flipped = switch (b.op()) {
                case EQ -> Expr.BinOp.NE;
                case NE -> Expr.BinOp.EQ;
                case LT -> Expr.BinOp.GE;
                case GE -> Expr.BinOp.LT;
                case GT -> Expr.BinOp.LE;
                case LE -> Expr.BinOp.GT;
                default -> null;
            };
            if (flipped != null) return new Expr.Binary(flipped, b.left(), b.right());
        }
        if (cond instanceof Expr.Unary u && u.op() == Expr.UnOp.LOGICAL_NOT) return u.arg();
        return binary(Expr.BinOp.EQ, cond, new Expr.Const(0));
    }

    static boolean isComparison(Expr.BinOp op) {
        return switch (op) {
            case EQ, NE, LT, LE, GT, GE, LTU, GTU -> true;
            default -> false;
        };
    }

    /** {@code e != 0} as 0 or 1; comparisons already are. */
    static Expr truth(Expr e) {
        if (e instanceof Expr.Binary b && isComparison(b.op())) return e;
        if (e instanceof Expr.Unary u && u.op() == Expr.UnOp.LOGICAL_NOT) return e;
        return binary(Expr.BinOp.NE, e, new Expr.Const(0));
    }
}
