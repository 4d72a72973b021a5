package org.powercheck.frontend.kernel;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.powercheck.ir.Expr;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.UnsupportedConstructException;

/**
 * Uses of RCU and SRCU that the kernel's API forbids, found in program order as one thread is
 * lowered (the calls as written, inlined functions included): a grace period waited for inside
 * an RCU read-side critical section, and an srcu_read_unlock() given an index that is not the
 * one srcu_read_lock() of the same srcu_struct returned. Under the LKMM herd7 flags the SRCU
 * cases (unmatched-srcu-lock, unmatched-srcu-unlock, invalid-sleep) on a verdict; powercheck,
 * which does not evaluate flags, stops at the call with the reason instead.
 */
final class RcuUsage {
    static final int MAX_NESTING = 3;

    private record SrcuLock(Expr domain, SourcePos pos) { }

    /** Where each open rcu_read_lock() was called, innermost first. */
    private final Deque<SourcePos> sections = new ArrayDeque<>();
    /** The register each srcu_read_lock() result went to, with its srcu_struct. */
    private final Map<Reg, SrcuLock> indexes = new HashMap<>();

    void before(String name, List<Expr> args, SourcePos pos) {
        switch (name) {
            case "rcu_read_lock", "rcu_read_lock_bh", "rcu_read_lock_sched" -> {
                // rcu-sections.cat matches sections nested up to this deep
                if (sections.size() == MAX_NESTING) {
                    throw new UnsupportedConstructException(pos, name + "() nested more than " + MAX_NESTING + " deep");
                }
                sections.push(pos);
            }
            case "rcu_read_unlock", "rcu_read_unlock_bh", "rcu_read_unlock_sched" -> {
                if (!sections.isEmpty()) sections.pop();
            }
            case "synchronize_rcu", "synchronize_rcu_expedited" -> {
                if (!sections.isEmpty()) {
                    throw new InputException(pos, name + "() inside the RCU read-side critical section begun at "
                            + at(sections.peek()) + ": the grace period waits for that section, which waits for it");
                }
            }
            case "synchronize_srcu", "synchronize_srcu_expedited" -> {
                if (!sections.isEmpty()) {
                    throw new InputException(pos, name + "() may sleep, so not inside the RCU read-side critical section"
                            + " begun at " + at(sections.peek()) + " (herd7 flags invalid-sleep)");
                }
            }
            case "srcu_read_unlock" -> checkIndex(name, args, pos);
            default -> { }
        }
    }

    /** Remembers where an srcu_read_lock() index went. */
    void after(String name, List<Expr> args, Expr result, SourcePos pos) {
        if (!name.equals("srcu_read_lock") && !name.equals("srcu_down_read")) return;
        if (result instanceof Expr.RegRef r) indexes.put(r.reg(), new SrcuLock(args.get(0), pos));
    }

    private void checkIndex(String name, List<Expr> args, SourcePos pos) {
        Expr domain = args.get(0), index = args.get(1);
        if (index instanceof Expr.Const k) {
            throw new InputException(pos, name + "() given the constant index " + k.value()
                    + ", not the value srcu_read_lock() returned (herd7 flags unmatched-srcu-lock and unmatched-srcu-unlock)");
        }
        SrcuLock lock = index instanceof Expr.RegRef r ? indexes.get(r.reg()) : null;
        if (lock != null && isKnown(lock.domain()) && isKnown(domain) && !lock.domain().equals(domain)) {
            throw new InputException(pos, name + "() of another srcu_struct than the srcu_read_lock() at "
                    + at(lock.pos()) + " that returned its index (herd7 flags unmatched-srcu-lock and unmatched-srcu-unlock)");
        }
    }

    /** An address that names one srcu_struct whatever the values (a parameter or a global). */
    private static boolean isKnown(Expr e) {
        return e instanceof Expr.Addr || e instanceof Expr.Const;
    }

    private static String at(SourcePos p) {
        return p.line() + ":" + p.column();
    }
}
