package org.powercheck.frontend.kernel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;

/**
 * The result of a call the checker does not look into (a havoc'd function, an argument of a
 * function lowered on its own): any value the code could tell apart in a branch, 0, 1 or -1
 * for an integer; NULL or the address of any global of the pointed-to type for a pointer.
 */
final class Havoc {
    private Havoc() {}

    static void emit(ThreadLowering t, Reg dst, KType type, SourcePos pos) {
        t.out.emit(new Instr.Havoc(dst, choices(t.unit, type), pos));
    }

    static List<Expr> choices(LoweringUnit unit, KType type) {
        Set<Expr> out = new LinkedHashSet<>();
        if (type instanceof KType.Pointer p) {
            out.add(new Expr.Const(0));
            for (Declarations.Global g : unit.decls.globals()) {
                if (!g.perCpu() && g.defined() && TypeResolver.same(g.type(), p.target())) {
                    out.add(unit.memory.address(unit.global(g.name(), g.pos()), 0));
                }
            }
        } else {
            for (long v : new long[] {0, 1, -1}) out.add(new Expr.Const(((Expr.Const) Types.normalize(new Expr.Const(v), type)).value()));
        }
        return new ArrayList<>(out);
    }
}
