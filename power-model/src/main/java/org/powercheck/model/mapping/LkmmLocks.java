package org.powercheck.model.mapping;

import static org.powercheck.model.mapping.ArgKind.POINTER;
import static org.powercheck.model.mapping.Primitive.Result.TRUTH;

import java.util.List;
import java.util.Set;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;

/**
 * Spinlocks under the LKMM as lock.cat's events (LKR, LKW, UL, LF, RL, RU), with the lock's
 * state in its value: 0 free, 1 held. spin_lock is an LKR reading 0 joined by {@code rmw} to an
 * LKW of 1 (the deadlocking attempts herd drops are cut off); spin_unlock is a UL writing 0;
 * spin_trylock is a lock or an LF reading 1; spin_is_locked is an RL reading 1 or an RU reading
 * 0. So rf and co of the lock's events follow from values and coherence, where lock.cat builds
 * them by hand; lkmm-lock.cat keeps lock.cat's classes and axioms. The raw_, _irq and _bh forms
 * are the same (herd7's def has only the plain ones).
 */
final class LkmmLocks {
    private LkmmLocks() {}

    static void register(Registry r) {
        for (String prefix : List.of("", "raw_")) {
            // The LKMM has no interrupts: the _irq and _bh forms are the lock itself.
            for (String suffix : List.of("", "_irq", "_bh")) {
                r.add(prefix + "spin_lock" + suffix, List.of(POINTER), false, (c, out) -> {
                    lock(c, out, out.temp());
                    return null;
                });
                r.add(prefix + "spin_unlock" + suffix, List.of(POINTER), false, (c, out) -> {
                    out.emit(new Instr.Store(new Expr.Const(0), c.arg(0), c.width(), c.pos(), Set.of("UL")));
                    return null;
                });
            }
            r.add(prefix + "spin_trylock", List.of(POINTER), TRUTH, LkmmLocks::trylock);
            r.add(prefix + "spin_is_locked", List.of(POINTER), TRUTH, LkmmLocks::isLocked);
        }
        r.add("smp_mb__after_spinlock", List.of(), false, (c, out) -> marker(c, out, "after-spinlock"));
        r.add("smp_mb__after_unlock_lock", List.of(), false, (c, out) -> marker(c, out, "after-unlock-lock"));
    }

    /** LKR of 0, LKW of 1. */
    private static void lock(Invocation c, CodeSink out, Reg seen) {
        out.emit(new Instr.Load(seen, c.arg(0), c.width(), false, true, c.pos(), Set.of("LKR")));
        out.emit(new Instr.Assume(free(reg(seen)), c.pos()));
        LkmmRmw.write("LKW", new Expr.Const(1), c.arg(0), c, out);
    }

    /** A lock, true; or an LF that sees the lock held, false. The result is "the value read was free". */
    private static Expr trylock(Invocation c, CodeSink out) {
        Reg seen = either(c, out, (r, o) -> lock(c, o, r), "LF");
        return assign(c, out, free(reg(seen)));
    }

    /** An RL that sees the lock held, true; or an RU that sees it free, false. */
    private static Expr isLocked(Invocation c, CodeSink out) {
        Reg seen = either(c, out, (r, o) -> {
            o.emit(new Instr.Load(r, c.arg(0), c.width(), false, false, c.pos(), Set.of("RU")));
            o.emit(new Instr.Assume(free(reg(r)), c.pos()));
        }, "RL");
        return assign(c, out, new Expr.Unary(Expr.UnOp.LOGICAL_NOT, free(reg(seen))));
    }

    /** The events of the outcome that reads the lock free. */
    private interface FreePath {
        void emit(Reg seen, CodeSink out);
    }

    /**
     * Either {@code freePath}, or one read tagged {@code heldTag} that sees the lock held;
     * returns the register with the value read (results computed from it depend on the read).
     */
    private static Reg either(Invocation c, CodeSink out, FreePath freePath, String heldTag) {
        SourcePos pos = c.pos();
        Reg seen = out.temp();
        String held = out.label();
        String done = out.label();
        LkmmRmw.branchEither(held, out, pos);
        freePath.emit(seen, out);
        out.emit(Instr.Branch.always(done, pos));
        out.emit(new Instr.Label(held, pos));
        out.emit(new Instr.Load(seen, c.arg(0), c.width(), false, false, pos, Set.of(heldTag)));
        out.emit(new Instr.Assume(new Expr.Unary(Expr.UnOp.LOGICAL_NOT, free(reg(seen))), pos));
        out.emit(new Instr.Label(done, pos));
        return seen;
    }

    private static Expr assign(Invocation c, CodeSink out, Expr value) {
        Reg r = c.resultRegister(out);
        out.emit(new Instr.Assign(r, value, c.pos()));
        return reg(r);
    }

    private static Expr free(Expr value) {
        return new Expr.Binary(Expr.BinOp.EQ, value, new Expr.Const(0));
    }

    private static Expr marker(Invocation c, CodeSink out, String tag) {
        out.emit(new Instr.Marker(tag, c.pos()));
        return null;
    }

    private static Expr reg(Reg r) {
        return new Expr.RegRef(r);
    }
}
