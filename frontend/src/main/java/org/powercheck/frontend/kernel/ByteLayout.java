package org.powercheck.frontend.kernel;

import java.util.Optional;

/**
 * Between the two layouts of a type ({@link KType}): which cell holds a given ABI byte of an
 * object, and at which ABI byte a cell starts. This is where a byte count that C code computes
 * ({@code offsetof}, {@code sizeof}, a {@code char *} moved by a constant) becomes a distance in
 * the address space, whose cells are {@link KType#STRIDE} apart: byte {@code b} of an object is
 * the address of the cell holding it plus {@code b}'s offset inside that scalar.
 */
final class ByteLayout {
    private ByteLayout() {}

    /** Byte {@code byteInCell} of the cell {@code cell} cells into an object. */
    record CellByte(long cell, long byteInCell) {}

    /**
     * The cell of an object of type {@code t} that holds its byte {@code b}; empty when that byte
     * is padding, lies outside the object or cannot be known. A union's cells are its first
     * member's ({@link Memory} lays out that one).
     */
    static Optional<CellByte> cellOf(KType t, long b) {
        if (b < 0) return Optional.empty();
        return switch (t) {
            case KType.Scalar s -> b < s.size() ? Optional.of(new CellByte(0, b)) : Optional.empty();
            case KType.Pointer p -> b < p.size() ? Optional.of(new CellByte(0, b)) : Optional.empty();
            case KType.Array a -> {
                long size = a.element().size();
                if (size <= 0 || b >= a.size()) yield Optional.empty();
                long i = b / size;
                yield cellOf(a.element(), b - i * size)
                        .map(c -> new CellByte(i * a.element().cells() + c.cell(), c.byteInCell()));
            }
            case KType.Struct s -> memberCell(s, b);
            case KType.Opaque o -> Optional.empty();
            case KType.Void v -> Optional.empty();
            case KType.Function f -> Optional.empty();
        };
    }

    private static Optional<CellByte> memberCell(KType.Struct s, long b) {
        for (KType.Field f : s.fields()) {
            long size = f.type().size();
            if (f.bytes() == KType.UNKNOWN || size == KType.UNKNOWN) return Optional.empty();
            if (b >= f.bytes() && b < f.bytes() + size) {
                return cellOf(f.type(), b - f.bytes()).map(c -> new CellByte(f.offset() + c.cell(), c.byteInCell()));
            }
            if (s.union()) return Optional.empty();
        }
        return Optional.empty();
    }

    /** The ABI byte at which the cell {@code cell} cells into an object of type {@code t} starts. */
    static Optional<Long> byteOf(KType t, long cell) {
        return switch (t) {
            case KType.Scalar s -> cell == 0 ? Optional.of(0L) : Optional.empty();
            case KType.Pointer p -> cell == 0 ? Optional.of(0L) : Optional.empty();
            case KType.Array a -> {
                long cells = a.element().cells();
                long size = a.element().size();
                if (cells <= 0 || size == KType.UNKNOWN || cell < 0 || cell >= a.cells()) yield Optional.empty();
                long i = cell / cells;
                yield byteOf(a.element(), cell - i * cells).map(b -> i * size + b);
            }
            case KType.Struct s -> memberByte(s, cell);
            case KType.Opaque o -> Optional.empty();
            case KType.Void v -> Optional.empty();
            case KType.Function f -> Optional.empty();
        };
    }

    private static Optional<Long> memberByte(KType.Struct s, long cell) {
        for (KType.Field f : s.fields()) {
            if (cell >= f.offset() && cell < f.offset() + f.type().cells()) {
                if (f.bytes() == KType.UNKNOWN) return Optional.empty();
                return byteOf(f.type(), cell - f.offset()).map(b -> f.bytes() + b);
            }
            if (s.union()) return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * The address-space distance that moves {@code bytes} bytes from the start of an object of
     * type {@code t} (whole objects beyond it are {@link KType#span()} apart, as in an array);
     * empty when that byte is padding or cannot be known.
     */
    static Optional<Long> distance(KType t, long bytes) {
        long size = t.size();
        if (size == KType.UNKNOWN) return Optional.empty();
        if (size == 0) return bytes == 0 ? Optional.of(0L) : Optional.empty();
        long whole = Math.floorDiv(bytes, size);
        long rest = bytes - whole * size;
        return cellOf(t, rest).map(c -> whole * t.span() + c.cell() * KType.STRIDE + c.byteInCell());
    }
}
