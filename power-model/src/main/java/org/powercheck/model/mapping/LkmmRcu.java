package org.powercheck.model.mapping;

import static org.powercheck.model.mapping.ArgKind.PLACE;
import static org.powercheck.model.mapping.ArgKind.POINTER;
import static org.powercheck.model.mapping.ArgKind.VALUE;
import static org.powercheck.model.mapping.LkmmPrimitives.load;
import static org.powercheck.model.mapping.LkmmPrimitives.marker;
import static org.powercheck.model.mapping.LkmmPrimitives.store;

import java.util.List;
import org.powercheck.ir.Instr;

/**
 * RCU and SRCU as the Linux-kernel memory model sees them (Linux v6.6 tools/memory-model
 * linux-kernel.def): herd's events with their tags, which rcu-sections.cat and lkmm-rcu.cat
 * read. An SRCU read lock is a read of its {@code srcu_struct} whose value is the index it
 * returns, the unlock a write of that index back; a grace period is a fence, SRCU's one at its
 * {@code srcu_struct}.
 */
final class LkmmRcu {
    private LkmmRcu() {}

    static void register(Registry r) {
        r.add("rcu_read_lock", List.of(), false, (c, out) -> marker(c, out, "rcu-lock"));
        r.add("rcu_read_unlock", List.of(), false, (c, out) -> marker(c, out, "rcu-unlock"));
        r.add("rcu_dereference", List.of(PLACE), true, (c, out) -> load(c, out, "once"));
        r.add("rcu_access_pointer", List.of(PLACE), true, (c, out) -> load(c, out, "once"));
        r.add("rcu_assign_pointer", List.of(PLACE, VALUE), false, (c, out) -> store(c, out, "release"));
        for (String gp : List.of("synchronize_rcu", "synchronize_rcu_expedited")) {
            r.add(gp, List.of(), false, (c, out) -> marker(c, out, "sync-rcu"));
        }
        for (String lock : List.of("srcu_read_lock", "srcu_down_read")) {
            r.add(lock, List.of(POINTER), true, (c, out) -> load(c, out, "srcu-lock"));
        }
        for (String unlock : List.of("srcu_read_unlock", "srcu_up_read")) {
            r.add(unlock, List.of(POINTER, VALUE), false, (c, out) -> store(c, out, "srcu-unlock"));
        }
        for (String gp : List.of("synchronize_srcu", "synchronize_srcu_expedited")) {
            r.add(gp, List.of(POINTER), false, (c, out) -> {
                out.emit(new Instr.Marker("sync-srcu", c.arg(0), c.width(), c.pos()));
                return null;
            });
        }
        r.add("smp_mb__after_srcu_read_unlock", List.of(), false, (c, out) -> marker(c, out, "after-srcu-read-unlock"));
    }
}
