package org.powercheck.frontend.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.powercheck.frontend.cparse.CExpr;
import org.powercheck.ir.Expr;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.UnsupportedConstructException;
import org.powercheck.ir.Width;
import org.powercheck.model.mapping.ArgKind;
import org.powercheck.model.mapping.Invocation;
import org.powercheck.model.mapping.Primitive;

/**
 * Lowers calls. A function with a body is inlined; a call through a pointer becomes a chain of
 * comparisons with the functions whose address the program takes, each inlined; a kernel
 * primitive emits its POWER sequence from the {@link org.powercheck.model.mapping.KernelMapping};
 * a few intrinsics ({@code smp_processor_id()}, the per-CPU accessors, the IPI trigger and
 * delivery) are built in. A function without a body is an error unless it is havoc'd.
 */
final class CallLowering {
    private static final Set<String> INTRINSICS = Set.of("smp_processor_id", "raw_smp_processor_id",
            "__builtin_expect", "__builtin_constant_p", "__builtin_unreachable", "__pc_this_cpu_ptr",
            "__pc_per_cpu_ptr", "pc_ipi_trigger", "pc_ipi_entry", "__pc_irq_soft_mask", "__pc_irq_soft_mask_swap",
            "__pc_irq_soft_mask_or", "__pc_irq_soft_mask_restore", "__pc_irq_hard_disabled_set", "__builtin_offsetof",
            "__pc_interrupted_register",
            "__pc_container_of", "__builtin_types_compatible_p");
    /** The value a trigger writes to the target's IPI location (PM 3.3: any non-zero token). */
    static final long IPI_TOKEN = 1;

    private final ThreadLowering t;
    private final LoweringUnit unit;

    CallLowering(ThreadLowering t) {
        this.t = t;
        this.unit = t.unit;
    }

    private ExprLowering exprs() {
        return t.exprs;
    }

    private CodeBuffer out() {
        return t.out;
    }

    /** A call; {@code target} is the local its result is assigned to, if any. */
    Val call(CExpr.Call c, Optional<Reg> target, boolean needValue) {
        CExpr fn = c.function();
        if (fn instanceof CExpr.Unary u && u.op() == CExpr.UnaryOp.DEREF) fn = u.operand();
        if (fn instanceof CExpr.Ident id && !isVariable(id.name())) return named(id.name(), c, target, needValue);
        return indirect(c, exprs().value(fn), target, needValue);
    }

    private boolean isVariable(String name) {
        return t.frame().lookup(name).isPresent() || unit.decls.global(name).isPresent();
    }

    private Val named(String name, CExpr.Call c, Optional<Reg> target, boolean needValue) {
        SourcePos pos = c.pos();
        Optional<Declarations.Function> f = unit.decls.function(name);
        if (unit.options.havoc().contains(name)) return havoc(name, f, c, target, needValue);
        boolean headerPrimitive = unit.treeHeaders && unit.mapping.primitive(name).isPresent()
                && f.isPresent() && f.get().pos().file().endsWith(".h");
        if (f.isPresent() && f.get().body().isPresent() && !headerPrimitive) return direct(f.get(), c, target, needValue);
        var unreadable = unit.decls.unreadable(name);
        if (unreadable.isPresent()) {
            throw new InputException(pos, "'" + name + "' cannot be lowered: its declaration at "
                    + unreadable.get().pos() + " was not read: " + unreadable.get().getMessage());
        }
        var asm = unit.assemblyFor(name);
        if (asm.isPresent()) return assembly(name, asm.get(), f, c, target, needValue);
        if (INTRINSICS.contains(name)) return intrinsic(name, c, target);
        Optional<Primitive> primitive = unit.mapping.primitive(name);
        if (primitive.isPresent()) return primitive(name, primitive.get(), c, target, needValue);
        // a kernel primitive without a sequence is never havoc'd: that would drop its accesses
        if (unit.mapping.isUnmodelled(name) || unit.mapping.isPrimitiveName(name)) {
            unit.missing.unsupported(name, pos);
        } else if (unit.options.havocUnknown()) {
            unit.missing.havocked(name, pos);
        } else {
            unit.missing.unknown(name, pos);
        }
        // lowering goes on as if it were havoc'd, to find every missing function in one run
        return havoc(name, unit.decls.function(name), c, target, needValue);
    }

    private List<Val> arguments(List<CExpr> args) {
        List<Val> out = new ArrayList<>();
        for (CExpr a : args) out.add(argument(a));
        return out;
    }

    /**
     * An argument's value; with a kernel tree's headers a struct passed by value ({@code pgprot_t},
     * {@code struct timespec64}) is the address of the object that holds it, which the callee's
     * parameter copies (and a havoc'd callee ignores).
     */
    private Val argument(CExpr a) {
        if (unit.treeHeaders) {
            Optional<KType> type = structType(a);
            if (type.isPresent() && exprs().place(a) instanceof Place.InMemory m) return new Val(m.address(), type.get());
        }
        return exprs().value(a);
    }

    private Optional<KType> structType(CExpr a) {
        if (a instanceof CExpr.Ident id) {
            // a struct local is always an object in memory; a register or constant is no struct
            Optional<Binding> b = t.frame().lookup(id.name());
            if (b.isPresent() && !(b.get() instanceof Binding.Object)) return Optional.empty();
        }
        try {
            KType type = a instanceof CExpr.CompoundLiteral c ? unit.resolver.resolve(c.type(), c.pos()) : exprs().typeOf(a);
            return type instanceof KType.Struct ? Optional.of(type) : Optional.empty();
        } catch (InputException e) {
            return Optional.empty(); // lowering the value says why
        }
    }

    private void checkArity(String name, KType.Function type, int given, SourcePos pos) {
        int n = type.params().size();
        if (given == n || (type.variadic() && given >= n)) return;
        throw new InputException(pos, name + " takes " + n + " argument" + (n == 1 ? "" : "s") + ", not " + given);
    }

    private Val direct(Declarations.Function f, CExpr.Call c, Optional<Reg> target, boolean needValue) {
        SourcePos pos = c.pos();
        checkArity(f.name(), f.type(), c.args().size(), pos);
        if (needValue && f.type().result() instanceof KType.Void) {
            throw new InputException(pos, f.name() + " does not return a value");
        }
        return t.inline(f, arguments(c.args()), target, pos);
    }

    /**
     * A call through a function pointer: compares the pointer with each function it may hold and
     * inlines the one that matches. A pointer that matches none (NULL, say) sets the thread's
     * register {@code pc_bad_call}, which the condition treats as a failure.
     */
    private Val indirect(CExpr.Call c, Val fp, Optional<Reg> target, boolean needValue) {
        SourcePos pos = c.pos();
        KType.Function type;
        if (fp.type() instanceof KType.Pointer p && p.target() instanceof KType.Function f) {
            type = f;
        } else if (fp.type() instanceof KType.Function f) {
            type = f;
        } else {
            Types.known(fp.type(), pos);
            throw new InputException(pos, "called object is not a function (its type is " + fp.type().spelling() + ")");
        }
        Optional<Declarations.Function> known = unit.functionAt(fp.expr());
        if (known.isPresent()) return named(known.get().name(), c, target, needValue);
        checkArity("the function", type, c.args().size(), pos);
        if (needValue && type.result() instanceof KType.Void) throw new InputException(pos, "the function does not return a value");
        List<Val> args = arguments(c.args());
        Reg result = type.result() instanceof KType.Void ? null : target.orElseGet(out()::temp);
        Expr pointer = fp.expr();
        if (!(pointer instanceof Expr.RegRef || pointer instanceof Expr.Const || pointer instanceof Expr.Addr)) {
            Reg r = out().temp();
            out().emit(new Instr.Assign(r, pointer, pos));
            pointer = new Expr.RegRef(r);
        }
        String done = out().label();
        for (Declarations.Function f : unit.dispatchTargets(type)) {
            String next = out().label();
            out().emit(new Instr.Branch(IrExprs.binary(Expr.BinOp.NE, pointer, unit.functionAddress(f.name())), next, pos));
            if (t.active(f.name())) {
                // recursion through a pointer: like a loop beyond the bound, the path is cut, and the
                // checker reports the bound as too small if an execution can take it
                String again = out().label();
                out().loopHead(again);
                out().emit(new Instr.Label(again, pos));
                out().emit(Instr.Branch.always(again, pos));
            } else {
                t.inline(f, args, Optional.ofNullable(result), pos);
                out().emit(Instr.Branch.always(done, pos));
            }
            out().emit(new Instr.Label(next, pos));
        }
        if (t.handler) {
            // an interrupt handler's registers are not observed: the failure goes to memory
            Memory.MemObject flag = unit.badCallFlag(t.thread);
            out().emit(new Instr.Store(new Expr.Const(1), unit.memory.address(flag, 0), Width.WORD, pos));
        } else {
            out().emit(new Instr.Assign(LoweringUnit.BAD_CALL, new Expr.Const(1), pos));
            unit.badCallIn(t.cpu);
        }
        out().emit(new Instr.Label(done, pos));
        return result == null ? new Val(new Expr.Const(0), Types.VOID) : new Val(new Expr.RegRef(result), type.result());
    }

    /**
     * A call of an assembly function, under the ELF ABI: the arguments in r3..r10, the result in
     * r3. The function's code is inlined at the call.
     */
    private Val assembly(String name, org.powercheck.frontend.asm.AsmModule module, Optional<Declarations.Function> f,
                         CExpr.Call c, Optional<Reg> target, boolean needValue) {
        SourcePos pos = c.pos();
        List<Val> args = arguments(c.args());
        if (args.size() > 8) throw new UnsupportedConstructException(pos, "an assembly call with more than 8 arguments");
        for (int i = 0; i < args.size(); i++) {
            out().emit(new Instr.Assign(org.powercheck.frontend.asm.AsmRegisters.gpr(3 + i), args.get(i).expr(), pos));
        }
        for (Instr in : module.call(name, pos)) out().emit(in);
        KType result = f.map(d -> d.type().result()).orElse(unit.types.longType);
        if (result instanceof KType.Void) {
            if (needValue) throw new InputException(pos, name + " does not return a value");
            return new Val(new Expr.Const(0), Types.VOID);
        }
        Reg dst = target.orElseGet(out()::temp);
        out().emit(new Instr.Assign(dst, new Expr.RegRef(org.powercheck.frontend.asm.AsmRegisters.gpr(3)), pos));
        return new Val(new Expr.RegRef(dst), result);
    }

    /** A havoc'd function: its arguments are evaluated, its result is any value, memory is untouched. */
    private Val havoc(String name, Optional<Declarations.Function> f, CExpr.Call c, Optional<Reg> target,
                      boolean needValue) {
        SourcePos pos = c.pos();
        arguments(c.args());
        KType result = f.map(d -> d.type().result()).orElse(unit.types.longType);
        if (result instanceof KType.Void) {
            if (needValue) throw new InputException(pos, name + " does not return a value");
            return new Val(new Expr.Const(0), Types.VOID);
        }
        Reg dst = target.orElseGet(out()::temp);
        Havoc.emit(t, dst, result, pos);
        return new Val(new Expr.RegRef(dst), result);
    }

    // ---------------------------------------------------------------- intrinsics

    private Val intrinsic(String name, CExpr.Call c, Optional<Reg> target) {
        SourcePos pos = c.pos();
        List<CExpr> args = c.args();
        int arity = switch (name) {
            case "smp_processor_id", "raw_smp_processor_id", "__builtin_unreachable", "__pc_irq_soft_mask" -> 0;
            case "__builtin_constant_p", "__pc_this_cpu_ptr", "pc_ipi_trigger", "pc_ipi_entry",
                    "__pc_irq_soft_mask_swap", "__pc_irq_soft_mask_or", "__pc_irq_soft_mask_restore",
                    "__pc_irq_hard_disabled_set", "__pc_interrupted_register" -> 1;
            case "__pc_container_of" -> 3;
            default -> 2;
        };
        if (args.size() != arity) {
            throw new InputException(pos, name + " takes " + arity + " argument" + (arity == 1 ? "" : "s") + ", not "
                    + args.size());
        }
        switch (name) {
            case "smp_processor_id", "raw_smp_processor_id" -> {
                return new Val(new Expr.Const(cpu(pos)), unit.types.intType);
            }
            case "__builtin_expect" -> {
                Val v = exprs().value(args.get(0));
                exprs().value(args.get(1));
                return v;
            }
            case "__builtin_constant_p" -> {
                boolean constant = exprs().isPure(args.get(0))
                        && t.probe(() -> exprs().value(args.get(0))).expr() instanceof Expr.Const;
                return new Val(new Expr.Const(constant ? 1 : 0), unit.types.intType);
            }
            case "__builtin_unreachable" -> {
                out().emit(new Instr.Assume(new Expr.Const(0), pos));
                return new Val(new Expr.Const(0), Types.VOID);
            }
            case "__pc_this_cpu_ptr" -> {
                Val p = exprs().value(args.get(0));
                return perCpuCopy(p, new Val(new Expr.Const(cpu(pos)), unit.types.intType), c);
            }
            case "__pc_per_cpu_ptr" -> {
                Val p = exprs().value(args.get(0));
                return perCpuCopy(p, exprs().value(args.get(1)), c);
            }
            case "__builtin_types_compatible_p" -> {
                // GCC: the unqualified types are the same (the kernel's __same_type)
                boolean same = TypeResolver.same(typeArgument(args.get(0), name), typeArgument(args.get(1), name));
                return new Val(new Expr.Const(same ? 1 : 0), unit.types.intType);
            }
            case "__builtin_offsetof" -> {
                // offsetof(type, member): the ABI byte offset (C11 7.19), not the cell offset
                KType type = typeArgument(args.get(0), name);
                ExprLowering.Designated d = exprs().designate(type, args.get(1), pos);
                if (d.bytes() == KType.UNKNOWN) {
                    throw new UnsupportedConstructException(pos, "offsetof in " + type.spelling()
                            + " after a bit-field or a member of unknown size (they are not laid out)");
                }
                return new Val(new Expr.Const(d.bytes()), unit.types.unsignedLong);
            }
            case "__pc_container_of" -> {
                // container_of(ptr, type, member): the member's distance in cells, whatever its ABI offset
                Val ptr = exprs().value(args.get(0));
                KType type = typeArgument(args.get(1), name);
                ExprLowering.Designated d = exprs().designate(type, args.get(2), pos);
                return new Val(unit.memory.plus(ptr.expr(), -d.cells() * KType.STRIDE), new KType.Pointer(type));
            }
            case "pc_ipi_trigger" -> {
                out().emit(new Instr.Store(new Expr.Const(IPI_TOKEN), ipiAddress(exprs().value(args.get(0)), pos),
                        Width.DOUBLE, pos));
                return new Val(new Expr.Const(0), Types.VOID);
            }
            case "pc_ipi_entry" -> {
                Expr address = ipiAddress(exprs().value(args.get(0)), pos);
                Reg dst = target.orElseGet(out()::temp);
                out().emit(new Instr.Load(dst, address, Width.DOUBLE, true, false, pos));
                // triggers write 1, so the value read is an int as pc_model.h declares
                return new Val(new Expr.RegRef(dst), unit.types.intType);
            }
            case "__pc_irq_soft_mask" -> {
                return new Val(new Expr.RegRef(Reg.IRQ_SOFT_MASK), unit.types.unsignedLong);
            }
            case "__pc_irq_soft_mask_swap", "__pc_irq_soft_mask_or" -> {
                // the CPU's soft mask (paca->irq_soft_mask): only this CPU reads it, no event
                Val v = exprs().value(args.get(0));
                Reg old = target.orElseGet(out()::temp);
                out().emit(new Instr.Assign(old, new Expr.RegRef(Reg.IRQ_SOFT_MASK), pos));
                Expr next = name.endsWith("_or") ? IrExprs.binary(Expr.BinOp.OR, new Expr.RegRef(old), v.expr()) : v.expr();
                out().emit(new Instr.Assign(Reg.IRQ_SOFT_MASK, next, pos));
                return new Val(new Expr.RegRef(old), unit.types.unsignedLong);
            }
            case "__pc_irq_soft_mask_restore" -> {
                // arch_local_irq_restore(): the mask back; re-enabling also ends a hard disable
                Val v = exprs().value(args.get(0));
                out().emit(new Instr.Assign(Reg.IRQ_SOFT_MASK, v.expr(), pos));
                Expr hard = new Expr.Select(IrExprs.binary(Expr.BinOp.EQ, new Expr.RegRef(Reg.IRQ_SOFT_MASK),
                        new Expr.Const(0)), new Expr.Const(0), new Expr.RegRef(Reg.IRQ_HARD_DISABLED));
                out().emit(new Instr.Assign(Reg.IRQ_HARD_DISABLED, hard, pos));
                return new Val(new Expr.Const(0), Types.VOID);
            }
            case "__pc_interrupted_register" -> {
                // what the interrupted context had in a register: see RegisterCheck
                if (!(args.get(0) instanceof CExpr.StringLit s)) {
                    throw new InputException(pos, name + " takes a register name in quotes, as in \"f0\"");
                }
                Reg r = RegisterCheck.entryRegister(s.value(), pos);
                return new Val(new Expr.RegRef(r), unit.types.unsignedLong);
            }
            case "__pc_irq_hard_disabled_set" -> {
                Val v = exprs().value(args.get(0));
                out().emit(new Instr.Assign(Reg.IRQ_HARD_DISABLED, v.expr(), pos));
                return new Val(new Expr.Const(0), Types.VOID);
            }
            default -> throw new IllegalStateException(name);
        }
    }

    /**
     * {@code this_cpu_ptr(&var.member)}: the same member of CPU {@code cpu}'s copy, which is a
     * whole copy of the variable (its cells) further per CPU, whatever the member's own type.
     */
    private Val perCpuCopy(Val p, Val cpu, CExpr.Call c) {
        if (p.expr() instanceof Expr.Addr a && unit.memory.hasCell(a.cell())) {
            Memory.MemObject o = unit.memory.ownerOf(a.cell());
            if (unit.decls.global(o.name()).map(Declarations.Global::perCpu).orElse(false)) {
                long stride = o.type().cells() * KType.STRIDE;
                Expr copy = cpu.expr() instanceof Expr.Const k ? unit.memory.plus(p.expr(), k.value() * stride)
                        : IrExprs.binary(Expr.BinOp.ADD, p.expr(), IrExprs.binary(Expr.BinOp.MUL, cpu.expr(),
                        new Expr.Const(stride)));
                return new Val(copy, p.type());
            }
        }
        return exprs().elementAdd(p, cpu, false, c);
    }

    private KType typeArgument(CExpr arg, String function) {
        if (arg instanceof CExpr.TypeArg t) return unit.resolver.resolve(t.type(), t.pos());
        throw new InputException(arg.pos(), function + " expects a type here");
    }

    private int cpu(SourcePos pos) {
        if (t.cpu < 0) throw new InputException(pos, "smp_processor_id() is used outside a thread");
        return t.cpu;
    }

    /** The IPI pseudo-location of the CPU {@code cpu} names (PM 3.3: triggers write it, the delivery reads it). */
    Expr ipiAddress(Val cpu, SourcePos pos) {
        Memory.MemObject ipi = unit.ipi();
        if (cpu.expr() instanceof Expr.Const k) {
            if (k.value() < 0 || k.value() >= unit.options.cpus()) {
                throw new InputException(pos, "no CPU " + k.value() + " (there are " + unit.options.cpus() + ")");
            }
            return unit.memory.address(ipi, k.value());
        }
        return IrExprs.binary(Expr.BinOp.ADD, unit.memory.address(ipi, 0),
                IrExprs.binary(Expr.BinOp.MUL, cpu.expr(), new Expr.Const(KType.STRIDE)));
    }

    // ---------------------------------------------------------------- kernel primitives

    private Val primitive(String name, Primitive p, CExpr.Call c, Optional<Reg> target, boolean needValue) {
        SourcePos pos = c.pos();
        if (c.args().size() != p.params().size()) {
            throw new InputException(pos, name + " takes " + p.params().size() + " argument"
                    + (p.params().size() == 1 ? "" : "s") + ", not " + c.args().size());
        }
        if (needValue && !p.hasResult()) {
            throw new InputException(pos, name + " does not return a value");
        }
        List<Expr> args = new ArrayList<>();
        KType access = null;
        Expr writeBack = null;
        Reg writeBackReg = null;
        List<Binding.Local> updatedLocals = new ArrayList<>();
        for (int i = 0; i < p.params().size(); i++) {
            ArgKind kind = p.params().get(i);
            CExpr arg = c.args().get(i);
            switch (kind) {
                case VALUE -> args.add(exprs().value(arg).expr());
                case POINTER -> {
                    Val v = exprs().value(arg);
                    if (access == null && v.type() instanceof KType.Pointer ptr) {
                        access = Types.known(ptr.target().firstScalar(), pos);
                        if (access.isScalar()) exprs().checkAccess(v.expr(), access, pos);
                    }
                    args.add(v.expr());
                }
                case PLACE -> {
                    if (arg instanceof CExpr.Ident id && t.frame().lookup(id.name()).orElse(null) instanceof Binding.Constant k) {
                        return k.value();
                    }
                    if (arg instanceof CExpr.Ident id && t.frame().lookup(id.name()).orElse(null) instanceof Binding.SharedParam) {
                        // a thread's parameter is the location's address, not the location
                        throw new InputException(arg.pos(), name + " needs a memory location such as *" + id.name());
                    }
                    Place place = exprs().place(arg);
                    Types.known(place.type(), pos);
                    if (place instanceof Place.InRegister r) return registerAccess(p, r, c, pos);
                    Place.InMemory m = (Place.InMemory) place;
                    if (!m.type().isScalar()) {
                        throw new UnsupportedConstructException(pos, name + " of a " + m.type().spelling());
                    }
                    if (access == null) access = m.type();
                    exprs().checkAccess(m.address(), m.type(), pos);
                    args.add(m.address());
                }
                case LOCAL -> {
                    Optional<Reg> local = addressOfRegisterLocal(arg);
                    if (local.isPresent()) {
                        args.add(new Expr.RegRef(local.get()));
                        if (t.frame().lookup(registerLocalName(arg)).orElse(null) instanceof Binding.Local l) {
                            updatedLocals.add(l);
                        }
                    } else {
                        // a pointer to the expected value: load it, let the primitive update it, store it back
                        Val ptr = exprs().value(arg);
                        KType pointee = ptr.type() instanceof KType.Pointer q ? q.target() : unit.types.longType;
                        writeBackReg = out().temp();
                        writeBack = ptr.expr();
                        exprs().store(new Place.InRegister(writeBackReg, pointee),
                                exprs().load(new Place.InMemory(ptr.expr(), pointee), pos).expr(), pos);
                        args.add(new Expr.RegRef(writeBackReg));
                    }
                }
            }
        }
        Width width = access != null ? access.width() : Width.DOUBLE;
        t.rcu.before(name, args, pos);
        Expr result = p.emit(new Invocation(name, args, target, width, pos, t.cpu), out());
        t.rcu.after(name, args, result, pos);
        if (writeBack != null) {
            String skip = out().label();
            if (result != null) out().emit(new Instr.Branch(result, skip, pos));
            out().emit(new Instr.Store(new Expr.RegRef(writeBackReg), writeBack, width, pos));
            out().emit(new Instr.Label(skip, pos));
        }
        for (Binding.Local l : updatedLocals) {
            // the primitive may have put a loaded value there (try_cmpxchg's old): in C it is a value of the local's type
            Expr held = new Expr.RegRef(l.reg());
            Expr canonical = Types.normalize(held, l.type());
            if (!canonical.equals(held)) out().emit(new Instr.Assign(l.reg(), canonical, pos));
        }
        if (result == null) return new Val(new Expr.Const(0), Types.VOID);
        KType type = resultType(p, access);
        // a truth value is 0 or 1 already; a loaded value may be extended as the type wants
        if (p.result() == Primitive.Result.TRUTH
                || result instanceof Expr.RegRef r && out().canonical(r.reg(), type)) {
            return new Val(result, type);
        }
        return new Val(Types.normalize(result, type), type);
    }

    /** {@code READ_ONCE(x)} / {@code WRITE_ONCE(x, v)} of a register local: no memory access at all. */
    private Val registerAccess(Primitive p, Place.InRegister r, CExpr.Call c, SourcePos pos) {
        if (p.hasResult()) return exprs().load(r, pos);
        Val v = exprs().convert(exprs().value(c.args().get(1)), r.type());
        exprs().store(r, v.expr(), pos);
        return new Val(new Expr.Const(0), Types.VOID);
    }

    /** The name in {@code &name}, for an argument {@link #addressOfRegisterLocal} accepts. */
    private static String registerLocalName(CExpr arg) {
        CExpr.Unary u = (CExpr.Unary) ExprLowering.withoutCasts(arg);
        return ((CExpr.Ident) ExprLowering.withoutCasts(u.operand())).name();
    }

    private Optional<Reg> addressOfRegisterLocal(CExpr arg) {
        if (ExprLowering.withoutCasts(arg) instanceof CExpr.Unary u && u.op() == CExpr.UnaryOp.ADDRESS
                && ExprLowering.withoutCasts(u.operand()) instanceof CExpr.Ident id
                && t.frame().lookup(id.name()).orElse(null) instanceof Binding.Local l) {
            return Optional.of(l.reg());
        }
        return Optional.empty();
    }

    /** The C type of a primitive's value, as its definition says: a truth value, or the location's type. */
    private KType resultType(Primitive p, KType access) {
        return switch (p.result()) {
            case TRUTH -> unit.types.intType;
            case LOCATION -> access != null ? access : unit.types.longType;
            case NONE -> Types.VOID;
        };
    }
}
