package org.powercheck.model.mapping;

import static org.powercheck.model.mapping.ArgKind.POINTER;
import static org.powercheck.model.mapping.LlSc.reg;
import static org.powercheck.model.mapping.Primitive.Result.TRUTH;

import java.util.List;
import org.powercheck.ir.Expr;
import org.powercheck.ir.FenceKind;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;

/**
 * Spinlocks (asm/simple_spinlock.h; the qspinlock fast path has the same shape). The lock word
 * is 0 when free and {@link #TOKEN} when held.
 */
final class SpinLocks {
    /** What a holder writes into the lock word (the LKMM's value; the CPU's token on ppc64). */
    static final long TOKEN = 1;

    private final Barriers barriers;

    SpinLocks(Barriers barriers) {
        this.barriers = barriers;
    }

    void register(Registry r) {
        for (String p : List.of("", "raw_", "arch_")) {
            r.add(p + "spin_lock", List.of(POINTER), false, this::lock);
            r.add(p + "spin_unlock", List.of(POINTER), false, SpinLocks::unlock);
            r.add(p + "spin_trylock", List.of(POINTER), TRUTH, this::trylock);
            r.add(p + "spin_is_locked", List.of(POINTER), TRUTH, SpinLocks::isLocked);
        }
    }

    /**
     * {@code 1: lwarx t; cmpwi t,0; bne- spin; stwcx. token; bne- 1b; PPC_ACQUIRE_BARRIER}: the
     * spin-wait is modelled as the attempt that finds the lock free and takes it.
     */
    private Expr lock(Invocation c, CodeSink out) {
        SourcePos pos = c.pos();
        Reg seen = LlSc.loadReserve(out.temp(), c.arg(0), c.width(), out, pos);
        out.emit(new Instr.Branch(LlSc.differ(c.width(), reg(seen), new Expr.Const(0)), out.retryDeadEnd(), pos));
        LlSc.storeConditional(new Expr.Const(TOKEN), c.arg(0), c.width(), out, pos);
        barriers.acquireBarrier(out, pos);
        return null;
    }

    /** {@code lwsync; stw 0,lock}. */
    private static Expr unlock(Invocation c, CodeSink out) {
        Barriers.fence(out, FenceKind.LWSYNC, c.pos());
        out.emit(new Instr.Store(new Expr.Const(0), c.arg(0), c.width(), c.pos()));
        return null;
    }

    /**
     * {@code 1: lwarx t; cmpwi t,0; bne- 2f; stwcx. token; bne- 1b; PPC_ACQUIRE_BARRIER; 2:}, true
     * when the lock was free ({@code __arch_spin_trylock(lock) == 0}).
     */
    private Expr trylock(Invocation c, CodeSink out) {
        SourcePos pos = c.pos();
        String done = out.label();
        Reg seen = LlSc.loadReserve(out.temp(), c.arg(0), c.width(), out, pos);
        out.emit(new Instr.Branch(LlSc.differ(c.width(), reg(seen), new Expr.Const(0)), done, pos));
        LlSc.storeConditional(new Expr.Const(TOKEN), c.arg(0), c.width(), out, pos);
        barriers.acquireBarrier(out, pos);
        out.emit(new Instr.Label(done, pos));
        Reg result = c.resultRegister(out);
        out.emit(new Instr.Assign(result, LlSc.equal(c.width(), reg(seen), new Expr.Const(0)), pos));
        return reg(result);
    }

    /** {@code !arch_spin_value_unlocked(READ_ONCE(*lock))}: a plain load, no barrier. */
    private static Expr isLocked(Invocation c, CodeSink out) {
        Reg seen = out.temp();
        out.emit(new Instr.Load(seen, c.arg(0), c.width(), true, false, c.pos()));
        Reg result = c.resultRegister(out);
        out.emit(new Instr.Assign(result, LlSc.differ(c.width(), reg(seen), new Expr.Const(0)), c.pos()));
        return reg(result);
    }
}
