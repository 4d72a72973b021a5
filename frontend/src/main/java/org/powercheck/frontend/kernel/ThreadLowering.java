package org.powercheck.frontend.kernel;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.powercheck.frontend.cparse.CFunction;
import org.powercheck.frontend.cparse.CParam;
import org.powercheck.ir.Expr;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;

/**
 * Lowers the code one CPU runs: its thread function and, inlined into it, every function that
 * calls. Each inlined call gets a {@link Frame}; recursion is inlined up to
 * {@link LoweringOptions#inlineDepth()} active instances of a function.
 */
final class ThreadLowering {
    final LoweringUnit unit;
    /** The CPU this thread runs on ({@code smp_processor_id()}); -1 outside any thread. */
    final int cpu;
    /** The thread's name ({@code P0}): it prefixes the names of its memory locals. */
    final String thread;
    /** This code is an interrupt handler: its registers are its own and not observed. */
    boolean handler;
    CodeBuffer out;
    final ExprLowering exprs;
    final StatementLowering statements;
    final CallLowering calls;
    /** RCU and SRCU calls so far, to catch misuse. */
    final RcuUsage rcu = new RcuUsage();
    private final Deque<Frame> frames = new ArrayDeque<>();
    /** Objects (by name) whose cells this thread keeps in registers named after the cells. */
    private java.util.Set<String> registerObjects = java.util.Set.of();
    private final Map<String, Integer> instances = new HashMap<>();

    ThreadLowering(LoweringUnit unit, String thread, int cpu, Frame top) {
        this.unit = unit;
        this.thread = thread;
        this.cpu = cpu;
        this.out = new CodeBuffer();
        this.exprs = new ExprLowering(this);
        this.statements = new StatementLowering(this);
        this.calls = new CallLowering(this);
        frames.push(top);
    }

    /** Keeps the cells of these local objects in registers (see {@link PrivateObjects}). */
    void keepInRegisters(java.util.Set<String> objects) {
        registerObjects = objects;
    }

    /** The register that stands for the cell at {@code address}, if that cell is kept in one. */
    Optional<Reg> registerFor(Expr address) {
        if (registerObjects.isEmpty() || !(address instanceof Expr.Addr a) || !unit.memory.hasCell(a.cell())) {
            return Optional.empty();
        }
        if (!registerObjects.contains(unit.memory.ownerOf(a.cell()).name())) return Optional.empty();
        return Optional.of(new Reg(a.cell()));
    }

    Frame frame() {
        return frames.peek();
    }

    /** Lowers the thread's own function, whose frame was given at construction. */
    List<Instr> lower(CFunction f) {
        Frame top = frames.peek();
        // typeof(expr) sees this thread's locals
        var previous = unit.resolver.useExpressionTypes(exprs::typeOf);
        try {
            statements.functionBody(f.body());
            statements.checkLabels(top);
        } finally {
            unit.resolver.useExpressionTypes(previous);
        }
        return out.buffer().finish(f.body().pos());
    }

    /** Whether an instance of {@code function} is being lowered (the call would be recursive). */
    boolean active(String function) {
        for (Frame fr : frames) {
            if (fr.function.equals(function)) return true;
        }
        return false;
    }

    /** Runs {@code work} with the code it emits thrown away (to learn an expression's type). */
    <T> T probe(Supplier<T> work) {
        CodeBuffer saved = out;
        out = new CodeBuffer();
        try {
            return work.get();
        } finally {
            out = saved;
        }
    }

    /**
     * Inlines a call of {@code f}: binds the parameters to the arguments' values, lowers the body,
     * and leaves the result in {@code target} (or a fresh register).
     */
    Val inline(Declarations.Function f, List<Val> args, Optional<Reg> target, SourcePos pos) {
        CFunction def = f.body().orElseThrow();
        int depth = 1;
        for (Frame fr : frames) {
            if (fr.function.equals(f.name())) depth++;
        }
        if (depth > unit.options.inlineDepth()) {
            throw new InputException(pos, "recursion of '" + f.name() + "' is deeper than "
                    + unit.options.inlineDepth() + " calls, the bound of inlining");
        }
        int instance = instances.merge(f.name(), 1, Integer::sum);
        KType result = f.type().result();
        Reg resultReg = result instanceof KType.Void ? null : target.orElseGet(out::temp);
        Frame frame = Frame.inlined(f.name(), thread, depth, instance, unit.escapedLocals(def),
                unit.assignedLocals(def), resultReg, result, out.label());
        frames.push(frame);
        try {
            for (int i = 0; i < def.params().size() && i < args.size(); i++) {
                CParam p = def.params().get(i);
                if (p.name().isEmpty()) continue;
                KType type = f.type().params().get(i);
                statements.bindParameter(p.name().get(), type, exprs.convert(args.get(i), type), p.pos());
            }
            statements.functionBody(def.body());
            statements.checkLabels(frame);
            if (frame.exitUsed) out.emit(new Instr.Label(frame.exit, def.body().pos()));
        } finally {
            frames.pop();
        }
        if (resultReg == null) return new Val(new Expr.Const(0), Types.VOID);
        return new Val(out.known(resultReg).orElse(new Expr.RegRef(resultReg)), result);
    }
}
