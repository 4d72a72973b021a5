package org.powercheck.frontend.cparse;

import java.util.Optional;
import org.powercheck.ir.SourcePos;

/** A function parameter; unnamed in prototypes such as {@code void f(int)}. */
public record CParam(CType type, Optional<String> name, SourcePos pos) {
    @Override public String toString() {
        return type + name.map(n -> " " + n).orElse("");
    }
}
