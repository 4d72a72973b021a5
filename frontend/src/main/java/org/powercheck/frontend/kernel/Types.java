package org.powercheck.frontend.kernel;

import org.powercheck.ir.Expr;
import org.powercheck.ir.InputException;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.Width;

/**
 * The scalar types of ppc64le C and C's conversions between them. Register values are kept in
 * canonical form: a value of a type narrower than 64 bits is sign- or zero-extended from its
 * width, so comparisons and right shifts can work on the whole register. Arithmetic that can
 * leave that form (add, multiply, shift left, negate, complement) and narrowing conversions are
 * followed by {@link #normalize}.
 */
final class Types {
    static final KType.Void VOID = new KType.Void();

    final KType.Scalar intType = new KType.Scalar(Width.WORD, true, false, "int");
    final KType.Scalar unsignedInt = new KType.Scalar(Width.WORD, false, false, "unsigned int");
    final KType.Scalar longType = new KType.Scalar(Width.DOUBLE, true, false, "long");
    final KType.Scalar unsignedLong = new KType.Scalar(Width.DOUBLE, false, false, "unsigned long");
    /** ppc64le: char is unsigned */
    final KType.Scalar charType = new KType.Scalar(Width.BYTE, false, false, "char");
    final KType.Scalar boolType = new KType.Scalar(Width.BYTE, false, true, "_Bool");

    /** An integer type from its width and signedness. */
    KType.Scalar scalar(Width width, boolean signed, String spelling) {
        return new KType.Scalar(width, signed, false, spelling);
    }

    /** The integer promotions: everything narrower than int computes as int. */
    KType promote(KType t) {
        if (t instanceof KType.Scalar s && s.width().bits < 32) return intType;
        return t;
    }

    /** The usual arithmetic conversions of two integer operands. */
    KType common(KType a, KType b) {
        KType x = promote(a);
        KType y = promote(b);
        if (!(x instanceof KType.Scalar sx) || !(y instanceof KType.Scalar sy)) return longType;
        if (sx.width() == sy.width()) {
            return sx.signed() && !sy.signed() ? sy : sx;
        }
        // the wider type can hold every value of the narrower one, signed or not
        return sx.width().bits > sy.width().bits ? sx : sy;
    }

    /** The canonical register form of {@code e} as a value of type {@code t}. */
    static Expr normalize(Expr e, KType t) {
        if (!(t instanceof KType.Scalar s)) return e;
        if (s.bool()) return IrExprs.truth(e);
        return switch (s.width()) {
            case DOUBLE -> e;
            case WORD -> IrExprs.unary(s.signed() ? Expr.UnOp.EXTEND_WORD : Expr.UnOp.CLEAR_HIGH_WORD, e);
            case HALF, BYTE -> s.signed()
                    ? IrExprs.binary(Expr.BinOp.SAR, IrExprs.binary(Expr.BinOp.SHL, e, shift(s)), shift(s))
                    : IrExprs.binary(Expr.BinOp.AND, e, new Expr.Const(s.width().truncate(-1)));
        };
    }

    private static Expr shift(KType.Scalar s) {
        return new Expr.Const(64 - s.width().bits);
    }

    /** What to do about a type only a header defines, when headers are not read (no --kernel-tree). */
    static final String NO_HEADERS_HINT =
            "; kernel headers are not read, so define it in the harness or --havoc the function that uses it";
    static final String NO_HEADERS_STRUCT_HINT =
            " (kernel headers are not read: define it, with the members the code uses, in the harness)";

    /**
     * Fails where code needs to know an {@link KType.Opaque} type (its value, its size, its
     * members): the message names the type and where it was met.
     */
    static KType known(KType t, SourcePos use) {
        if (t instanceof KType.Opaque o) {
            throw new InputException(use, "'" + o.spelling() + "' is used, but its type is not known: " + o.why()
                    + NO_HEADERS_HINT);
        }
        return t;
    }

    /**
     * {@code e}, of type {@code from}, converted to {@code to}. Only conversions that can change
     * the value cost anything: to bool, to a narrower type, or between signed and unsigned types
     * of the same width below 64 bits.
     */
    static Expr convert(Expr e, KType from, KType to) {
        if (!(to instanceof KType.Scalar t)) return e;
        if (t.bool()) {
            return from instanceof KType.Scalar f && f.bool() ? e : IrExprs.truth(e);
        }
        if (t.width() == Width.DOUBLE) return e;
        if (from instanceof KType.Scalar f) {
            if (f.width().bits < t.width().bits) {
                // widening keeps the value, except a negative signed value seen as unsigned
                return f.signed() && !t.signed() ? normalize(e, t) : e;
            }
            if (f.width() == t.width() && f.signed() == t.signed()) return e;
        }
        return normalize(e, t);
    }
}
