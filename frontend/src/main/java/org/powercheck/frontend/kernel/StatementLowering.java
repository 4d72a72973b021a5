package org.powercheck.frontend.kernel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.powercheck.frontend.cparse.CDecl;
import org.powercheck.frontend.cparse.CExpr;
import org.powercheck.frontend.cparse.CInit;
import org.powercheck.frontend.cparse.CStmt;
import org.powercheck.ir.Expr;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.UnsupportedConstructException;

/**
 * Lowers statements. Control flow becomes labels and branches over register conditions, so
 * {@code if (r1) WRITE_ONCE(*y, 1);} carries the control dependency the compiled code has; loops
 * become backward branches, which the checker unrolls up to its bound.
 */
final class StatementLowering {
    private final ThreadLowering t;
    private final LoweringUnit unit;

    StatementLowering(ThreadLowering t) {
        this.t = t;
        this.unit = t.unit;
    }

    private CodeBuffer out() {
        return t.out;
    }

    private ExprLowering exprs() {
        return t.exprs;
    }

    private SourcePos at(CStmt s) {
        return s.pos();
    }

    /** A function's body, in the scope of its parameters; a final {@code return} needs no jump. */
    void functionBody(CStmt.Block body) {
        List<CStmt> items = body.items();
        for (int i = 0; i < items.size(); i++) {
            CStmt s = items.get(i);
            if (i == items.size() - 1 && s instanceof CStmt.Return r && !t.frame().top) {
                returnValue(r, false);
            } else {
                statement(s);
            }
        }
    }

    /** Every {@code goto} of the frame has its label. */
    void checkLabels(Frame f) {
        f.gotos.forEach((label, pos) -> {
            if (!f.labels.contains(label)) throw new InputException(pos, "label '" + label + "' is not defined");
        });
    }

    void statement(CStmt s) {
        Frame f = t.frame();
        switch (s) {
            case CStmt.Block b -> {
                f.pushScope();
                try {
                    b.items().forEach(this::statement);
                } finally {
                    f.popScope();
                }
            }
            case CStmt.Declaration d -> d.decls().forEach(this::declaration);
            case CStmt.ExprStmt e -> exprs().effect(e.expr());
            case CStmt.Empty e -> { }
            case CStmt.If i -> ifStatement(i);
            case CStmt.While w -> whileLoop(w);
            case CStmt.DoWhile d -> doWhileLoop(d);
            case CStmt.For fo -> forLoop(fo);
            case CStmt.Switch sw -> switchStatement(sw);
            case CStmt.Case c -> {
                out().emit(new Instr.Label(caseLabel(c), at(c)));
                statement(c.body());
            }
            case CStmt.Default d -> {
                out().emit(new Instr.Label(caseLabel(d), at(d)));
                statement(d.body());
            }
            case CStmt.Break b -> {
                if (f.targets.isEmpty()) throw new InputException(at(b), "'break' outside a loop or switch");
                out().emit(Instr.Branch.always(f.targets.peek().exit(), at(b)));
            }
            case CStmt.Continue c -> out().emit(Instr.Branch.always(continueTarget(at(c)), at(c)));
            case CStmt.Return r -> returnValue(r, true);
            case CStmt.Goto g -> {
                String label = f.label(g.label());
                f.gotos.putIfAbsent(g.label(), at(g));
                out().emit(Instr.Branch.always(label, at(g)));
            }
            case CStmt.Labeled l -> {
                if (!f.labels.add(l.label())) throw new InputException(at(l), "label '" + l.label() + "' defined twice");
                out().emit(new Instr.Label(f.label(l.label()), at(l)));
                statement(l.body());
            }
            case CStmt.Asm a -> {
                new AsmLowering(t).lower(a);
            }
            case CStmt.ComputedGoto g -> throw new UnsupportedConstructException(at(g), "computed goto");
            case CStmt.MacroLoop m -> throw new UnsupportedConstructException(at(m), "iteration macro '" + m.name()
                    + "' (its definition was not read)");
            case CStmt.MacroDeclaration m -> throw new UnsupportedConstructException(at(m), "declaration macro '"
                    + m.macro().name() + "' (its definition was not read)");
        }
    }

    /** {@code return}: the thread function ends; an inlined one leaves its value and jumps to its end. */
    private void returnValue(CStmt.Return r, boolean jump) {
        Frame f = t.frame();
        if (f.top) {
            r.value().ifPresent(exprs()::effect);
            out().emit(Instr.Branch.always(out().end(), at(r)));
            return;
        }
        if (r.value().isPresent()) {
            if (f.result != null) {
                exprs().assignTo(new Place.InRegister(f.result, f.resultType), r.value().get(), at(r));
            } else {
                exprs().effect(r.value().get());
            }
        }
        if (jump) {
            f.exitUsed = true;
            out().emit(Instr.Branch.always(f.exit, at(r)));
        }
    }

    // ---------------------------------------------------------------- declarations

    /** A local's type; GCC's {@code __auto_type x = e} has the type of {@code e}. */
    private KType localType(CDecl d) {
        if (d.type() instanceof org.powercheck.frontend.cparse.CType.Base b && b.words().equals(List.of("__auto_type"))
                && d.init().isPresent() && d.init().get() instanceof org.powercheck.frontend.cparse.CInit.Single single) {
            return unit.resolver.resolve(new org.powercheck.frontend.cparse.CType.TypeOf(Optional.of(single.value()),
                    Optional.empty()), d.pos());
        }
        return unit.resolver.resolve(d.type(), d.pos());
    }

    private void declaration(CDecl d) {
        Frame f = t.frame();
        SourcePos pos = d.pos();
        if (d.isTypedef()) {
            unit.resolver.defineTypedef(d.name(), unit.resolver.resolve(d.type(), d.pos()), d.pos());
            return;
        }
        KType type = localType(d);
        if (d.name().isEmpty()) return;
        if (type instanceof KType.Function || d.storage().contains("extern")) {
            unit.decls.declare(d);
            return;
        }
        if (type instanceof KType.Array a && a.length() < 0 && d.init().isPresent()) {
            type = new KType.Array(a.element(), Initializers.length(d.init().get(), unit.resolver));
        }
        unit.resolver.checkLayout(type, d.pos());
        if (d.storage().contains("static")) {
            staticLocal(d, type, pos);
            return;
        }
        if (f.escaped.contains(d.name()) || type.isAggregate()) {
            Expr address = object(d.name(), type, pos);
            if (d.init().isPresent()) initialize(address, type, d.init().get(), pos);
            return;
        }
        Reg reg = f.register(d.name());
        f.bind(d.name(), new Binding.Local(reg, type));
        if (d.init().isEmpty()) return;
        Place.InRegister place = new Place.InRegister(reg, type);
        CInit init = d.init().get();
        while (init instanceof CInit.Braced b && b.items().size() == 1) init = b.items().get(0).value();
        switch (init) {
            case CInit.Single s -> exprs().assignTo(place, s.value(), pos);
            case CInit.Braced b -> {
                if (!b.items().isEmpty()) throw new InputException(pos, "too many initialisers for a scalar");
                out().emit(new Instr.Assign(reg, new Expr.Const(0), pos));
            }
        }
        // a local that keeps a value known here is that value everywhere, also after labels
        KType declared = type;
        if (f.readOnly(d.name())) {
            out().known(reg).ifPresent(v -> f.bind(d.name(), new Binding.Constant(new Val(v, declared))));
        }
    }

    /** A parameter of an inlined function: a register holding the argument, or memory if its address is taken. */
    void bindParameter(String name, KType type, Val value, SourcePos pos) {
        Frame f = t.frame();
        if (f.escaped.contains(name) || type.isAggregate()) {
            Expr address = object(name, type, pos);
            if (type.isScalar()) exprs().store(new Place.InMemory(address, type), value.expr(), pos);
            else if (unit.treeHeaders && type instanceof KType.Struct && value.type() instanceof KType.Struct) {
                // the argument is the address of the struct passed (CallLowering.argument)
                exprs().copy(new Place.InMemory(address, type), new Place.InMemory(value.expr(), type), pos);
            } else throw new UnsupportedConstructException(pos, "struct passed by value");
            return;
        }
        if (f.readOnly(name) && (value.expr() instanceof Expr.Const || value.expr() instanceof Expr.Addr)) {
            f.bind(name, new Binding.Constant(value));
            return;
        }
        Reg reg = f.register(name);
        out().emit(new Instr.Assign(reg, value.expr(), pos));
        f.bind(name, new Binding.Local(reg, type));
    }

    /** The memory of a local whose address is taken; the same cells each time the function is inlined. */
    private Expr object(String name, KType type, SourcePos pos) {
        Frame f = t.frame();
        String objectName = f.objectName(name);
        Memory.MemObject o = unit.memory.object(objectName)
                .orElseGet(() -> unit.memory.allocate(objectName, objectName, type, pos));
        Expr address = unit.memory.address(o, 0);
        f.bind(name, new Binding.Object(address, type));
        return address;
    }

    /** A {@code static} local: one object for the whole program, initialised statically. */
    private void staticLocal(CDecl d, KType type, SourcePos pos) {
        Frame f = t.frame();
        // "f:x", unlike a thread's own locals ("P0.x"): one object for every thread
        String name = f.function + ":" + d.name();
        Memory.MemObject o = unit.memory.object(name).orElseGet(() -> {
            Memory.MemObject fresh = unit.memory.allocate(name, name, type, pos);
            d.init().ifPresent(init -> Initializers.walk(type, init, unit.resolver, (offset, leaf, value) ->
                    unit.memory.setInit(unit.memory.cellName(fresh, offset), unit.initialValue(value, leaf, d.name()))));
            return fresh;
        });
        f.bind(d.name(), new Binding.Object(unit.memory.address(o, 0), type));
    }

    /** Stores an initialiser into a local object; what it leaves out is zero (C's rule for braces). */
    void initialize(Expr address, KType type, CInit init, SourcePos pos) {
        if (init instanceof CInit.Single s && type.isScalar()) {
            Val v = exprs().convert(exprs().value(s.value()), type);
            exprs().store(new Place.InMemory(address, type), v.expr(), pos);
            return;
        }
        Set<Long> written = new HashSet<>();
        Initializers.walk(type, init, unit.resolver, new Initializers.Sink() {
            @Override
            public void scalar(long offset, KType leaf, CExpr value) {
                Val v = exprs().convert(exprs().value(value), leaf);
                exprs().store(new Place.InMemory(unit.memory.plus(address, offset * KType.STRIDE), leaf), v.expr(), pos);
                written.add(offset);
            }

            @Override
            public void aggregate(long offset, KType sub, CExpr value) {
                Place src = exprs().place(value);
                if (!(src instanceof Place.InMemory m)) throw new InputException(value.pos(), "cannot copy this struct");
                exprs().copy(new Place.InMemory(unit.memory.plus(address, offset * KType.STRIDE), sub), m, pos);
                for (long k = 0; k < sub.cells(); k++) written.add(offset + k);
            }
        });
        if (init instanceof CInit.Braced) {
            List<long[]> unused = new ArrayList<>();
            leaves(type, 0, unused);
            for (long[] leaf : unused) {
                if (written.contains(leaf[0])) continue;
                KType leafType = leafType(type, leaf[0]);
                exprs().store(new Place.InMemory(unit.memory.plus(address, leaf[0] * KType.STRIDE), leafType),
                        new Expr.Const(0), pos);
            }
        }
    }

    private static void leaves(KType type, long offset, List<long[]> out) {
        switch (type) {
            case KType.Struct s -> {
                for (KType.Field f : s.fields()) {
                    leaves(f.type(), offset + f.offset(), out);
                    if (s.union()) break;
                }
            }
            case KType.Array a -> {
                for (long i = 0; i < a.length(); i++) leaves(a.element(), offset + i * a.element().cells(), out);
            }
            default -> {
                if (type.isScalar()) out.add(new long[] {offset});
            }
        }
    }

    private static KType leafType(KType type, long offset) {
        while (!type.isScalar()) {
            if (type instanceof KType.Array a) {
                long cells = Math.max(1, a.element().cells());
                offset %= cells;
                type = a.element();
            } else if (type instanceof KType.Struct s) {
                KType next = null;
                for (KType.Field f : s.fields()) {
                    if (offset >= f.offset() && offset < f.offset() + Math.max(1, f.type().cells())) {
                        offset -= f.offset();
                        next = f.type();
                        break;
                    }
                }
                if (next == null) return type;
                type = next;
            } else {
                return type;
            }
        }
        return type;
    }

    // ---------------------------------------------------------------- control flow

    private void ifStatement(CStmt.If i) {
        Expr cond = exprs().value(i.cond()).expr();
        if (unit.treeHeaders && cond instanceof Expr.Const k) {
            // a tree's helpers test configuration and constant arguments (IS_ENABLED, allow_local):
            // the branch not taken is not lowered, so neither is a recursion only it would make
            if (k.value() != 0) statement(i.then());
            else i.otherwise().ifPresent(this::statement);
            return;
        }
        String otherwise = out().label();
        // Under the LKMM the condition controls the two branches only, so the branch knows where they join.
        boolean scoped = unit.mapping.isLkmm();
        String done = scoped && i.otherwise().isPresent() ? out().label() : null;
        String join = i.otherwise().isEmpty() ? otherwise : done;
        out().emit(new Instr.Branch(IrExprs.negate(cond), otherwise, at(i), scoped ? join : null));
        statement(i.then());
        if (i.otherwise().isEmpty()) {
            out().emit(new Instr.Label(otherwise, at(i)));
            return;
        }
        if (done == null) done = out().label();
        out().emit(Instr.Branch.always(done, at(i)));
        out().emit(new Instr.Label(otherwise, at(i)));
        statement(i.otherwise().get());
        out().emit(new Instr.Label(done, at(i)));
    }

    private void whileLoop(CStmt.While w) {
        String test = out().label();
        String exit = out().label();
        out().loopHead(test);
        out().emit(new Instr.Label(test, at(w)));
        out().emit(new Instr.Branch(IrExprs.negate(exprs().value(w.cond()).expr()), exit, at(w)));
        loopBody(w.body(), exit, test);
        out().emit(Instr.Branch.always(test, at(w)));
        out().emit(new Instr.Label(exit, at(w)));
    }

    private void doWhileLoop(CStmt.DoWhile d) {
        String top = out().label();
        String test = out().label();
        String exit = out().label();
        if (!neverRepeats(d.cond())) out().loopHead(top);
        out().emit(new Instr.Label(top, at(d)));
        loopBody(d.body(), exit, test);
        out().emit(new Instr.Label(test, at(d)));
        out().emit(new Instr.Branch(exprs().value(d.cond()).expr(), top, d.cond().pos()));
        out().emit(new Instr.Label(exit, at(d)));
    }

    /** {@code do { ... } while (0)}, the shape of statement macros: no loop at all. */
    private boolean neverRepeats(CExpr cond) {
        return exprs().isPure(cond) && t.probe(() -> exprs().value(cond)).expr() instanceof Expr.Const c && c.value() == 0;
    }

    private void forLoop(CStmt.For fo) {
        Frame f = t.frame();
        f.pushScope();
        try {
            fo.init().ifPresent(this::statement);
            String test = out().label();
            String step = out().label();
            String exit = out().label();
            out().loopHead(test);
            out().emit(new Instr.Label(test, at(fo)));
            if (fo.cond().isPresent()) {
                out().emit(new Instr.Branch(IrExprs.negate(exprs().value(fo.cond().get()).expr()), exit, at(fo)));
            }
            loopBody(fo.body(), exit, step);
            out().emit(new Instr.Label(step, at(fo)));
            fo.step().ifPresent(exprs()::effect);
            out().emit(Instr.Branch.always(test, at(fo)));
            out().emit(new Instr.Label(exit, at(fo)));
        } finally {
            f.popScope();
        }
    }

    private void loopBody(CStmt body, String exit, String next) {
        Frame f = t.frame();
        f.targets.push(new Frame.Targets(exit, next));
        try {
            statement(body);
        } finally {
            f.targets.pop();
        }
    }

    /** A compare-and-branch chain to the case labels, then the body with the labels in place. */
    private void switchStatement(CStmt.Switch sw) {
        Frame f = t.frame();
        Expr value = exprs().value(sw.value()).expr();
        if (!(value instanceof Expr.RegRef || value instanceof Expr.Const)) {
            Reg r = out().temp();
            out().emit(new Instr.Assign(r, value, at(sw)));
            value = new Expr.RegRef(r);
        }
        String exit = out().label();
        String fallback = exit;
        List<CStmt> cases = new ArrayList<>();
        collectCases(sw.body(), cases);
        for (CStmt c : cases) {
            String label = out().label();
            f.caseLabels.put(c, label);
            if (c instanceof CStmt.Case k) {
                Expr low = new Expr.Const(exprs().constant(k.value()));
                Expr match = k.high().isEmpty()
                        ? compare(Expr.BinOp.EQ, value, low)
                        : compare(Expr.BinOp.AND, compare(Expr.BinOp.GE, value, low),
                                compare(Expr.BinOp.LE, value, new Expr.Const(exprs().constant(k.high().get()))));
                out().emit(new Instr.Branch(match, label, k.pos()));
            } else {
                fallback = label;
            }
        }
        out().emit(Instr.Branch.always(fallback, at(sw)));
        f.targets.push(new Frame.Targets(exit, null));
        try {
            statement(sw.body());
        } finally {
            f.targets.pop();
        }
        out().emit(new Instr.Label(exit, at(sw)));
    }

    /** Typed code folds a comparison with a known value, so a switch on a constant jumps straight to its case. */
    private Expr compare(Expr.BinOp op, Expr a, Expr b) {
        return IrExprs.binary(op, a, b);
    }

    /** The case and default labels of a switch body, not those of nested switches. */
    private static void collectCases(CStmt s, List<CStmt> out) {
        switch (s) {
            case CStmt.Case c -> {
                out.add(c);
                collectCases(c.body(), out);
            }
            case CStmt.Default d -> {
                out.add(d);
                collectCases(d.body(), out);
            }
            case CStmt.Block b -> b.items().forEach(i -> collectCases(i, out));
            case CStmt.If i -> {
                collectCases(i.then(), out);
                i.otherwise().ifPresent(o -> collectCases(o, out));
            }
            case CStmt.While w -> collectCases(w.body(), out);
            case CStmt.DoWhile d -> collectCases(d.body(), out);
            case CStmt.For f -> collectCases(f.body(), out);
            case CStmt.Labeled l -> collectCases(l.body(), out);
            default -> { }
        }
    }

    private String caseLabel(CStmt c) {
        String label = t.frame().caseLabels.get(c);
        if (label == null) throw new InputException(at(c), "case label outside a switch");
        return label;
    }

    private String continueTarget(SourcePos pos) {
        for (Frame.Targets target : t.frame().targets) {
            if (target.next() != null) return target.next();
        }
        throw new InputException(pos, "'continue' outside a loop");
    }
}
