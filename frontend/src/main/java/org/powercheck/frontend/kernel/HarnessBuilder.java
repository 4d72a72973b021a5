package org.powercheck.frontend.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.powercheck.frontend.cparse.CExpr;
import org.powercheck.frontend.cparse.CExternal;
import org.powercheck.frontend.cparse.CFunction;
import org.powercheck.frontend.cparse.CParam;
import org.powercheck.frontend.cparse.CStmt;
import org.powercheck.frontend.litmus.ConditionTail;
import org.powercheck.frontend.litmus.ConditionTailParser;
import org.powercheck.frontend.litmus.TextPositions;
import org.powercheck.ir.Condition;
import org.powercheck.ir.Expr;
import org.powercheck.ir.InputException;
import org.powercheck.ir.InterruptSource;
import org.powercheck.ir.Interrupts;
import org.powercheck.ir.Program;
import org.powercheck.ir.Prop;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.StateKey;
import org.powercheck.ir.ThreadCode;
import org.powercheck.ir.Width;

/**
 * Puts a harness together: the C declarations (models, harness globals, bindings), the init
 * block's assignments as initial values, one thread per {@code Pn} function running on CPU n, and
 * the condition over the threads' locals and the globals.
 */
final class HarnessBuilder {
    private static final Pattern THREAD = Pattern.compile("P\\d+");

    private final String text;
    private final String file;
    private final KernelOptions options;

    HarnessBuilder(String text, String file, KernelOptions options) {
        this.text = text;
        this.file = file;
        this.options = options;
    }

    Program build() {
        LoweringUnit[] unit = new LoweringUnit[1];
        try {
            Program p = build(unit);
            unit[0].missing.throwIfAny();
            return p;
        } catch (InputException e) {
            throw unit[0] == null ? e : unit[0].missing.along(e);
        }
    }

    /** Builds the program; {@code made[0]} is the lowering unit once there is one. */
    private Program build(LoweringUnit[] made) {
        HarnessText h = HarnessText.split(text, file);
        TextPositions positions = new TextPositions(text);
        Optional<SourcePos> initBrace = h.initBrace() < 0 ? Optional.empty()
                : Optional.of(new SourcePos(file, positions.line(h.initBrace()), positions.column(h.initBrace())));
        List<CExternal> items = KernelSource.parse(h.cText(), file, initBrace, options, false);
        LoweringUnit unit = Units.kernel(items, options, false);
        made[0] = unit;
        List<String> asmArgs = new ArrayList<>(KernelSource.CONFIG);
        asmArgs.addAll(options.preprocessorArgs());
        AssemblyDeclarations.load(items, unit, file, asmArgs);

        List<CFunction> threads = threads(items, h);
        Optional<CFunction> init = items.stream().filter(i -> i instanceof CFunction f
                && f.name().equals(KernelSource.INIT_FUNCTION)).map(i -> (CFunction) i).findFirst();
        init.ifPresent(f -> InitBlock.apply(f, unit));

        List<ThreadCode> code = new ArrayList<>();
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < threads.size(); i++) {
            CFunction f = threads.get(i);
            Lowered first = lowerThread(unit, f, i, java.util.Set.of());
            // a second pass keeps the locals whose address stays private in registers
            java.util.Set<String> private_ = PrivateObjects.registerizable(first.code, f.name(), unit.memory);
            Lowered chosen = private_.isEmpty() ? first : lowerThread(unit, f, i, private_);
            private_.forEach(unit.memory::drop);
            code.add(new ThreadCode(i, f.name(), Map.of(), chosen.code, f.pos()));
            frames.add(chosen.top);
        }
        InterruptDeclarations declared = new InterruptDeclarations(items, unit, threads.size());
        RegisterCheck check = new RegisterCheck(items, threads.size());
        check.declared.ifPresent(d -> {
            if (declared.sources.stream().noneMatch(s -> s.cpu() == d.cpu())) {
                throw new InputException(d.pos(), RegisterCheck.CHECK + ": CPU " + d.cpu() + " takes no interrupt");
            }
        });
        List<InterruptSource> sources = new ArrayList<>();
        for (InterruptDeclarations.Declared d : declared.sources) {
            Lowered first = lowerHandler(unit, d.call(), d.cpu(), java.util.Set.of());
            java.util.Set<String> private_ = new java.util.HashSet<>(
                    PrivateObjects.registerizable(first.code, d.call().name(), unit.memory));
            // the flag a bad call sets is read by the condition, not private to the handler
            private_.removeAll(unit.badCallFlags());
            Lowered chosen = private_.isEmpty() ? first : lowerHandler(unit, d.call(), d.cpu(), private_);
            private_.forEach(unit.memory::drop);
            ThreadCode handler = new ThreadCode(d.cpu(), d.call().name(), Map.of(), chosen.code, d.pos());
            if (check.checks(d.cpu())) handler = check.instrument(handler, unit);
            Optional<String> trigger = d.kind() == InterruptSource.Kind.IPI
                    ? Optional.of(((Expr.Addr) unit.memory.address(unit.ipi(), d.cpu())).cell()) : Optional.empty();
            sources.add(new InterruptSource(d.handler(), d.cpu(), d.kind(), trigger, handler, d.pos()));
        }
        ConditionTail tail = ConditionTailParser.parseFrom(text, h.tail() < 0 ? text.length() : h.tail(), file,
                new HarnessKeys(unit, frames));
        Condition condition = withBadCalls(tail.condition(), unit);
        List<StateKey> locations = new ArrayList<>(tail.locations());
        StateKey clobbered = new StateKey.MemKey(RegisterCheck.CLOBBERED);
        // a harness that names pc_clobbered itself states how the check counts
        if (check.declared.isPresent() && !condition.prop().keys().contains(clobbered)
                && !tail.locations().contains(clobbered)) {
            condition = withFailure(condition, new Prop.Not(new Prop.Eq(new StateKey.MemKey(RegisterCheck.CLOBBERED),
                    new Expr.Const(0))));
        }
        if (check.declared.isPresent()) {
            // allocated even when no handler writes a checked register, so that the keys exist
            for (String key : List.of(RegisterCheck.CLOBBERED, RegisterCheck.VALUE, RegisterCheck.WRITER)) {
                RegisterCheck.cell(unit, key, check.declared.get().pos());
            }
            locations.add(new StateKey.MemKey(RegisterCheck.VALUE));
            locations.add(new StateKey.MemKey(RegisterCheck.WRITER));
        }
        Map<StateKey, Width> widths = new HashMap<>(unit.memory.signedNarrowCells());
        return new Program(h.name(), Program.Arch.C, file, unit.memory.cells(), code, condition, locations,
                tail.filter(), widths, new Interrupts(sources, declared.maxPerCpu, declared.entry, declared.points),
                check.valueNames(), unit.mapping.isLkmm());
    }

    private record Lowered(List<org.powercheck.ir.Instr> code, Frame top) {}

    private static Lowered lowerThread(LoweringUnit unit, CFunction f, int cpu, java.util.Set<String> inRegisters) {
        Frame top = Frame.thread(f.name(), f.name(), unit.escapedLocals(f));
        ThreadLowering t = new ThreadLowering(unit, f.name(), cpu, top);
        t.keepInRegisters(inRegisters);
        bindParameters(f, top, unit);
        return new Lowered(t.lower(f), top);
    }

    private static Lowered lowerHandler(LoweringUnit unit, CFunction f, int cpu, java.util.Set<String> inRegisters) {
        Frame top = Frame.thread(f.name(), f.name(), unit.escapedLocals(f));
        ThreadLowering t = new ThreadLowering(unit, f.name(), cpu, top);
        t.handler = true;
        t.keepInRegisters(inRegisters);
        return new Lowered(t.lower(f), top);
    }

    /** The threads P0, P1, ... in order: functions named so, written without a result type. */
    private List<CFunction> threads(List<CExternal> items, HarnessText h) {
        List<CFunction> out = new ArrayList<>();
        for (CExternal item : items) {
            if (item instanceof CFunction f && f.result().isEmpty() && THREAD.matcher(f.name()).matches()) {
                String expected = "P" + out.size();
                if (!f.name().equals(expected)) {
                    throw new InputException(f.pos(), "expected thread " + expected + " but found '" + f.name() + "'");
                }
                out.add(f);
            }
        }
        if (out.isEmpty()) throw new InputException(h.namePos(), "the test has no threads");
        return out;
    }

    /**
     * A thread written as in a C litmus test, {@code P0(int *x)}: each parameter points to the
     * global of its name, or to a location of its own when there is no such global.
     */
    private static void bindParameters(CFunction f, Frame top, LoweringUnit unit) {
        for (CParam p : f.params()) {
            String name = p.name().orElseThrow(() -> new InputException(p.pos(), "thread parameters need a name"));
            KType type = unit.resolver.resolve(p.type(), p.pos());
            if (!(type instanceof KType.Pointer ptr)) {
                throw new InputException(p.pos(), "a thread's parameter points to a shared location: write " + name
                        + " as a pointer");
            }
            Memory.MemObject o = unit.decls.global(name).isPresent() ? unit.global(name, p.pos())
                    : unit.memory.object(name).orElseGet(() -> unit.memory.allocate(name, name, ptr.target(), p.pos()));
            top.bind(name, new Binding.SharedParam(unit.memory.address(o, 0), type));
        }
    }

    /** A call through a pointer that matches no function is a failure whatever the condition asks. */
    private static Condition withBadCalls(Condition c, LoweringUnit unit) {
        if (unit.badCalls().isEmpty() && unit.badCallFlags().isEmpty()) return c;
        Prop called = null;
        for (int thread : unit.badCalls()) {
            Prop p = new Prop.Eq(new StateKey.RegKey(thread, LoweringUnit.BAD_CALL), new Expr.Const(1));
            called = called == null ? p : new Prop.Or(called, p);
        }
        for (String flag : unit.badCallFlags()) {
            Prop p = new Prop.Eq(new StateKey.MemKey(flag), new Expr.Const(1));
            called = called == null ? p : new Prop.Or(called, p);
        }
        return withFailure(c, called);
    }

    /** The condition with {@code failed} counted as a failure whatever the condition asks. */
    private static Condition withFailure(Condition c, Prop failed) {
        Prop prop = switch (c.quantifier()) {
            case NOT_EXISTS -> new Prop.Or(c.prop(), failed);
            case EXISTS, FORALL -> new Prop.And(c.prop(), new Prop.Not(failed));
        };
        return new Condition(c.quantifier(), prop, c.pos());
    }

    /** The init block: assignments of constants to globals, which become their initial values. */
    static final class InitBlock {
        private InitBlock() {}

        static void apply(CFunction init, LoweringUnit unit) {
            for (CStmt s : init.body().items()) {
                if (s instanceof CStmt.Empty) continue;
                if (!(s instanceof CStmt.ExprStmt e) || !(e.expr() instanceof CExpr.Assign a) || a.op() != null) {
                    throw new InputException(s.pos(), "the init block holds assignments of constants to globals, "
                            + "such as x = 1;");
                }
                ThreadLowering statics = new ThreadLowering(unit, "<init>", -1,
                        Frame.thread("<init>", "<init>", java.util.Set.of()));
                Place place = statics.exprs.place(a.target());
                if (!(place instanceof Place.InMemory m) || !(m.address() instanceof Expr.Addr cell)
                        || !m.type().isScalar() || !statics.out.buffer().peek().isEmpty()) {
                    throw new InputException(a.pos(), "the init block can only set a global (or a member or element of one)");
                }
                unit.memory.setInit(cell.cell(), unit.initialValue(a.value(), m.type(), cell.cell()));
            }
        }
    }
}
