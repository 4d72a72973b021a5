package org.powercheck.frontend.cparse;

import java.util.List;
import java.util.Optional;
import org.powercheck.ir.SourcePos;

/**
 * A function definition. {@code result} is empty when the definition has no declaration
 * specifiers at all, as litmus threads are written ({@code P0(int *x) { ... }}).
 */
public record CFunction(List<String> storage, Optional<CType> result, String name, List<CParam> params,
                        boolean variadic, CStmt.Block body, SourcePos pos) implements CExternal {
    public CFunction {
        storage = List.copyOf(storage);
        params = List.copyOf(params);
    }
}
