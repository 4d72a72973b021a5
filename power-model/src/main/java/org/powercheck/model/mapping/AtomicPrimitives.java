package org.powercheck.model.mapping;

import static org.powercheck.model.mapping.ArgKind.LOCAL;
import static org.powercheck.model.mapping.ArgKind.POINTER;
import static org.powercheck.model.mapping.ArgKind.VALUE;
import static org.powercheck.model.mapping.LlSc.reg;
import static org.powercheck.model.mapping.Primitive.Result.TRUTH;

import java.util.List;
import java.util.function.UnaryOperator;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.Width;

/**
 * atomic_t / atomic64_t / atomic_long_t operations and xchg/cmpxchg (asm/atomic.h, asm/cmpxchg.h
 * and the generic fallbacks), as {@code loop(op)} and {@code cmploop} with the barriers of their
 * ordering variant.
 */
final class AtomicPrimitives {
    /**
     * The atomic_t, atomic64_t and atomic_long_t families in each spelling: the instrumented
     * {@code atomic_*}, the architecture's {@code arch_atomic_*} (what the instrumented ones call
     * in v6.1) and {@code raw_atomic_*} (v6.5 on): one sequence for all three.
     */
    static final List<String> PREFIXES = List.of("atomic_", "atomic64_", "atomic_long_",
            "arch_atomic_", "arch_atomic64_", "arch_atomic_long_", "raw_atomic_", "raw_atomic64_", "raw_atomic_long_");
    /** xchg/cmpxchg as {@code linux/atomic/atomic-instrumented.h}, {@code asm/cmpxchg.h} and v6.6's raw_ spell them. */
    private static final List<String> EXCHANGE_PREFIXES = List.of("", "arch_", "raw_");

    private final Barriers barriers;

    AtomicPrimitives(Barriers barriers) {
        this.barriers = barriers;
    }

    void register(Registry r) {
        for (String p : PREFIXES) {
            for (ArithOp op : ArithOp.values()) {
                r.add(p + op.word, op.params(), false, (c, out) -> {
                    loop(Ordering.RELAXED, op.pointer(c), op.update(c), out.temp(), out.temp(), c, out);
                    return null;
                });
                for (Ordering o : Ordering.values()) {
                    if (op.hasReturnForm()) {
                        r.add(p + op.word + "_return" + o.suffix, op.params(), true,
                                (c, out) -> reg(loop(o, op.pointer(c), op.update(c), out.temp(), c.resultRegister(out), c, out).stored));
                    }
                    r.add(p + "fetch_" + op.word + o.suffix, op.params(), true,
                            (c, out) -> reg(loop(o, op.pointer(c), op.update(c), c.resultRegister(out), out.temp(), c, out).old));
                }
            }
            for (ArithOp op : List.of(ArithOp.INC, ArithOp.DEC, ArithOp.SUB)) {
                r.add(p + op.word + "_and_test", op.params(), TRUTH, (c, out) -> {
                    Rmw rmw = loop(Ordering.FULL, op.pointer(c), op.update(c), out.temp(), out.temp(), c, out);
                    return assign(c, out, LlSc.equal(c.width(), reg(rmw.stored), new Expr.Const(0)));
                });
            }
            for (Ordering o : Ordering.values()) {
                r.add(p + "add_negative" + o.suffix, ArithOp.ADD.params(), TRUTH, (c, out) -> {
                    Rmw rmw = loop(o, c.arg(1), ArithOp.ADD.update(c), out.temp(), out.temp(), c, out);
                    return assign(c, out, negative(c.width(), reg(rmw.stored)));
                });
                registerExchanges(r, p, o);
            }
            r.add(p + "fetch_add_unless", List.of(POINTER, VALUE, VALUE), true,
                    (c, out) -> reg(addUnless(c.arg(0), c.arg(1), c.arg(2), c.resultRegister(out), c, out)));
            r.add(p + "add_unless", List.of(POINTER, VALUE, VALUE), TRUTH, (c, out) -> {
                Reg old = addUnless(c.arg(0), c.arg(1), c.arg(2), out.temp(), c, out);
                return assign(c, out, LlSc.differs(c.width(), reg(old), c.arg(2)));
            });
            r.add(p + "inc_not_zero", List.of(POINTER), TRUTH, (c, out) -> {
                Expr zero = new Expr.Const(0);
                Reg old = addUnless(c.arg(0), new Expr.Const(1), zero, out.temp(), c, out);
                return assign(c, out, LlSc.differs(c.width(), reg(old), zero));
            });
            r.add(p + "dec_if_positive", List.of(POINTER), true, this::decIfPositive);
        }
        for (String p : EXCHANGE_PREFIXES) {
            for (Ordering o : Ordering.values()) {
                registerExchanges(r, p, o);
                // the 64-bit forms are the same sequences on a 64-bit location (the width comes from it)
                r.add(p + "cmpxchg64" + o.suffix, List.of(POINTER, VALUE, VALUE), true,
                        (c, out) -> reg(cmpxchg(o, c.arg(0), c.arg(1), c.arg(2), c.resultRegister(out), c, out)));
                r.add(p + "try_cmpxchg64" + o.suffix, List.of(POINTER, LOCAL, VALUE), TRUTH,
                        (c, out) -> tryCmpxchg(o, c, out));
            }
            // _local: atomic only against this CPU, no barriers (asm/cmpxchg.h, the relaxed loops)
            r.add(p + "xchg_local", List.of(POINTER, VALUE), true, (c, out) -> xchg(Ordering.RELAXED, c, out));
            for (String n : List.of("cmpxchg_local", "cmpxchg64_local")) {
                r.add(p + n, List.of(POINTER, VALUE, VALUE), true, (c, out) ->
                        reg(cmpxchg(Ordering.RELAXED, c.arg(0), c.arg(1), c.arg(2), c.resultRegister(out), c, out)));
            }
            for (String n : List.of("try_cmpxchg_local", "try_cmpxchg64_local")) {
                r.add(p + n, List.of(POINTER, LOCAL, VALUE), TRUTH, (c, out) -> tryCmpxchg(Ordering.RELAXED, c, out));
            }
        }
    }

    /** {@code xchg*}, {@code cmpxchg*}, {@code try_cmpxchg*}, plain or with an atomic prefix. */
    private void registerExchanges(Registry r, String prefix, Ordering o) {
        r.add(prefix + "xchg" + o.suffix, List.of(POINTER, VALUE), true, (c, out) -> xchg(o, c, out));
        r.add(prefix + "cmpxchg" + o.suffix, List.of(POINTER, VALUE, VALUE), true,
                (c, out) -> reg(cmpxchg(o, c.arg(0), c.arg(1), c.arg(2), c.resultRegister(out), c, out)));
        r.add(prefix + "try_cmpxchg" + o.suffix, List.of(POINTER, LOCAL, VALUE), TRUTH,
                (c, out) -> tryCmpxchg(o, c, out));
    }

    /** The registers of one modelled {@code loop(op)}: the loaded and the stored value. */
    private record Rmw(Reg old, Reg stored) {}

    /** {@code <entry> 1: lwarx old; stored = op(old); stwcx. stored; bne- 1b <exit>}. */
    private Rmw loop(Ordering o, Expr address, UnaryOperator<Expr> op, Reg old, Reg stored, Invocation c,
                     CodeSink out) {
        SourcePos pos = c.pos();
        barriers.entry(o, out, pos);
        LlSc.loadReserve(old, address, c.width(), out, pos);
        out.emit(new Instr.Assign(stored, op.apply(reg(old)), pos));
        LlSc.storeConditional(reg(stored), address, c.width(), out, pos);
        barriers.exit(o, out, pos);
        return new Rmw(old, stored);
    }

    /** {@code loop(mr)}: the new value is stored as given; returns the old one. */
    private Expr xchg(Ordering o, Invocation c, CodeSink out) {
        SourcePos pos = c.pos();
        Reg old = c.resultRegister(out);
        barriers.entry(o, out, pos);
        LlSc.loadReserve(old, c.arg(0), c.width(), out, pos);
        LlSc.storeConditional(c.arg(1), c.arg(0), c.width(), out, pos);
        barriers.exit(o, out, pos);
        return reg(old);
    }

    /**
     * {@code <entry> 1: lwarx old; cmpw old,expected; bne- 2f; stwcx. desired; bne- 1b; <exit> 2:}:
     * the failure exit skips the store and the exit barrier.
     */
    private Reg cmpxchg(Ordering o, Expr address, Expr expected, Expr desired, Reg old, Invocation c, CodeSink out) {
        SourcePos pos = c.pos();
        String done = out.label();
        barriers.entry(o, out, pos);
        LlSc.loadReserve(old, address, c.width(), out, pos);
        out.emit(new Instr.Branch(LlSc.differ(c.width(), reg(old), expected), done, pos));
        LlSc.storeConditional(desired, address, c.width(), out, pos);
        barriers.exit(o, out, pos);
        out.emit(new Instr.Label(done, pos));
        return old;
    }

    /**
     * {@code try_cmpxchg(p, &old, new)}: the cmpxchg sequence, then the generic fallback's
     * {@code if (unlikely(r != o)) *oldp = r; likely(r == o)} (register work only). The write-back
     * is behind a branch, as in the fallback: on success {@code old} keeps its value and its
     * dependencies, and only the failure path gets the loaded value (a select would give the
     * success path an address or data dependency on the load that the kernel's code does not have).
     */
    private Expr tryCmpxchg(Ordering o, Invocation c, CodeSink out) {
        SourcePos pos = c.pos();
        Reg expected = c.local(1);
        Reg seen = cmpxchg(o, c.arg(0), reg(expected), c.arg(2), out.temp(), c, out);
        Expr result = assign(c, out, LlSc.equal(c.width(), reg(seen), reg(expected)));
        String done = out.label();
        out.emit(new Instr.Branch(result, done, pos));
        out.emit(new Instr.Assign(expected, reg(seen), pos));
        out.emit(new Instr.Label(done, pos));
        return result;
    }

    /**
     * {@code arch_atomic_fetch_add_unless}: {@code sync; 1: lwarx old; cmpw old,unless; beq 2f;
     * add; stwcx.; bne- 1b; sync; 2:} — the "no update" exit skips the store and the exit sync.
     */
    private Reg addUnless(Expr address, Expr addend, Expr unless, Reg old, Invocation c, CodeSink out) {
        SourcePos pos = c.pos();
        String done = out.label();
        barriers.entry(Ordering.FULL, out, pos);
        LlSc.loadReserve(old, address, c.width(), out, pos);
        out.emit(new Instr.Branch(LlSc.equal(c.width(), reg(old), unless), done, pos));
        Reg sum = LlSc.compute(new Expr.Binary(Expr.BinOp.ADD, reg(old), addend), out, pos);
        LlSc.storeConditional(reg(sum), address, c.width(), out, pos);
        barriers.exit(Ordering.FULL, out, pos);
        out.emit(new Instr.Label(done, pos));
        return old;
    }

    /**
     * Returns {@code t}, the old value minus 1, stored only when the branch is not taken. The two
     * widths test different things (arch/powerpc/include/asm/atomic.h, v6.6):
     * {@code arch_atomic_dec_if_positive} is {@code sync; 1: lwarx t; cmpwi t,1; addi t,t,-1;
     * blt- 2f; stwcx. t; bne- 1b; sync; 2:}, a signed 32-bit test of the <em>old</em> value, so
     * INT_MIN is left alone; {@code arch_atomic64_dec_if_positive} is {@code ldarx t; addic.
     * t,t,-1; blt- 2f; stdcx. t}, a test of the 64-bit <em>result</em>, so LONG_MIN becomes
     * LONG_MAX, as the kernel's code does.
     */
    private Expr decIfPositive(Invocation c, CodeSink out) {
        SourcePos pos = c.pos();
        String done = out.label();
        barriers.entry(Ordering.FULL, out, pos);
        Reg old = LlSc.loadReserve(out.temp(), c.arg(0), c.width(), out, pos);
        Reg dec = c.resultRegister(out);
        out.emit(new Instr.Assign(dec, new Expr.Binary(Expr.BinOp.SUB, reg(old), new Expr.Const(1)), pos));
        Expr skip = c.width() == Width.DOUBLE ? negative(Width.DOUBLE, reg(dec))
                : new Expr.Binary(Expr.BinOp.LT, LlSc.signed(c.width(), reg(old)), new Expr.Const(1));
        out.emit(new Instr.Branch(skip, done, pos));
        LlSc.storeConditional(reg(dec), c.arg(0), c.width(), out, pos);
        barriers.exit(Ordering.FULL, out, pos);
        out.emit(new Instr.Label(done, pos));
        return reg(dec);
    }

    private static Expr negative(Width width, Expr e) {
        return new Expr.Binary(Expr.BinOp.LT, LlSc.signed(width, e), new Expr.Const(0));
    }

    /** Puts a computed result in the result register. */
    private static Expr assign(Invocation c, CodeSink out, Expr value) {
        Reg r = c.resultRegister(out);
        out.emit(new Instr.Assign(r, value, c.pos()));
        return reg(r);
    }
}
