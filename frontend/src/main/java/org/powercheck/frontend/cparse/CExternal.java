package org.powercheck.frontend.cparse;

import java.util.List;
import org.powercheck.ir.SourcePos;

/**
 * A top-level item of a translation unit: a function definition, a declaration, or a declaration
 * macro whose definition is in a header that was not read ({@code EXPORT_SYMBOL(f);}).
 */
public sealed interface CExternal permits CFunction, CExternal.Declaration, CExternal.MacroDeclaration {
    SourcePos pos();

    record Declaration(List<CDecl> decls, SourcePos pos) implements CExternal {
        public Declaration {
            decls = List.copyOf(decls);
        }
    }

    /**
     * {@code [storage] NAME(args) [= init] [;]} at top level, where {@code NAME} is an unknown macro:
     * {@code EXPORT_SYMBOL(f);}, {@code static DEFINE_SPINLOCK(lock);}, {@code late_initcall(setup)}.
     */
    record MacroDeclaration(MacroInvocation macro, SourcePos pos) implements CExternal {}
}
