package org.powercheck.frontend.kernel;

import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Consumer;
import org.powercheck.frontend.cparse.CExpr;

/**
 * The functions whose address a program takes: every mention of a function's name that is not
 * the callee of a call, in any function body or global initialiser. A call through a pointer
 * can only reach these.
 */
final class AddressTakenFunctions {
    private AddressTakenFunctions() {}

    static Set<String> find(Declarations decls) {
        Set<String> out = new HashSet<>();
        Set<CExpr> callees = Collections.newSetFromMap(new IdentityHashMap<>());
        Consumer<CExpr> visit = e -> {
            if (e instanceof CExpr.Call c) callees.add(c.function());
            if (e instanceof CExpr.Ident id && !callees.contains(e) && decls.function(id.name()).isPresent()
                    && decls.global(id.name()).isEmpty()) {
                out.add(id.name());
            }
        };
        for (Declarations.Function f : decls.functions()) {
            f.body().ifPresent(body -> Syntax.expressions(body.body(), visit));
        }
        for (Declarations.Global g : decls.globals()) {
            g.init().ifPresent(i -> Syntax.initializer(i, visit));
        }
        return out;
    }
}
