package org.powercheck.ir;

import java.util.Set;
import java.util.TreeSet;

/**
 * A register computation: the right-hand side of an {@link Instr.Assign}, an address or a stored
 * value. Dependencies are syntactic, as in herd: every register an expression mentions carries
 * its dependencies into the result, even when the value cannot depend on it ({@code r1 xor r1}).
 */
public sealed interface Expr {
    record Const(long value) implements Expr {
        @Override public String toString() { return Long.toString(value); }
    }

    /** The address of a memory cell (herd's {@code 0:r2=x}, C's {@code &x}). */
    record Addr(String cell) implements Expr {
        @Override public String toString() { return "&" + cell; }
    }

    record RegRef(Reg reg) implements Expr {
        @Override public String toString() { return reg.name(); }
    }

    record Unary(UnOp op, Expr arg) implements Expr {
        @Override public String toString() { return op.name().toLowerCase() + "(" + arg + ")"; }
    }

    record Binary(BinOp op, Expr left, Expr right) implements Expr {
        @Override public String toString() { return "(" + left + " " + op.symbol + " " + right + ")"; }
    }

    /** {@code cond ? then : otherwise}; the result depends on all three. */
    record Select(Expr cond, Expr then, Expr otherwise) implements Expr {
        @Override public String toString() { return "(" + cond + " ? " + then + " : " + otherwise + ")"; }
    }

    enum UnOp {
        NEG, NOT, LOGICAL_NOT,
        /** sign-extend the low 32 bits ({@code extsw}, {@code lwa}) */
        EXTEND_WORD,
        /** zero the high 32 bits ({@code clrldi r,r,32}) */
        CLEAR_HIGH_WORD;

        public long apply(long v) {
            if (Undetermined.is(v)) return v;
            return switch (this) {
                case NEG -> -v;
                case NOT -> ~v;
                case LOGICAL_NOT -> v == 0 ? 1 : 0;
                case EXTEND_WORD -> (long) (int) v;
                case CLEAR_HIGH_WORD -> v & 0xffffffffL;
            };
        }
    }

    enum BinOp {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%"), AND("&"), OR("|"), XOR("^"),
        SHL("<<"), SHR(">>>"), SAR(">>"),
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
        LTU("<u"), GTU(">u"),
        /** three-way signed compare, the value of a POWER CR field: -1 (LT), 0 (EQ), 1 (GT) */
        CMP("cmp"),
        /** three-way unsigned compare ({@code cmplw}) */
        CMPU("cmpu"),
        /** three-way signed compare of the low 32 bits ({@code cmpw}) */
        CMPW("cmpw"),
        /** three-way unsigned compare of the low 32 bits ({@code cmplw}) */
        CMPWU("cmplw"),
        /**
         * Assembly's addition: an address plus a number of ABI bytes, which may cross into another
         * cell of the same object ({@link Layout#byteAdd}); plain addition otherwise. Only an
         * evaluator that has the layout can apply it.
         */
        BYTE_ADD("+b"),
        /**
         * An address rounded down to a multiple of a power of two ({@code right} is the mask,
         * {@code ~15}) in ABI bytes of its object, as {@code lvx}/{@code stvx} round it.
         */
        BYTE_ALIGN("&b");

        public final String symbol;

        BinOp(String symbol) {
            this.symbol = symbol;
        }

        public long apply(long a, long b) {
            if (Undetermined.is(a) || Undetermined.is(b)) return Undetermined.VALUE;
            return switch (this) {
                case ADD -> a + b;
                case SUB -> a - b;
                case MUL -> a * b;
                case DIV -> b == 0 ? 0 : a / b;
                case MOD -> b == 0 ? 0 : a % b;
                case AND -> a & b;
                case OR -> a | b;
                case XOR -> a ^ b;
                case SHL -> a << (b & 63);
                case SHR -> a >>> (b & 63);
                case SAR -> a >> (b & 63);
                case EQ -> a == b ? 1 : 0;
                case NE -> a != b ? 1 : 0;
                case LT -> a < b ? 1 : 0;
                case LE -> a <= b ? 1 : 0;
                case GT -> a > b ? 1 : 0;
                case GE -> a >= b ? 1 : 0;
                case LTU -> Long.compareUnsigned(a, b) < 0 ? 1 : 0;
                case GTU -> Long.compareUnsigned(a, b) > 0 ? 1 : 0;
                case CMP -> Long.signum(Long.compare(a, b));
                case CMPU -> Long.signum(Long.compareUnsigned(a, b));
                case CMPW -> Long.signum(Integer.compare((int) a, (int) b));
                case CMPWU -> Long.signum(Integer.compareUnsigned((int) a, (int) b));
                case BYTE_ADD, BYTE_ALIGN -> throw new IllegalStateException(this + " needs the layout: Layout.apply");
            };
        }
    }

    static Const constant(long v) {
        return new Const(v);
    }

    static RegRef reg(Reg r) {
        return new RegRef(r);
    }

    /** The registers this expression reads: the carriers of its dependencies. */
    default Set<Reg> registers() {
        Set<Reg> out = new TreeSet<>();
        collectRegisters(this, out);
        return out;
    }

    private static void collectRegisters(Expr e, Set<Reg> out) {
        switch (e) {
            case Const c -> { }
            case Addr a -> { }
            case RegRef r -> out.add(r.reg());
            case Unary u -> collectRegisters(u.arg(), out);
            case Binary b -> {
                collectRegisters(b.left(), out);
                collectRegisters(b.right(), out);
            }
            case Select s -> {
                collectRegisters(s.cond(), out);
                collectRegisters(s.then(), out);
                collectRegisters(s.otherwise(), out);
            }
        }
    }
}
