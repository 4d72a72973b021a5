package org.powercheck.model.mapping;

import static org.powercheck.model.mapping.ArgKind.POINTER;
import static org.powercheck.model.mapping.ArgKind.VALUE;

import java.util.List;
import java.util.Set;
import org.powercheck.ir.Expr;
import org.powercheck.ir.FenceKind;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;

/**
 * RCU and SRCU on ppc64 (Linux 6.1, the default configuration: PREEMPT_NONE, Tree RCU, Tree
 * SRCU): the instructions the kernel runs, plus fence events with no instruction (tagged as
 * herd tags them) that mark where a read-side section starts and ends and where a grace
 * period waits. power-rcu.cat states the grace-period guarantee over those events.
 *
 * <ul>
 *   <li>{@code rcu_read_lock()}/{@code rcu_read_unlock()} (and the _bh and _sched flavours,
 *       which synchronize_rcu() waits for since 4.20): {@code preempt_disable()} is
 *       {@code barrier()} without PREEMPT_COUNT, so no instruction.</li>
 *   <li>{@code synchronize_rcu()}: the grace period, between the full barriers the caller
 *       is guaranteed on either side ({@code sync}).</li>
 *   <li>{@code srcu_read_lock(ssp)} ({@code __srcu_read_lock}, srcutree.c): {@code ld} of
 *       {@code ssp->srcu_idx}, the per-CPU lock-count increment (not modelled: only the
 *       grace-period machinery reads it), {@code sync} (smp_mb B); returns the index.</li>
 *   <li>{@code srcu_read_unlock(ssp, idx)}: {@code sync} (smp_mb C), then the per-CPU
 *       unlock-count increment of counter {@code idx}, modelled as the unlock event at
 *       {@code ssp} depending on {@code idx}.</li>
 *   <li>{@code synchronize_srcu(ssp)}: {@code sync}, the grace period at {@code ssp}, {@code sync}.</li>
 *   <li>{@code smp_mb__after_srcu_read_unlock()}: nothing (the unlock already ends with smp_mb).</li>
 * </ul>
 */
final class PowerRcu {
    private PowerRcu() {}

    static void register(Registry r) {
        for (String flavour : List.of("", "_bh", "_sched")) {
            r.add("rcu_read_lock" + flavour, List.of(), false, (c, out) -> event(out, "rcu-lock", c.pos()));
            r.add("rcu_read_unlock" + flavour, List.of(), false, (c, out) -> event(out, "rcu-unlock", c.pos()));
        }
        for (String gp : List.of("synchronize_rcu", "synchronize_rcu_expedited")) {
            r.add(gp, List.of(), false, (c, out) -> {
                sync(out, c.pos());
                event(out, "sync-rcu", c.pos());
                sync(out, c.pos());
                return null;
            });
        }
        for (String lock : List.of("srcu_read_lock", "srcu_down_read")) {
            r.add(lock, List.of(POINTER), true, PowerRcu::srcuLock);
        }
        for (String unlock : List.of("srcu_read_unlock", "srcu_up_read")) {
            r.add(unlock, List.of(POINTER, VALUE), false, (c, out) -> {
                sync(out, c.pos());
                out.emit(new Instr.Marker("srcu-unlock", c.arg(0), c.width(), c.arg(1), c.pos()));
                return null;
            });
        }
        for (String gp : List.of("synchronize_srcu", "synchronize_srcu_expedited")) {
            r.add(gp, List.of(POINTER), false, (c, out) -> {
                sync(out, c.pos());
                out.emit(new Instr.Marker("sync-srcu", c.arg(0), c.width(), c.pos()));
                sync(out, c.pos());
                return null;
            });
        }
        r.add("smp_mb__after_srcu_read_unlock", List.of(), false, (c, out) -> null);
    }

    private static Expr srcuLock(Invocation c, CodeSink out) {
        Reg idx = c.resultRegister(out);
        out.emit(new Instr.Load(idx, c.arg(0), c.width(), false, false, c.pos(), Set.of("srcu-lock")));
        sync(out, c.pos());
        return new Expr.RegRef(idx);
    }

    private static Expr event(CodeSink out, String tag, SourcePos pos) {
        out.emit(new Instr.Marker(tag, pos));
        return null;
    }

    private static void sync(CodeSink out, SourcePos pos) {
        out.emit(new Instr.Fence(FenceKind.SYNC, pos));
    }
}
