package org.powercheck.model.mapping;

import org.powercheck.ir.Expr;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.Width;

/**
 * The building blocks of {@code lwarx}/{@code stwcx.} sequences. A retry loop is modelled as its
 * last, successful iteration: one reserving load, one store-conditional that must succeed. The
 * loop's {@code bne- 1b} stays a real branch (to the dead end) because under ppc.cat it carries
 * a control dependency from every read its CR0 depends on to everything after it.
 */
final class LlSc {
    private LlSc() {}

    /** {@code lwarx dst,0,address}. */
    static Reg loadReserve(Reg dst, Expr address, Width width, CodeSink out, SourcePos pos) {
        out.emit(new Instr.Load(dst, address, width, false, true, pos));
        return dst;
    }

    /** {@code stwcx. value,0,address; bne- 1b}, modelled as the successful attempt. */
    static void storeConditional(Expr value, Expr address, Width width, CodeSink out, SourcePos pos) {
        Reg status = out.temp();
        out.emit(new Instr.StoreConditional(value, address, width, status, pos));
        out.emit(new Instr.Branch(new Expr.RegRef(status), out.retryDeadEnd(), pos));
    }

    /** {@code rN = expr} for the register-only part of a loop body ({@code add}, {@code mr}, ...). */
    static Reg compute(Expr value, CodeSink out, SourcePos pos) {
        Reg r = out.temp();
        out.emit(new Instr.Assign(r, value, pos));
        return r;
    }

    /** Non-zero iff {@code a} and {@code b} differ in the low {@code width} bits, as {@code cmpw}/{@code cmpd} see them. */
    static Expr differ(Width width, Expr a, Expr b) {
        return switch (width) {
            case DOUBLE -> new Expr.Binary(Expr.BinOp.NE, a, b);
            case WORD -> new Expr.Binary(Expr.BinOp.CMPW, a, b);
            case HALF, BYTE -> {
                Expr mask = new Expr.Const(width.truncate(-1));
                yield new Expr.Binary(Expr.BinOp.NE,
                        new Expr.Binary(Expr.BinOp.AND, a, mask), new Expr.Binary(Expr.BinOp.AND, b, mask));
            }
        };
    }

    /** 1 if {@code a} and {@code b} differ in the low {@code width} bits, else 0: a C truth value. */
    static Expr differs(Width width, Expr a, Expr b) {
        if (width == Width.DOUBLE) return new Expr.Binary(Expr.BinOp.NE, a, b);
        return new Expr.Unary(Expr.UnOp.LOGICAL_NOT, equal(width, a, b));
    }

    /** Non-zero iff {@code a} and {@code b} are equal in the low {@code width} bits. */
    static Expr equal(Width width, Expr a, Expr b) {
        if (width == Width.DOUBLE) return new Expr.Binary(Expr.BinOp.EQ, a, b);
        return new Expr.Unary(Expr.UnOp.LOGICAL_NOT, differ(width, a, b));
    }

    /** The signed value of the low {@code width} bits, for sign tests on a loaded value. */
    static Expr signed(Width width, Expr e) {
        return width == Width.WORD ? new Expr.Unary(Expr.UnOp.EXTEND_WORD, e) : e;
    }

    static Expr reg(Reg r) {
        return new Expr.RegRef(r);
    }
}
