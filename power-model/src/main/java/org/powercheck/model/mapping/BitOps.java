package org.powercheck.model.mapping;

import static org.powercheck.model.mapping.ArgKind.POINTER;
import static org.powercheck.model.mapping.ArgKind.VALUE;
import static org.powercheck.model.mapping.LlSc.reg;
import static org.powercheck.model.mapping.Primitive.Result.TRUTH;

import java.util.List;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Layout;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.Width;

/**
 * Atomic bit operations on an unsigned-long bitmap (asm/bitops.h): {@code loop(or/andc/xor)} on
 * the 64-bit word that holds bit {@code nr}, with the barriers of the variant.
 */
final class BitOps {
    private enum BitOp { SET, CLEAR, CHANGE }

    private final Barriers barriers;

    BitOps(Barriers barriers) {
        this.barriers = barriers;
    }

    void register(Registry r) {
        List<ArgKind> params = List.of(VALUE, POINTER);
        // bitops/instrumented-*.h call the arch_ forms of asm/bitops.h: the same sequences
        for (String p : List.of("", "arch_")) {
            r.add(p + "set_bit", params, false, (c, out) -> update(BitOp.SET, Ordering.RELAXED, c, out));
            r.add(p + "clear_bit", params, false, (c, out) -> update(BitOp.CLEAR, Ordering.RELAXED, c, out));
            r.add(p + "change_bit", params, false, (c, out) -> update(BitOp.CHANGE, Ordering.RELAXED, c, out));
            r.add(p + "clear_bit_unlock", params, false, (c, out) -> update(BitOp.CLEAR, Ordering.RELEASE, c, out));
            r.add(p + "test_and_set_bit", params, TRUTH, (c, out) -> update(BitOp.SET, Ordering.FULL, c, out));
            r.add(p + "test_and_clear_bit", params, TRUTH, (c, out) -> update(BitOp.CLEAR, Ordering.FULL, c, out));
            r.add(p + "test_and_change_bit", params, TRUTH, (c, out) -> update(BitOp.CHANGE, Ordering.FULL, c, out));
            r.add(p + "test_and_set_bit_lock", params, TRUTH, (c, out) -> update(BitOp.SET, Ordering.ACQUIRE, c, out));
            r.add(p + "test_bit", params, TRUTH, (c, out) -> isSet(reg(loadWord(c, out)), c, out));
            // generic_test_bit_acquire: smp_load_acquire of the word, ld; lwsync
            r.add(p + "test_bit_acquire", params, TRUTH, (c, out) -> {
                Reg word = loadWord(c, out);
                Barriers.fence(out, org.powercheck.ir.FenceKind.LWSYNC, c.pos());
                return isSet(reg(word), c, out);
            });
            // the non-atomic forms (bitops/generic-non-atomic.h): a plain ld, the operation, a plain std
            r.add(p + "__set_bit", params, false, (c, out) -> plainUpdate(BitOp.SET, false, c, out));
            r.add(p + "__clear_bit", params, false, (c, out) -> plainUpdate(BitOp.CLEAR, false, c, out));
            r.add(p + "__change_bit", params, false, (c, out) -> plainUpdate(BitOp.CHANGE, false, c, out));
            r.add(p + "__test_and_set_bit", params, TRUTH, (c, out) -> plainUpdate(BitOp.SET, true, c, out));
            r.add(p + "__test_and_clear_bit", params, TRUTH, (c, out) -> plainUpdate(BitOp.CLEAR, true, c, out));
            r.add(p + "__test_and_change_bit", params, TRUTH, (c, out) -> plainUpdate(BitOp.CHANGE, true, c, out));
            // asm/bitops.h arch___clear_bit_unlock: PPC_RELEASE_BARRIER, then __clear_bit
            r.add(p + "__clear_bit_unlock", params, false, (c, out) -> {
                barriers.entry(Ordering.RELEASE, out, c.pos());
                return plainUpdate(BitOp.CLEAR, false, c, out);
            });
        }
    }

    private static Reg loadWord(Invocation c, CodeSink out) {
        Reg word = out.temp();
        out.emit(new Instr.Load(word, wordAddress(c), Width.DOUBLE, false, false, c.pos()));
        return word;
    }

    /** {@code old = *p; *p = old OP mask}: plain accesses; returns the old bit if {@code test}, else null. */
    private static Expr plainUpdate(BitOp op, boolean test, Invocation c, CodeSink out) {
        SourcePos pos = c.pos();
        Reg old = loadWord(c, out);
        Reg stored = LlSc.compute(apply(op, reg(old), mask(c)), out, pos);
        out.emit(new Instr.Store(reg(stored), wordAddress(c), Width.DOUBLE, pos));
        return test ? isSet(reg(old), c, out) : null;
    }

    private static Expr apply(BitOp op, Expr old, Expr mask) {
        return switch (op) {
            case SET -> new Expr.Binary(Expr.BinOp.OR, old, mask);
            case CLEAR -> new Expr.Binary(Expr.BinOp.AND, old, new Expr.Unary(Expr.UnOp.NOT, mask));
            case CHANGE -> new Expr.Binary(Expr.BinOp.XOR, old, mask);
        };
    }

    /** {@code <entry> 1: ldarx t; or/andc/xor n,t,mask; stdcx. n; bne- 1b <exit>}; the test_and forms return the old bit. */
    private Expr update(BitOp op, Ordering o, Invocation c, CodeSink out) {
        SourcePos pos = c.pos();
        Expr address = wordAddress(c);
        Expr mask = mask(c);
        barriers.entry(o, out, pos);
        Reg old = LlSc.loadReserve(out.temp(), address, Width.DOUBLE, out, pos);
        Reg stored = LlSc.compute(apply(op, reg(old), mask), out, pos);
        LlSc.storeConditional(reg(stored), address, Width.DOUBLE, out, pos);
        barriers.exit(o, out, pos);
        return o == Ordering.RELAXED || o == Ordering.RELEASE ? null : isSet(reg(old), c, out);
    }

    private static Expr isSet(Expr word, Invocation c, CodeSink out) {
        Reg r = c.resultRegister(out);
        out.emit(new Instr.Assign(r, new Expr.Binary(Expr.BinOp.NE,
                new Expr.Binary(Expr.BinOp.AND, word, mask(c)), new Expr.Const(0)), c.pos()));
        return reg(r);
    }

    /** The word that holds bit {@code nr}: {@code addr + nr / 64} words, folded when {@code nr} is a constant. */
    private static Expr wordAddress(Invocation c) {
        // word k of the bitmap is k cells after its start: a cell is Layout.STRIDE bytes of address space
        Expr nr = c.arg(0);
        if (nr instanceof Expr.Const k) {
            long offset = (k.value() >>> 6) * Layout.STRIDE;
            return offset == 0 ? c.arg(1) : new Expr.Binary(Expr.BinOp.ADD, c.arg(1), new Expr.Const(offset));
        }
        Expr offset = new Expr.Binary(Expr.BinOp.SHL, new Expr.Binary(Expr.BinOp.SHR, nr, new Expr.Const(6)),
                new Expr.Const(Long.numberOfTrailingZeros(Layout.STRIDE)));
        return new Expr.Binary(Expr.BinOp.ADD, c.arg(1), offset);
    }

    /** {@code 1UL << (nr % 64)}, folded when {@code nr} is a constant. */
    private static Expr mask(Invocation c) {
        Expr nr = c.arg(0);
        if (nr instanceof Expr.Const k) return new Expr.Const(1L << (k.value() & 63));
        return new Expr.Binary(Expr.BinOp.SHL, new Expr.Const(1),
                new Expr.Binary(Expr.BinOp.AND, nr, new Expr.Const(63)));
    }
}
