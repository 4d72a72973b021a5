package org.powercheck.frontend.cparse;

import java.util.List;
import java.util.Optional;

/** A C type as written. Typedef names stay names; nothing is resolved here. */
public sealed interface CType {
    /**
     * Built-in type words ({@code unsigned long}) or one typedef name ({@code u32}), with the
     * qualifiers written next to them ({@code const}, {@code volatile}).
     */
    record Base(List<String> words, List<String> qualifiers) implements CType {
        public Base {
            words = List.copyOf(words);
            qualifiers = List.copyOf(qualifiers);
        }

        public static Base of(String... words) {
            return new Base(List.of(words), List.of());
        }

        @Override public String toString() {
            return String.join(" ", qualifiers) + (qualifiers.isEmpty() ? "" : " ") + String.join(" ", words);
        }
    }

    /** {@code struct tag}, {@code union tag}, or a definition when {@code members} is present. */
    record Record(boolean union, Optional<String> tag, Optional<List<CDecl>> members) implements CType {
        @Override public String toString() {
            return (union ? "union " : "struct ") + tag.orElse("<anonymous>");
        }
    }

    record Enum(Optional<String> tag, Optional<List<Enumerator>> enumerators) implements CType {
        @Override public String toString() { return "enum " + tag.orElse("<anonymous>"); }
    }

    /** {@code typeof(expr)} / {@code typeof(type)}: exactly one of the two is present. */
    record TypeOf(Optional<CExpr> expr, Optional<CType> type) implements CType {
        @Override public String toString() { return "typeof(" + expr.map(Object::toString).orElseGet(() -> type.get().toString()) + ")"; }
    }

    record Pointer(CType target, List<String> qualifiers) implements CType {
        public Pointer {
            qualifiers = List.copyOf(qualifiers);
        }

        @Override public String toString() { return target + " *"; }
    }

    record Array(CType element, Optional<CExpr> length) implements CType {
        @Override public String toString() { return element + " [" + length.map(Object::toString).orElse("") + "]"; }
    }

    record Function(CType result, List<CParam> params, boolean variadic) implements CType {
        public Function {
            params = List.copyOf(params);
        }

        @Override public String toString() { return result + " (" + params + (variadic ? ", ..." : "") + ")"; }
    }

    /** One enumerator: {@code NAME} or {@code NAME = value}. */
    record Enumerator(String name, Optional<CExpr> value, org.powercheck.ir.SourcePos pos) {}

    /** True when this is a pointer type (after the declarator is applied). */
    default boolean isPointer() {
        return this instanceof Pointer;
    }
}
