package org.powercheck.model.mapping;

import java.util.List;
import java.util.Optional;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.Width;

/**
 * One call of a kernel primitive, with its arguments already lowered to register expressions
 * (addresses for {@link ArgKind#PLACE} and {@link ArgKind#POINTER}, a {@link Expr.RegRef} for
 * {@link ArgKind#LOCAL}).
 *
 * @param target the register the caller assigns the result to, if any: the sequence writes the
 *               result there directly when no argument reads it
 * @param width  the size of the memory accesses
 * @param cpu    the CPU that runs the code ({@code smp_processor_id()}), or -1 where no CPU is known
 */
public record Invocation(String name, List<Expr> args, Optional<Reg> target, Width width, SourcePos pos, int cpu) {
    public Invocation {
        args = List.copyOf(args);
    }

    /** A call whose sequence does not depend on the CPU running it. */
    public Invocation(String name, List<Expr> args, Optional<Reg> target, Width width, SourcePos pos) {
        this(name, args, target, width, pos, -1);
    }

    /** The CPU running the call, for sequences that store it (a lock's owner). */
    public int requireCpu() {
        if (cpu < 0) throw new IllegalArgumentException(name + " needs the CPU that runs it");
        return cpu;
    }

    public Expr arg(int i) {
        return args.get(i);
    }

    public Reg local(int i) {
        if (args.get(i) instanceof Expr.RegRef r) return r.reg();
        throw new IllegalArgumentException(name + ": argument " + (i + 1) + " is not a local");
    }

    /** Where to put the result: the caller's register when that is safe, else a fresh one. */
    Reg resultRegister(CodeSink out) {
        if (target.isPresent() && args.stream().noneMatch(a -> a.registers().contains(target.get()))) {
            return target.get();
        }
        return out.temp();
    }
}
