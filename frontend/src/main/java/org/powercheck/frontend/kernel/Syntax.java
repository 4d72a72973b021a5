package org.powercheck.frontend.kernel;

import java.util.function.Consumer;
import org.powercheck.frontend.cparse.CDecl;
import org.powercheck.frontend.cparse.CExpr;
import org.powercheck.frontend.cparse.CInit;
import org.powercheck.frontend.cparse.CStmt;
import org.powercheck.frontend.cparse.CType;

/** Visits every expression of a statement or initialiser (for the analyses before lowering). */
final class Syntax {
    private Syntax() {}

    static void expressions(CStmt s, Consumer<CExpr> visit) {
        switch (s) {
            case CStmt.Block b -> b.items().forEach(i -> expressions(i, visit));
            case CStmt.Declaration d -> d.decls().forEach(x -> declaration(x, visit));
            case CStmt.ExprStmt e -> expressions(e.expr(), visit);
            case CStmt.Empty e -> { }
            case CStmt.If i -> {
                expressions(i.cond(), visit);
                expressions(i.then(), visit);
                i.otherwise().ifPresent(o -> expressions(o, visit));
            }
            case CStmt.While w -> {
                expressions(w.cond(), visit);
                expressions(w.body(), visit);
            }
            case CStmt.DoWhile d -> {
                expressions(d.body(), visit);
                expressions(d.cond(), visit);
            }
            case CStmt.For f -> {
                f.init().ifPresent(i -> expressions(i, visit));
                f.cond().ifPresent(c -> expressions(c, visit));
                f.step().ifPresent(c -> expressions(c, visit));
                expressions(f.body(), visit);
            }
            case CStmt.Switch sw -> {
                expressions(sw.value(), visit);
                expressions(sw.body(), visit);
            }
            case CStmt.Case c -> {
                expressions(c.value(), visit);
                expressions(c.body(), visit);
            }
            case CStmt.Default d -> expressions(d.body(), visit);
            case CStmt.Break b -> { }
            case CStmt.Continue c -> { }
            case CStmt.Return r -> r.value().ifPresent(v -> expressions(v, visit));
            case CStmt.Goto g -> { }
            case CStmt.Labeled l -> expressions(l.body(), visit);
            case CStmt.Asm a -> {
                a.outputs().forEach(o -> expressions(o.expr(), visit));
                a.inputs().forEach(i -> expressions(i.expr(), visit));
            }
            case CStmt.ComputedGoto g -> expressions(g.target(), visit);
            case CStmt.MacroLoop m -> {
                m.args().forEach(a -> expressions(a, visit));
                expressions(m.body(), visit);
            }
            case CStmt.MacroDeclaration m -> m.macro().init().ifPresent(i -> initializer(i, visit));
        }
    }

    static void declaration(CDecl d, Consumer<CExpr> visit) {
        d.init().ifPresent(i -> initializer(i, visit));
        type(d.type(), visit);
    }

    private static void type(CType t, Consumer<CExpr> visit) {
        if (t instanceof CType.TypeOf o) o.expr().ifPresent(e -> expressions(e, visit));
    }

    static void initializer(CInit init, Consumer<CExpr> visit) {
        switch (init) {
            case CInit.Single s -> expressions(s.value(), visit);
            case CInit.Braced b -> b.items().forEach(i -> initializer(i.value(), visit));
        }
    }

    static void expressions(CExpr e, Consumer<CExpr> visit) {
        visit.accept(e);
        switch (e) {
            case CExpr.Ident id -> { }
            case CExpr.IntLit lit -> { }
            case CExpr.StringLit s -> { }
            case CExpr.Unary u -> expressions(u.operand(), visit);
            case CExpr.Binary b -> {
                expressions(b.left(), visit);
                expressions(b.right(), visit);
            }
            case CExpr.Assign a -> {
                expressions(a.target(), visit);
                expressions(a.value(), visit);
            }
            case CExpr.Conditional c -> {
                expressions(c.cond(), visit);
                expressions(c.then(), visit);
                expressions(c.otherwise(), visit);
            }
            case CExpr.Call c -> {
                expressions(c.function(), visit);
                c.args().forEach(a -> expressions(a, visit));
            }
            case CExpr.Index i -> {
                expressions(i.array(), visit);
                expressions(i.index(), visit);
            }
            case CExpr.Member m -> expressions(m.object(), visit);
            case CExpr.Cast c -> expressions(c.operand(), visit);
            case CExpr.CompoundLiteral c -> initializer(c.init(), visit);
            case CExpr.SizeofType s -> { }
            case CExpr.SizeofExpr s -> { }
            case CExpr.AlignofType a -> { }
            case CExpr.StatementExpr s -> expressions(s.body(), visit);
            case CExpr.TypeArg a -> { }
            case CExpr.OrElse o -> {
                expressions(o.value(), visit);
                expressions(o.otherwise(), visit);
            }
            case CExpr.LabelAddress l -> { }
            case CExpr.Generic g -> {
                expressions(g.control(), visit);
                g.associations().forEach(a -> expressions(a.value(), visit));
            }
        }
    }

    /** The variable an lvalue such as {@code x} or {@code x.f.g} is part of; null when there is none. */
    static String rootLocal(CExpr e) {
        while (true) {
            switch (e) {
                case CExpr.Ident id -> {
                    return id.name();
                }
                case CExpr.Member m && !m.arrow() -> e = m.object();
                case CExpr.Cast c -> e = c.operand();
                default -> {
                    return null;
                }
            }
        }
    }
}
