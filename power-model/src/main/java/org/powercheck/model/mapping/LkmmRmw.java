package org.powercheck.model.mapping;

import java.util.Set;
import java.util.function.UnaryOperator;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;

/**
 * The event shapes of read-modify-write primitives under the LKMM, as herd7 builds them: a
 * read and a write joined by {@code rmw} (a reserving load and a store-conditional that must
 * succeed), each with its bell tag; a fully ordered one between two {@code mb} fences; an
 * operation that may not write (a failed cmpxchg) chooses its outcome first, so that either
 * path has the tags herd gives it.
 */
final class LkmmRmw {
    private LkmmRmw() {}

    /** The tags of the two events of one ordering variant, and whether mb fences surround them. */
    enum Variant {
        FULL("", "once", "once", true),
        RELAXED("_relaxed", "once", "once", false),
        ACQUIRE("_acquire", "acquire", "once", false),
        RELEASE("_release", "once", "release", false),
        /** {@code atomic_add()} and friends: no value returned, so smp_rmb() does not order the read. */
        NORETURN("", "noreturn", "once", false);

        final String suffix;
        final String read;
        final String write;
        final boolean fenced;

        Variant(String suffix, String read, String write, boolean fenced) {
            this.suffix = suffix;
            this.read = read;
            this.write = write;
            this.fenced = fenced;
        }

        static final Variant[] RETURNING = {FULL, RELAXED, ACQUIRE, RELEASE};
    }

    /** The tag of the read of an RMW primitive that did not write: herd still counts it in RMW. */
    static final String FAILED = "failed-rmw";

    /** {@code old = *address; *address = update(old)}, atomically; returns the stored value's register. */
    static Reg update(Variant v, Expr address, UnaryOperator<Expr> update, Reg old, Reg stored, Invocation c,
                      CodeSink out) {
        SourcePos pos = c.pos();
        fence(v, out, pos);
        out.emit(new Instr.Load(old, address, c.width(), false, true, pos, Set.of(v.read)));
        out.emit(new Instr.Assign(stored, update.apply(new Expr.RegRef(old)), pos));
        write(v.write, new Expr.RegRef(stored), address, c, out);
        fence(v, out, pos);
        return stored;
    }

    /** The write half: a store-conditional cut off where it fails (herd's RMW always writes). */
    static void write(String tag, Expr value, Expr address, Invocation c, CodeSink out) {
        Reg status = out.temp();
        out.emit(new Instr.StoreConditional(value, address, c.width(), status, c.pos(), Set.of(tag)));
        out.emit(new Instr.Assume(new Expr.Unary(Expr.UnOp.LOGICAL_NOT, new Expr.RegRef(status)), c.pos()));
    }

    /**
     * A conditional RMW (cmpxchg, add_unless): either it writes {@code update(old)} when
     * {@code writes(old)} holds, with the variant's tags and fences, or it is one once-read of
     * a value for which {@code writes(old)} does not hold. {@code old} gets the value read.
     */
    static void conditional(Variant v, Expr address, UnaryOperator<Expr> writes, UnaryOperator<Expr> update,
                            Reg old, Invocation c, CodeSink out) {
        SourcePos pos = c.pos();
        String fails = out.label();
        String done = out.label();
        branchEither(fails, out, pos);
        update(v, address, update, old, out.temp(), c, out);
        out.emit(new Instr.Assume(writes.apply(new Expr.RegRef(old)), pos));
        out.emit(Instr.Branch.always(done, pos));
        out.emit(new Instr.Label(fails, pos));
        out.emit(new Instr.Load(old, address, c.width(), false, false, pos, Set.of("once", FAILED)));
        out.emit(new Instr.Assume(new Expr.Unary(Expr.UnOp.LOGICAL_NOT, writes.apply(new Expr.RegRef(old))), pos));
        out.emit(new Instr.Label(done, pos));
    }

    /**
     * Jumps to {@code target} or not, freely: the choice reads no register, so it creates no
     * dependency (herd decides a primitive's outcome from the value read, which the assumptions
     * on each path check).
     */
    static void branchEither(String target, CodeSink out, SourcePos pos) {
        Reg choice = out.temp();
        out.emit(new Instr.Havoc(choice, java.util.List.of(new Expr.Const(0), new Expr.Const(1)), pos));
        out.emit(new Instr.Branch(new Expr.RegRef(choice), target, pos));
    }

    private static void fence(Variant v, CodeSink out, SourcePos pos) {
        if (v.fenced) out.emit(new Instr.Marker("mb", pos));
    }
}
