package org.powercheck.frontend.cparse;

import java.util.List;
import java.util.Optional;
import org.powercheck.ir.SourcePos;

/**
 * One declared name: {@code static int x = 1}, a struct member (possibly a bit-field), or a
 * typedef. {@code storage} holds the storage-class and function specifiers as written
 * ({@code typedef}, {@code static}, {@code extern}, {@code inline}, ...).
 */
public record CDecl(List<String> storage, CType type, String name, Optional<CInit> init,
                    Optional<CExpr> bitWidth, SourcePos pos) {
    public CDecl {
        storage = List.copyOf(storage);
    }

    public boolean isTypedef() {
        return storage.contains("typedef");
    }

    @Override public String toString() {
        return type + " " + name + init.map(i -> " = " + i).orElse("");
    }
}
