package org.powercheck.model.mapping;

import static org.powercheck.model.mapping.ArgKind.PLACE;
import static org.powercheck.model.mapping.ArgKind.POINTER;
import static org.powercheck.model.mapping.ArgKind.VALUE;

import java.util.List;
import org.powercheck.ir.Expr;
import org.powercheck.ir.FenceKind;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Reg;

/**
 * Single loads and stores: {@code READ_ONCE}, {@code WRITE_ONCE}, release/acquire, their atomic_t
 * and RCU spellings. On POWER a volatile access is a plain {@code ld}/{@code std}.
 */
final class PlainAccesses {
    private PlainAccesses() {}

    static void register(Registry r) {
        for (String n : List.of("READ_ONCE", "rcu_dereference", "rcu_dereference_raw", "rcu_access_pointer")) {
            r.add(n, List.of(PLACE), true, PlainAccesses::load);
        }
        // the second argument is a lockdep expression: it generates no code
        for (String n : List.of("rcu_dereference_check", "rcu_dereference_protected")) {
            r.add(n, List.of(PLACE, VALUE), true, PlainAccesses::load);
        }
        for (String n : List.of("WRITE_ONCE", "RCU_INIT_POINTER")) {
            r.add(n, List.of(PLACE, VALUE), false, PlainAccesses::store);
        }
        // __smp_*: what smp_* expand to in asm/barrier.h; virt_*: the same on SMP
        for (String p : List.of("smp_", "__smp_", "virt_")) {
            r.add(p + "load_acquire", List.of(POINTER), true, PlainAccesses::loadAcquire);
            r.add(p + "store_release", List.of(POINTER, VALUE), false, PlainAccesses::storeRelease);
        }
        r.add("rcu_assign_pointer", List.of(PLACE, VALUE), false, (c, out) -> {
            // the kernel skips the barrier when it publishes a constant NULL
            if (c.arg(1) instanceof Expr.Const k && k.value() == 0) return store(c, out);
            return storeRelease(c, out);
        });
        for (String p : AtomicPrimitives.PREFIXES) {
            r.add(p + "read", List.of(POINTER), true, PlainAccesses::load);
            r.add(p + "set", List.of(POINTER, VALUE), false, PlainAccesses::store);
            r.add(p + "read_acquire", List.of(POINTER), true, PlainAccesses::loadAcquire);
            r.add(p + "set_release", List.of(POINTER, VALUE), false, PlainAccesses::storeRelease);
        }
    }

    static Expr load(Invocation c, CodeSink out) {
        Reg dst = c.resultRegister(out);
        out.emit(new Instr.Load(dst, c.arg(0), c.width(), true, false, c.pos()));
        return new Expr.RegRef(dst);
    }

    static Expr store(Invocation c, CodeSink out) {
        out.emit(new Instr.Store(c.arg(1), c.arg(0), c.width(), c.pos()));
        return null;
    }

    /** {@code ld; lwsync}: smp_load_acquire uses lwsync itself, not PPC_ACQUIRE_BARRIER. */
    static Expr loadAcquire(Invocation c, CodeSink out) {
        Expr v = load(c, out);
        Barriers.fence(out, FenceKind.LWSYNC, c.pos());
        return v;
    }

    /** {@code lwsync; st}. */
    static Expr storeRelease(Invocation c, CodeSink out) {
        Barriers.fence(out, FenceKind.LWSYNC, c.pos());
        return store(c, out);
    }
}
