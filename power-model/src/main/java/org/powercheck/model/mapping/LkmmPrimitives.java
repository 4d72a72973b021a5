package org.powercheck.model.mapping;

import static org.powercheck.model.mapping.ArgKind.PLACE;
import static org.powercheck.model.mapping.ArgKind.POINTER;
import static org.powercheck.model.mapping.ArgKind.VALUE;

import java.util.List;
import java.util.Set;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Reg;

/**
 * Kernel primitives as the Linux-kernel memory model sees them (tools/memory-model's
 * linux-kernel.def and .bell): one event each, carrying the bell's annotation, instead of the
 * POWER instruction sequence: the marked accesses and the fences here, read-modify-writes in
 * {@link LkmmAtomics}, spinlocks in {@link LkmmLocks}.
 */
final class LkmmPrimitives {
    private LkmmPrimitives() {}

    static void register(Registry r) {
        r.add("READ_ONCE", List.of(PLACE), true, (c, out) -> load(c, out, "once"));
        r.add("WRITE_ONCE", List.of(PLACE, VALUE), false, (c, out) -> store(c, out, "once"));
        r.add("smp_load_acquire", List.of(POINTER), true, (c, out) -> load(c, out, "acquire"));
        r.add("smp_store_release", List.of(POINTER, VALUE), false, (c, out) -> store(c, out, "release"));
        r.add("smp_store_mb", List.of(PLACE, VALUE), false, (c, out) -> {
            store(c, out, "once");
            return marker(c, out, "mb");
        });
        for (String fence : List.of("mb", "rmb", "wmb")) {
            r.add("smp_" + fence, List.of(), false, (c, out) -> marker(c, out, fence));
        }
        r.add("barrier", List.of(), false, (c, out) -> marker(c, out, "barrier"));
    }

    /** One read of the first argument's location, tagged as linux-kernel.def annotates it. */
    static Expr load(Invocation c, CodeSink out, String tag) {
        Reg dst = c.resultRegister(out);
        out.emit(new Instr.Load(dst, c.arg(0), c.width(), true, false, c.pos(), Set.of(tag)));
        return new Expr.RegRef(dst);
    }

    /** One write of the second argument to the first's location, tagged. */
    static Expr store(Invocation c, CodeSink out, String tag) {
        out.emit(new Instr.Store(c.arg(1), c.arg(0), c.width(), c.pos(), Set.of(tag)));
        return null;
    }

    /** A fence event: no access, only the tag the model's fencerel reads. */
    static Expr marker(Invocation c, CodeSink out, String tag) {
        out.emit(new Instr.Marker(tag, c.pos()));
        return null;
    }
}
