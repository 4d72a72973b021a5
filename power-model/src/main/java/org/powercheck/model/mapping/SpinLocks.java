package org.powercheck.model.mapping;

import static org.powercheck.model.mapping.ArgKind.POINTER;
import static org.powercheck.model.mapping.LlSc.reg;
import static org.powercheck.model.mapping.Primitive.Result.LOCATION;
import static org.powercheck.model.mapping.Primitive.Result.TRUTH;

import java.util.List;
import org.powercheck.ir.Expr;
import org.powercheck.ir.FenceKind;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;

/**
 * Spin locks as v6.6 Book3S-64 runs them: powerpc's queued spinlock
 * (arch/powerpc/include/asm/qspinlock.h, qspinlock_types.h). The lock word {@code val} is 0 when
 * free; bit 0 is the locked bit, bits 1-14 the owner CPU, bit 16 must-queue, bits 17-31 the
 * queue's tail. The fast path is modelled exactly. The slow path
 * ({@code queued_spin_lock_slowpath}, arch/powerpc/lib/qspinlock.c: MCS queue nodes, the tail in
 * the lock word, its own ll/sc and barriers) is not: an acquisition that finds the lock held is
 * the dead end of a failed attempt, and the execution in which the same CPU takes the lock is
 * the one whose fast-path attempt comes after the release. That keeps mutual exclusion and the
 * acquire ordering, but not the queue's accesses (no tail bits are ever set) and not the
 * slow path's extra barriers (fewer barriers: only more behaviours).
 */
final class SpinLocks {
    /** {@code _Q_LOCKED_VAL}. */
    static final long LOCKED = 1;
    /** {@code _Q_OWNER_CPU_OFFSET}. */
    static final int OWNER_CPU_OFFSET = 1;
    /** {@code _Q_TAIL_CPU_MASK}: bits 17-31, which a trylock may steal past. */
    static final long TAIL_CPU_MASK = 0xfffe_0000L;
    /** {@code ~_Q_TAIL_CPU_MASK} as a 32-bit value: the locked, owner and must-queue bits. */
    static final long NOT_TAIL = 0x0001_ffffL;

    private final Barriers barriers;

    SpinLocks(Barriers barriers) {
        this.barriers = barriers;
    }

    void register(Registry r) {
        // spin_lock -> raw_spin_lock -> _raw_spin_lock -> do_raw_spin_lock -> arch_spin_lock (linux/spinlock*.h)
        for (String p : List.of("", "raw_", "_raw_", "do_raw_", "arch_")) {
            r.add(p + "spin_lock", List.of(POINTER), false, this::lock);
            r.add(p + "spin_unlock", List.of(POINTER), false, SpinLocks::unlock);
            r.add(p + "spin_trylock", List.of(POINTER), TRUTH, this::trylock);
            r.add(p + "spin_is_locked", List.of(POINTER), LOCATION, SpinLocks::isLocked);
        }
    }

    /** {@code queued_spin_encode_locked_val()}: {@code _Q_LOCKED_VAL | (smp_processor_id() << _Q_OWNER_CPU_OFFSET)}. */
    static long lockedValue(int cpu) {
        return LOCKED | ((long) cpu << OWNER_CPU_OFFSET);
    }

    /**
     * {@code __queued_spin_trylock_steal}: {@code 1: lwarx prev,0,lock,1; andc. tmp,prev,tail;
     * bne- 2f; and tmp,prev,tail; or tmp,tmp,new; stwcx. tmp,0,lock; bne- 1b; PPC_ACQUIRE_BARRIER;
     * 2:}; returns the register that is non-zero when the lock was taken by someone else.
     */
    private Reg attempt(Invocation c, CodeSink out, String busy) {
        SourcePos pos = c.pos();
        Reg prev = LlSc.loadReserve(out.temp(), c.arg(0), c.width(), out, pos);
        Reg held = LlSc.compute(new Expr.Binary(Expr.BinOp.AND, reg(prev), new Expr.Const(NOT_TAIL)), out, pos);
        out.emit(new Instr.Branch(reg(held), busy, pos));
        Expr tail = new Expr.Binary(Expr.BinOp.AND, reg(prev), new Expr.Const(TAIL_CPU_MASK));
        Reg next = LlSc.compute(new Expr.Binary(Expr.BinOp.OR, tail, new Expr.Const(lockedValue(c.requireCpu()))), out, pos);
        LlSc.storeConditional(reg(next), c.arg(0), c.width(), out, pos);
        barriers.acquireBarrier(out, pos);
        return held;
    }

    /**
     * {@code queued_spin_lock}: {@code if (!queued_spin_trylock(lock)) queued_spin_lock_slowpath(lock)}.
     * A held lock sends the attempt to the dead end (see the class comment on the slow path).
     */
    private Expr lock(Invocation c, CodeSink out) {
        attempt(c, out, out.retryDeadEnd());
        return null;
    }

    /**
     * {@code queued_spin_unlock}: {@code smp_store_release(&lock->locked, 0)}, {@code lwsync; sth}
     * of the locked halfword (bytes 0-1 of the word on little-endian). The halfword store is a
     * mixed-size access; this stores the whole word, which is the same value while bits 16-31 are
     * 0, as they always are without the slow path. Byte-exact needs mixed-size accesses.
     */
    private static Expr unlock(Invocation c, CodeSink out) {
        Barriers.fence(out, FenceKind.LWSYNC, c.pos());
        out.emit(new Instr.Store(new Expr.Const(0), c.arg(0), c.width(), c.pos()));
        return null;
    }

    /** {@code queued_spin_trylock}: the attempt; true when {@code !(prev & ~_Q_TAIL_CPU_MASK)}. */
    private Expr trylock(Invocation c, CodeSink out) {
        SourcePos pos = c.pos();
        String done = out.label();
        Reg held = attempt(c, out, done);
        out.emit(new Instr.Label(done, pos));
        Reg result = c.resultRegister(out);
        out.emit(new Instr.Assign(result, new Expr.Unary(Expr.UnOp.LOGICAL_NOT, reg(held)), pos));
        return reg(result);
    }

    /** {@code queued_spin_is_locked}: {@code READ_ONCE(lock->val)}, a plain load whose value is returned. */
    private static Expr isLocked(Invocation c, CodeSink out) {
        Reg result = c.resultRegister(out);
        out.emit(new Instr.Load(result, c.arg(0), c.width(), false, false, c.pos()));
        return reg(result);
    }
}
