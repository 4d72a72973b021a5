package org.powercheck.frontend.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Layout;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.Width;

/**
 * A resolved C type. A type has two layouts. The C-visible one is the ppc64le ELF ABI's:
 * {@link #size()} and {@link #align()} ({@code sizeof}, {@code _Alignof}) and each member's
 * {@link Field#bytes()} ({@code offsetof}), with the padding the ABI puts between members. The
 * memory one is cells: one per scalar ({@link Scalar} or {@link Pointer}), a struct or array
 * being the cells of its members in order, {@link Layout#STRIDE} apart in the address space
 * ({@link #span()}), a member {@link Field#offset()} cells into its struct. Addresses are cell
 * addresses; a byte count becomes a cell distance where the type it counts in is known
 * ({@link ByteLayout}: {@code container_of}, a byte pointer moved into a known object), and
 * {@code T *} arithmetic moves by whole elements, {@code span()} of address space each.
 */
public sealed interface KType {
    long STRIDE = Layout.STRIDE;
    /** A {@link #size()} or {@link Field#bytes()} that cannot be known (an opaque type, a bit-field before it). */
    long UNKNOWN = -1;

    /** The number of cells an object of this type occupies. */
    long cells();

    /** {@code sizeof} in the ppc64le ABI, in bytes; {@link #UNKNOWN} when a part of the type is not known. */
    long size();

    /** {@code _Alignof} in the ppc64le ABI. */
    default long align() {
        return 1;
    }

    /** The address space an object of this type takes: its cells (at least one), {@link #STRIDE} apart. */
    default long span() {
        return Math.max(1, cells()) * STRIDE;
    }

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
        @Override public long size() { return width.bits / 8; }
        @Override public long align() { return width.bits / 8; }
    }

    record Pointer(KType target) implements KType {
        @Override public long cells() { return 1; }
        @Override public long size() { return 8; }
        @Override public long align() { return 8; }
        @Override public String spelling() { return target.spelling() + " *"; }
    }

    /** An array; {@code length} is -1 while unknown ({@code int a[];}). */
    record Array(KType element, long length) implements KType {
        @Override public long cells() { return Math.max(0, length) * element.cells(); }
        @Override public long size() {
            return element.size() == UNKNOWN ? UNKNOWN : Math.max(0, length) * element.size();
        }
        @Override public long align() { return element.align(); }
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
        @Override public long size() { return UNKNOWN; }
    }

    /**
     * A member of a struct or union, {@code offset} cells and {@code bytes} bytes (the ABI's
     * offset, {@link #UNKNOWN} after a member of unknown size or a bit-field) from the start.
     */
    record Field(String name, KType type, long offset, long bytes) {}

    /**
     * A struct or union. Tags are declared before they are defined ({@code struct io_kiocb;}), so
     * the members are filled in when the definition is read; identity is the object itself.
     */
    final class Struct implements KType {
        private final Optional<String> tag;
        private final boolean union;
        private List<Field> fields;
        private long cells;
        private long size;
        private long align = 1;
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

        /**
         * Lays the members out: one after the other, or all at offset 0 in a union; in bytes, each
         * at the next multiple of its alignment, the whole rounded up to the largest alignment
         * (ppc64le ELF ABI, as GCC does). A bit-field member ({@code bitField}) packs in a way
         * this does not follow, so the bytes from it on are unknown.
         */
        void define(List<String> names, List<KType> types, List<Boolean> bitField, SourcePos pos) {
            List<Field> out = new ArrayList<>();
            long offset = 0;
            long max = 0;
            long bytes = 0;
            long maxBytes = 0;
            for (int i = 0; i < names.size(); i++) {
                KType t = types.get(i);
                align = Math.max(align, t.align());
                long at = union ? 0 : bytes == UNKNOWN ? UNKNOWN : roundUp(bytes, t.align());
                out.add(new Field(names.get(i), t, union ? 0 : offset, bitField.get(i) && !union ? UNKNOWN : at));
                offset += t.cells();
                max = Math.max(max, t.cells());
                boolean unknown = bitField.get(i) || t.size() == UNKNOWN || at == UNKNOWN;
                if (union) {
                    maxBytes = unknown || maxBytes == UNKNOWN ? UNKNOWN : Math.max(maxBytes, t.size());
                } else {
                    bytes = unknown ? UNKNOWN : at + t.size();
                }
            }
            fields = List.copyOf(out);
            cells = union ? max : offset;
            long end = union ? maxBytes : bytes;
            size = end == UNKNOWN ? UNKNOWN : roundUp(end, align);
            definedAt = pos;
        }

        private static long roundUp(long n, long align) {
            return (n + align - 1) / align * align;
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
                        long bytes = f.bytes() == UNKNOWN || g.bytes() == UNKNOWN ? UNKNOWN : f.bytes() + g.bytes();
                        return Optional.of(new Field(g.name(), g.type(), f.offset() + g.offset(), bytes));
                    }
                }
            }
            return Optional.empty();
        }

        @Override public long cells() { return cells; }

        /** GNU C gives an empty struct size 0 (it still takes a cell, {@link #span()}). */
        @Override public long size() { return complete() ? size : UNKNOWN; }

        @Override public long align() { return align; }

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
