package org.powercheck.frontend.kernel;

import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.powercheck.frontend.cparse.CExpr;
import org.powercheck.frontend.cparse.CStmt;
import org.powercheck.model.mapping.ArgKind;
import org.powercheck.model.mapping.Primitive;

/**
 * The locals of a function whose address is taken: those live in memory, the others in
 * registers. {@code &old} as the {@code old} argument of {@code try_cmpxchg()} does not count: the
 * primitive reads and writes that local as a register (as the compiled code does).
 */
final class EscapeAnalysis {
    private EscapeAnalysis() {}

    static Set<String> addressTaken(CStmt body, LoweringUnit unit) {
        Set<CExpr> registerArguments = Collections.newSetFromMap(new IdentityHashMap<>());
        Syntax.expressions(body, e -> {
            if (e instanceof CExpr.Call c && c.function() instanceof CExpr.Ident fn && isPrimitive(fn.name(), unit)) {
                List<ArgKind> params = unit.mapping.primitive(fn.name()).map(Primitive::params).orElse(List.of());
                for (int i = 0; i < params.size() && i < c.args().size(); i++) {
                    if (params.get(i) == ArgKind.LOCAL) registerArguments.add(c.args().get(i));
                }
            }
        });
        Set<String> out = new HashSet<>();
        Syntax.expressions(body, e -> {
            if (e instanceof CExpr.Unary u && u.op() == CExpr.UnaryOp.ADDRESS && !registerArguments.contains(e)) {
                String root = Syntax.rootLocal(u.operand());
                if (root != null) out.add(root);
            }
        });
        return out;
    }

    /**
     * The locals a function assigns after their declaration: targets of {@code =}, {@code op=},
     * {@code ++}/{@code --}, and the {@code old} argument of {@code try_cmpxchg()}. The others
     * keep the value they were declared (or called) with.
     */
    static Set<String> assigned(CStmt body, LoweringUnit unit) {
        Set<String> out = new HashSet<>();
        Syntax.expressions(body, e -> {
            CExpr target = null;
            if (e instanceof CExpr.Assign a) target = a.target();
            if (e instanceof CExpr.Unary u && switch (u.op()) {
                case PRE_INC, PRE_DEC, POST_INC, POST_DEC -> true;
                default -> false;
            }) {
                target = u.operand();
            }
            if (e instanceof CExpr.Call c && c.function() instanceof CExpr.Ident fn && isPrimitive(fn.name(), unit)) {
                List<ArgKind> params = unit.mapping.primitive(fn.name()).map(Primitive::params).orElse(List.of());
                for (int i = 0; i < params.size() && i < c.args().size(); i++) {
                    if (params.get(i) == ArgKind.LOCAL && c.args().get(i) instanceof CExpr.Unary u
                            && u.op() == CExpr.UnaryOp.ADDRESS) {
                        String root = Syntax.rootLocal(u.operand());
                        if (root != null) out.add(root);
                    }
                }
            }
            if (target != null) {
                String root = Syntax.rootLocal(target);
                if (root != null) out.add(root);
            }
        });
        return out;
    }

    /** A call that the mapping lowers (not a function of the program with that name). */
    private static boolean isPrimitive(String name, LoweringUnit unit) {
        return unit.decls.function(name).map(f -> f.body().isEmpty()).orElse(true)
                && unit.mapping.primitive(name).isPresent();
    }
}
