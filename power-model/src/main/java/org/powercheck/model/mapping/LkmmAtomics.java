package org.powercheck.model.mapping;

import static org.powercheck.model.mapping.ArgKind.POINTER;
import static org.powercheck.model.mapping.ArgKind.VALUE;
import static org.powercheck.model.mapping.Primitive.Result.TRUTH;

import java.util.List;
import java.util.function.UnaryOperator;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Reg;
import org.powercheck.model.mapping.LkmmRmw.Variant;

/**
 * The read-modify-write primitives of linux-kernel.def (v6.6) under the LKMM: xchg and
 * cmpxchg with their ordering variants, the atomic_t operations, atomic_add_unless (herd7's
 * built-in), and the smp_mb__{before,after}_atomic fences; atomic_read/atomic_set are once
 * accesses. Each is {@link LkmmRmw}'s events with the def's annotation.
 */
final class LkmmAtomics {
    private LkmmAtomics() {}

    /** linux-kernel.def's arithmetic operations: add, sub, inc and dec (not and/or/xor). */
    private static final List<ArithOp> DEF_OPS = List.of(ArithOp.ADD, ArithOp.SUB, ArithOp.INC, ArithOp.DEC);

    static void register(Registry r) {
        r.add("atomic_read", List.of(POINTER), true, (c, out) -> load(c, out, "once"));
        r.add("atomic_set", List.of(POINTER, VALUE), false, (c, out) -> store(c, out, "once"));
        r.add("atomic_read_acquire", List.of(POINTER), true, (c, out) -> load(c, out, "acquire"));
        r.add("atomic_set_release", List.of(POINTER, VALUE), false, (c, out) -> store(c, out, "release"));
        r.add("smp_mb__before_atomic", List.of(), false, (c, out) -> marker(c, out, "before-atomic"));
        r.add("smp_mb__after_atomic", List.of(), false, (c, out) -> marker(c, out, "after-atomic"));

        for (ArithOp op : DEF_OPS) {
            r.add("atomic_" + op.word, op.params(), false, (c, out) -> {
                LkmmRmw.update(Variant.NORETURN, op.pointer(c), op.update(c), out.temp(), out.temp(), c, out);
                return null;
            });
            for (Variant v : Variant.RETURNING) {
                r.add("atomic_" + op.word + "_return" + v.suffix, op.params(), true, (c, out) -> reg(
                        LkmmRmw.update(v, op.pointer(c), op.update(c), out.temp(), c.resultRegister(out), c, out)));
                r.add("atomic_fetch_" + op.word + v.suffix, op.params(), true, (c, out) -> {
                    Reg old = c.resultRegister(out);
                    LkmmRmw.update(v, op.pointer(c), op.update(c), old, out.temp(), c, out);
                    return reg(old);
                });
            }
        }
        for (ArithOp op : List.of(ArithOp.SUB, ArithOp.DEC, ArithOp.INC)) {
            r.add("atomic_" + op.word + "_and_test", op.params(), TRUTH, (c, out) -> {
                Reg stored = LkmmRmw.update(Variant.FULL, op.pointer(c), op.update(c), out.temp(), out.temp(), c, out);
                return assign(c, out, LlSc.equal(c.width(), reg(stored), new Expr.Const(0)));
            });
        }
        r.add("atomic_add_negative", ArithOp.ADD.params(), TRUTH, (c, out) -> {
            Reg stored = LkmmRmw.update(Variant.FULL, c.arg(1), ArithOp.ADD.update(c), out.temp(), out.temp(), c, out);
            return assign(c, out, new Expr.Binary(Expr.BinOp.LT, LlSc.signed(c.width(), reg(stored)), new Expr.Const(0)));
        });
        // herd7's atomic_add_unless(v, a, u): adds a unless *v is u; true if it added.
        r.add("atomic_add_unless", List.of(POINTER, VALUE, VALUE), TRUTH, (c, out) -> {
            Reg old = out.temp();
            UnaryOperator<Expr> writes = o -> LlSc.differ(c.width(), o, c.arg(2));
            LkmmRmw.conditional(Variant.FULL, c.arg(0), writes, o -> new Expr.Binary(Expr.BinOp.ADD, o, c.arg(1)),
                    old, c, out);
            return assign(c, out, LlSc.differs(c.width(), reg(old), c.arg(2)));
        });

        for (String prefix : List.of("", "atomic_")) {
            for (Variant v : Variant.RETURNING) {
                r.add(prefix + "xchg" + v.suffix, List.of(POINTER, VALUE), true, (c, out) -> {
                    Reg old = c.resultRegister(out);
                    LkmmRmw.update(v, c.arg(0), o -> c.arg(1), old, out.temp(), c, out);
                    return reg(old);
                });
                r.add(prefix + "cmpxchg" + v.suffix, List.of(POINTER, VALUE, VALUE), true, (c, out) -> {
                    Reg old = c.resultRegister(out);
                    LkmmRmw.conditional(v, c.arg(0), o -> LlSc.equal(c.width(), o, c.arg(1)), o -> c.arg(2), old, c, out);
                    return reg(old);
                });
            }
        }
    }

    private static Expr load(Invocation c, CodeSink out, String tag) {
        Reg dst = c.resultRegister(out);
        out.emit(new Instr.Load(dst, c.arg(0), c.width(), true, false, c.pos(), java.util.Set.of(tag)));
        return reg(dst);
    }

    private static Expr store(Invocation c, CodeSink out, String tag) {
        out.emit(new Instr.Store(c.arg(1), c.arg(0), c.width(), c.pos(), java.util.Set.of(tag)));
        return null;
    }

    private static Expr marker(Invocation c, CodeSink out, String tag) {
        out.emit(new Instr.Marker(tag, c.pos()));
        return null;
    }

    private static Expr assign(Invocation c, CodeSink out, Expr value) {
        Reg r = c.resultRegister(out);
        out.emit(new Instr.Assign(r, value, c.pos()));
        return reg(r);
    }

    private static Expr reg(Reg r) {
        return new Expr.RegRef(r);
    }
}
