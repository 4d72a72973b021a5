package org.powercheck.frontend.cparse;

import java.util.List;
import org.powercheck.ir.SourcePos;

/** A top-level item of a translation unit: a function definition or a declaration. */
public sealed interface CExternal permits CFunction, CExternal.Declaration {
    SourcePos pos();

    record Declaration(List<CDecl> decls, SourcePos pos) implements CExternal {
        public Declaration {
            decls = List.copyOf(decls);
        }
    }
}
