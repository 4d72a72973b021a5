package org.powercheck.frontend.ppc;

import java.util.Map;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Reg;

/** Evaluates a register expression for tests: registers from a map (absent = 0), no addresses. */
final class ExprEval {
    private ExprEval() {}

    static long eval(Expr e, Map<Reg, Long> regs) {
        return switch (e) {
            case Expr.Const c -> c.value();
            case Expr.Addr a -> throw new IllegalArgumentException("address in " + e);
            case Expr.RegRef r -> regs.getOrDefault(r.reg(), 0L);
            case Expr.Unary u -> u.op().apply(eval(u.arg(), regs));
            case Expr.Binary b -> b.op().apply(eval(b.left(), regs), eval(b.right(), regs));
            case Expr.Select s -> eval(s.cond(), regs) != 0 ? eval(s.then(), regs) : eval(s.otherwise(), regs);
        };
    }
}
