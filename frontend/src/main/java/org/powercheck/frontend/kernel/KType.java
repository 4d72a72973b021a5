package org.powercheck.frontend.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Layout;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.Width;

/**
 * A resolved C type. Memory is a sequence of cells, one per scalar ({@link Scalar} or
 * {@link Pointer}); a struct or array is the cells of its members in order. Addresses are
 * {@link Layout} addresses, so every scalar occupies {@link Layout#STRIDE} bytes of address space:
 * that is {@code sizeof} of every scalar except the character types, whose size C fixes at 1
 * (a character member is padded to a whole cell; arrays of characters cannot be laid out).
 */
public sealed interface KType {
    long STRIDE = Layout.STRIDE;

    /** The number of cells an object of this type occupies. */
    long cells();

    /** {@code sizeof}, in the bytes of the address space. */
    long size();

    /** The C spelling, for messages. */
    String spelling();

    record Void() implements KType {
        @Override public long cells() { return 0; }
        @Override public long size() { return 1; }
        @Override public String spelling() { return "void"; }
    }

    /** An integer type; {@code bool} converts every non-zero value to 1. */
    record Scalar(Width width, boolean signed, boolean bool, String spelling) implements KType {
        @Override public long cells() { return 1; }
        @Override public long size() { return width == Width.BYTE ? 1 : STRIDE; }
    }

    record Pointer(KType target) implements KType {
        @Override public long cells() { return 1; }
        @Override public long size() { return STRIDE; }
        @Override public String spelling() { return target.spelling() + " *"; }
    }

    /** An array; {@code length} is -1 while unknown ({@code int a[];}). */
    record Array(KType element, long length) implements KType {
        @Override public long cells() { return Math.max(0, length) * element.cells(); }
        @Override public long size() { return Math.max(0, length) * element.size(); }
        @Override public String spelling() { return element.spelling() + " [" + (length < 0 ? "" : length) + "]"; }
    }

    record Function(KType result, List<KType> params, boolean variadic) implements KType {
        public Function {
            params = List.copyOf(params);
        }

        @Override public long cells() { return 0; }
        @Override public long size() { return 1; }
        @Override public String spelling() { return result.spelling() + " (" + params.size() + " params)"; }
    }

    /**
     * A type the code names but powercheck cannot read: a typedef or member type that comes from a
     * kernel header (headers are not read), or one whose declaration uses such a name. It takes a
     * cell, so that the structs around it lay out, and is an error only where its value is used.
     *
     * @param why what is unknown, with where it was first named
     */
    record Opaque(String spelling, String why) implements KType {
        /** A type name no declaration gives (a header's typedef), met at {@code at}. */
        static Opaque unknownName(String name, SourcePos at) {
            return new Opaque(name, "unknown type name '" + name + "' (at " + at + ")");
        }

        /** A type whose reading failed: the failure says why. */
        static Opaque unreadable(String spelling, InputException failure) {
            return new Opaque(spelling, failure.detail() + " (at " + failure.pos() + ")");
        }

        @Override public long cells() { return 1; }
        @Override public long size() { return STRIDE; }
    }

    /** A member of a struct or union, {@code offset} cells from the start of the object. */
    record Field(String name, KType type, long offset) {}

    /**
     * A struct or union. Tags are declared before they are defined ({@code struct io_kiocb;}), so
     * the members are filled in when the definition is read; identity is the object itself.
     */
    final class Struct implements KType {
        private final Optional<String> tag;
        private final boolean union;
        private List<Field> fields;
        private long cells;
        private SourcePos definedAt;

        Struct(Optional<String> tag, boolean union) {
            this.tag = tag;
            this.union = union;
        }

        public Optional<String> tag() {
            return tag;
        }

        public boolean union() {
            return union;
        }

        public boolean complete() {
            return fields != null;
        }

        public SourcePos definedAt() {
            return definedAt;
        }

        /** Lays the members out: one after the other, or all at offset 0 in a union. */
        void define(List<String> names, List<KType> types, SourcePos pos) {
            List<Field> out = new ArrayList<>();
            long offset = 0;
            long max = 0;
            for (int i = 0; i < names.size(); i++) {
                KType t = types.get(i);
                out.add(new Field(names.get(i), t, union ? 0 : offset));
                offset += t.cells();
                max = Math.max(max, t.cells());
            }
            fields = List.copyOf(out);
            cells = union ? max : offset;
            definedAt = pos;
        }

        public List<Field> fields() {
            return fields == null ? List.of() : fields;
        }

        /** The member named {@code name}, looking into anonymous struct and union members. */
        public Optional<Field> field(String name) {
            for (Field f : fields()) {
                if (f.name().equals(name)) return Optional.of(f);
                if (f.name().isEmpty() && f.type() instanceof Struct inner) {
                    Optional<Field> found = inner.field(name);
                    if (found.isPresent()) {
                        Field g = found.get();
                        return Optional.of(new Field(g.name(), g.type(), f.offset() + g.offset()));
                    }
                }
            }
            return Optional.empty();
        }

        @Override public long cells() { return cells; }

        /** Even an empty struct occupies a cell, so that distinct objects have distinct addresses. */
        @Override public long size() { return Math.max(1, cells) * STRIDE; }

        @Override public String spelling() {
            return (union ? "union " : "struct ") + tag.orElse("<anonymous>");
        }

        @Override public String toString() {
            return spelling();
        }
    }

    default boolean isScalar() {
        return this instanceof Scalar || this instanceof Pointer;
    }

    default boolean isAggregate() {
        return this instanceof Struct || this instanceof Array;
    }

    /** The width of a scalar's cell. */
    default Width width() {
        return this instanceof Scalar s ? s.width() : Width.DOUBLE;
    }

    default boolean isSigned() {
        return this instanceof Scalar s && s.signed();
    }

    /** The scalar at offset 0 of an object of this type (the cell an atomic or lock operates on). */
    default KType firstScalar() {
        KType t = this;
        while (true) {
            if (t instanceof Array a && a.length() != 0) {
                t = a.element();
            } else if (t instanceof Struct s && !s.fields().isEmpty()) {
                t = s.fields().get(0).type();
            } else {
                return t;
            }
        }
    }
}
