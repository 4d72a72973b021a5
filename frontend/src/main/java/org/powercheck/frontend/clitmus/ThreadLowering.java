package org.powercheck.frontend.clitmus;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.powercheck.frontend.cparse.CDecl;
import org.powercheck.frontend.cparse.CInit;
import org.powercheck.frontend.cparse.CStmt;
import org.powercheck.frontend.cparse.CType;
import org.powercheck.ir.Expr;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.UnsupportedConstructException;
import org.powercheck.model.mapping.InstrBuffer;
import org.powercheck.model.mapping.KernelMapping;

/**
 * Lowers the body of one litmus thread to IR. Control flow becomes labels and branches over
 * register conditions, so {@code if (r1) WRITE_ONCE(*y, 1);} carries the control dependency the
 * compiled code has; loops become backward branches (bounded later by the checker).
 */
final class ThreadLowering {
    /** Where {@code break} and {@code continue} go; {@code next} is null inside a switch. */
    private record Targets(String exit, String next) {}

    private final ThreadScope scope;
    private final InstrBuffer out = new InstrBuffer();
    private final ExprLowering exprs;
    private final Deque<Targets> targets = new ArrayDeque<>();
    private final Map<CStmt, String> caseLabels = new IdentityHashMap<>();
    private final Map<String, SourcePos> gotos = new LinkedHashMap<>();
    private final Set<String> labels = new HashSet<>();

    ThreadLowering(ThreadScope scope, KernelMapping mapping) {
        this.scope = scope;
        this.exprs = new ExprLowering(scope, mapping, out);
    }

    List<Instr> lower(CStmt.Block body) {
        statement(body);
        gotos.forEach((label, pos) -> {
            if (!labels.contains(label)) throw new InputException(pos, "label '" + label + "' is not defined");
        });
        return out.finish(body.pos());
    }

    private void statement(CStmt s) {
        switch (s) {
            case CStmt.Block b -> b.items().forEach(this::statement);
            case CStmt.Declaration d -> d.decls().forEach(this::declaration);
            case CStmt.ExprStmt e -> exprs.effect(e.expr());
            case CStmt.Empty e -> { }
            case CStmt.If i -> ifStatement(i);
            case CStmt.While w -> whileLoop(w);
            case CStmt.DoWhile d -> doWhileLoop(d);
            case CStmt.For f -> forLoop(f);
            case CStmt.Switch sw -> switchStatement(sw);
            case CStmt.Case c -> {
                out.emit(new Instr.Label(caseLabel(c), c.pos()));
                statement(c.body());
            }
            case CStmt.Default d -> {
                out.emit(new Instr.Label(caseLabel(d), d.pos()));
                statement(d.body());
            }
            case CStmt.Break b -> {
                if (targets.isEmpty()) throw new InputException(b.pos(), "'break' outside a loop or switch");
                out.emit(Instr.Branch.always(targets.peek().exit(), b.pos()));
            }
            case CStmt.Continue c -> out.emit(Instr.Branch.always(continueTarget(c.pos()), c.pos()));
            case CStmt.Return r -> {
                r.value().ifPresent(exprs::effect);
                out.emit(Instr.Branch.always(out.end(), r.pos()));
            }
            case CStmt.Goto g -> {
                gotos.putIfAbsent(g.label(), g.pos());
                out.emit(Instr.Branch.always(g.label(), g.pos()));
            }
            case CStmt.Labeled l -> {
                if (!labels.add(l.label())) throw new InputException(l.pos(), "label '" + l.label() + "' defined twice");
                out.emit(new Instr.Label(l.label(), l.pos()));
                statement(l.body());
            }
            case CStmt.Asm a -> throw new UnsupportedConstructException(a.pos(), "inline assembly");
            case CStmt.ComputedGoto g -> throw new UnsupportedConstructException(g.pos(), "computed goto");
            case CStmt.MacroLoop m -> throw new UnsupportedConstructException(m.pos(), "iteration macro '" + m.name() + "'");
            case CStmt.MacroDeclaration m ->
                    throw new UnsupportedConstructException(m.pos(), "declaration macro '" + m.macro().name() + "'");
        }
    }

    /** A local: a register named as in the source; an initialiser is an assignment. */
    private void declaration(CDecl d) {
        if (d.isTypedef() || d.storage().contains("static") || d.storage().contains("extern")) {
            throw new UnsupportedConstructException(d.pos(), "'" + String.join(" ", d.storage()) + "' declaration in a thread");
        }
        if (d.type() instanceof CType.Array) throw new UnsupportedConstructException(d.pos(), "local array");
        if (d.type() instanceof CType.Record) throw new UnsupportedConstructException(d.pos(), "local struct");
        Reg reg = scope.declare(d.name());
        if (d.init().isEmpty()) return;
        if (d.init().get() instanceof CInit.Single single) {
            exprs.assignTo(reg, single.value(), d.pos());
        } else {
            throw new UnsupportedConstructException(d.pos(), "brace initialiser");
        }
    }

    private void ifStatement(CStmt.If i) {
        Expr cond = exprs.value(i.cond());
        String otherwise = out.label();
        out.emit(new Instr.Branch(IrExprs.negate(cond), otherwise, i.pos()));
        statement(i.then());
        if (i.otherwise().isEmpty()) {
            out.emit(new Instr.Label(otherwise, i.pos()));
            return;
        }
        String done = out.label();
        out.emit(Instr.Branch.always(done, i.pos()));
        out.emit(new Instr.Label(otherwise, i.pos()));
        statement(i.otherwise().get());
        out.emit(new Instr.Label(done, i.pos()));
    }

    private void whileLoop(CStmt.While w) {
        String test = out.label();
        String exit = out.label();
        out.emit(new Instr.Label(test, w.pos()));
        out.emit(new Instr.Branch(IrExprs.negate(exprs.value(w.cond())), exit, w.pos()));
        loopBody(w.body(), exit, test);
        out.emit(Instr.Branch.always(test, w.pos()));
        out.emit(new Instr.Label(exit, w.pos()));
    }

    private void doWhileLoop(CStmt.DoWhile d) {
        String top = out.label();
        String test = out.label();
        String exit = out.label();
        out.emit(new Instr.Label(top, d.pos()));
        loopBody(d.body(), exit, test);
        out.emit(new Instr.Label(test, d.pos()));
        out.emit(new Instr.Branch(exprs.value(d.cond()), top, d.cond().pos()));
        out.emit(new Instr.Label(exit, d.pos()));
    }

    private void forLoop(CStmt.For f) {
        f.init().ifPresent(this::statement);
        String test = out.label();
        String step = out.label();
        String exit = out.label();
        out.emit(new Instr.Label(test, f.pos()));
        if (f.cond().isPresent()) {
            out.emit(new Instr.Branch(IrExprs.negate(exprs.value(f.cond().get())), exit, f.pos()));
        }
        loopBody(f.body(), exit, step);
        out.emit(new Instr.Label(step, f.pos()));
        f.step().ifPresent(exprs::effect);
        out.emit(Instr.Branch.always(test, f.pos()));
        out.emit(new Instr.Label(exit, f.pos()));
    }

    private void loopBody(CStmt body, String exit, String next) {
        targets.push(new Targets(exit, next));
        statement(body);
        targets.pop();
    }

    /** A compare-and-branch chain to the case labels, then the body with the labels in place. */
    private void switchStatement(CStmt.Switch sw) {
        Expr value = exprs.value(sw.value());
        if (!(value instanceof Expr.RegRef || value instanceof Expr.Const)) {
            Reg t = out.temp();
            out.emit(new Instr.Assign(t, value, sw.pos()));
            value = new Expr.RegRef(t);
        }
        String exit = out.label();
        String fallback = exit;
        List<CStmt> cases = new ArrayList<>();
        collectCases(sw.body(), cases);
        for (CStmt c : cases) {
            String label = out.label();
            caseLabels.put(c, label);
            if (c instanceof CStmt.Case k) {
                Expr low = new Expr.Const(exprs.constant(k.value()));
                Expr match = k.high().isEmpty()
                        ? new Expr.Binary(Expr.BinOp.EQ, value, low)
                        : new Expr.Binary(Expr.BinOp.AND, new Expr.Binary(Expr.BinOp.GE, value, low),
                                new Expr.Binary(Expr.BinOp.LE, value, new Expr.Const(exprs.constant(k.high().get()))));
                out.emit(new Instr.Branch(match, label, k.pos()));
            } else {
                fallback = label;
            }
        }
        out.emit(Instr.Branch.always(fallback, sw.pos()));
        targets.push(new Targets(exit, null));
        statement(sw.body());
        targets.pop();
        out.emit(new Instr.Label(exit, sw.pos()));
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
        String label = caseLabels.get(c);
        if (label == null) throw new InputException(c.pos(), "case label outside a switch");
        return label;
    }

    private String continueTarget(SourcePos pos) {
        for (Targets t : targets) {
            if (t.next() != null) return t.next();
        }
        throw new InputException(pos, "'continue' outside a loop");
    }
}
