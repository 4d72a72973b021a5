package org.powercheck.ir;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The memory locations the engines relate events on: every cell split into the byte ranges its
 * accesses need. A cell is a run of bytes, little-endian (ppc64le: byte {@code o} of a value is
 * bits {@code 8o..8o+7}); an access of {@code w} bytes at offset {@code o} touches bytes
 * {@code o..o+w-1}. Per-byte rf and co (herd7's {@code -variant mixed}) are kept exact with
 * coarser locations: bytes that every access touches all or none of behave alike, so such a run
 * of bytes is one location. A program whose accesses all cover whole cells has one location per
 * cell, numbered like the cells, and its events are exactly those of a same-size model.
 *
 * <p>An access at a cell's base at least as wide as the cell covers the whole cell, as in herd's
 * same-size mode (an {@code ld} of an {@code int} cell reads the cell). Any other access must
 * lie inside one cell and be aligned to its size.
 */
public final class Locations {
    /** The bytes of one cell that one access touches. */
    public record Span(int cell, int offset, int bytes) { }

    /** Why an address is no access: see {@link #span}. */
    public enum Fault {
        OUTSIDE("an access outside every cell"),
        MISALIGNED("a misaligned access");

        public final String message;

        Fault(String message) {
            this.message = message;
        }
    }

    private final Layout layout;
    /** per cell: its first location; {@code first[cells]} is the number of locations */
    private final int[] first;
    private final int[] cellOf;
    private final int[] offset;
    private final int[] bytes;

    private Locations(Layout layout, List<TreeSet<Integer>> cuts) {
        this.layout = layout;
        int cells = layout.size();
        first = new int[cells + 1];
        List<int[]> locs = new ArrayList<>();
        for (int c = 0; c < cells; c++) {
            first[c] = locs.size();
            int size = cellBytes(c);
            int start = 0;
            for (int cut : cuts.get(c)) {
                if (cut <= start || cut >= size) continue;
                locs.add(new int[] {c, start, cut - start});
                start = cut;
            }
            locs.add(new int[] {c, start, size - start});
        }
        first[cells] = locs.size();
        cellOf = new int[locs.size()];
        offset = new int[locs.size()];
        bytes = new int[locs.size()];
        for (int i = 0; i < locs.size(); i++) {
            cellOf[i] = locs.get(i)[0];
            offset[i] = locs.get(i)[1];
            bytes[i] = locs.get(i)[2];
        }
    }

    /** One location per cell. */
    public static Locations whole(Layout layout) {
        List<TreeSet<Integer>> cuts = new ArrayList<>();
        for (int c = 0; c < layout.size(); c++) cuts.add(new TreeSet<>());
        return new Locations(layout, cuts);
    }

    public Layout layout() {
        return layout;
    }

    /** Whether every cell is one location (location i is cell i). */
    public boolean whole() {
        return first[layout.size()] == layout.size();
    }

    public int size() {
        return cellOf.length;
    }

    /**
     * Per location: whether a final state shows its cell (a memory key among {@code keys}).
     * herd's FW, the final writes, are those of the locations the test observes.
     */
    public boolean[] observed(java.util.Collection<StateKey> keys) {
        java.util.Set<Integer> cells = new java.util.HashSet<>();
        for (StateKey k : keys) if (k instanceof StateKey.MemKey m && layout.has(m.cell())) cells.add(layout.indexOf(m.cell()));
        boolean[] out = new boolean[size()];
        for (int l = 0; l < out.length; l++) out[l] = cells.contains(cellOf(l));
        return out;
    }

    public int cellOf(int loc) {
        return cellOf[loc];
    }

    public int offset(int loc) {
        return offset[loc];
    }

    public int bytes(int loc) {
        return bytes[loc];
    }

    /** The locations of a cell are {@code first(c) .. first(c + 1) - 1}, by offset. */
    public int first(int cell) {
        return first[cell];
    }

    public int count(int cell) {
        return first[cell + 1] - first[cell];
    }

    public int cellBytes(int cell) {
        return layout.cell(cell).width().bits / 8;
    }

    /** The address of a location's first byte. */
    public long addressOf(int loc) {
        return layout.addressOf(layout.cell(cellOf[loc]).name()) + offset[loc];
    }

    /** A location's name in traces: the cell's, with the byte offset when it is not the whole cell. */
    public String name(int loc) {
        String cell = layout.cell(cellOf[loc]).name();
        return count(cellOf[loc]) == 1 ? cell : cell + "+" + offset[loc];
    }

    /** The bytes an access of width {@code w} at {@code address} touches, or null with {@link #fault}. */
    public Span span(long address, Width w) {
        long off = address - Layout.BASE;
        if (off < 0) return null;
        long index = off / Layout.STRIDE;
        int o = (int) (off % Layout.STRIDE);
        if (index >= layout.size()) return null;
        int c = (int) index;
        int size = cellBytes(c);
        int n = w.bits / 8;
        if (o == 0 && n >= size) return new Span(c, 0, size);
        if (o + n > size || o % n != 0) return null;
        return new Span(c, o, n);
    }

    /** Why {@link #span} gave null for this access. */
    public Fault fault(long address, Width w) {
        long off = address - Layout.BASE;
        if (off >= 0 && off / Layout.STRIDE < layout.size()) {
            int c = (int) (off / Layout.STRIDE);
            int o = (int) (off % Layout.STRIDE);
            if (o + w.bits / 8 <= cellBytes(c)) return Fault.MISALIGNED;
        }
        return Fault.OUTSIDE;
    }

    /** The locations a span covers, in offset order, or null when they do not tile it exactly. */
    public int[] cover(Span s) {
        int from = -1, to = -1;
        for (int l = first[s.cell()]; l < first[s.cell() + 1]; l++) {
            if (offset[l] == s.offset()) from = l;
            if (offset[l] + bytes[l] == s.offset() + s.bytes()) to = l;
        }
        if (from < 0 || to < from) return null;
        int[] out = new int[to - from + 1];
        for (int i = 0; i < out.length; i++) out[i] = from + i;
        return out;
    }

    /** Whether some access covers exactly one location and that is its whole cell. */
    public boolean wholeCell(Span s) {
        return s.offset() == 0 && s.bytes() == cellBytes(s.cell()) && count(s.cell()) == 1;
    }

    /** These locations, split further so that each span is tiled by whole locations. */
    public Locations refine(Collection<Span> spans) {
        List<TreeSet<Integer>> cuts = new ArrayList<>();
        for (int c = 0; c < layout.size(); c++) {
            TreeSet<Integer> s = new TreeSet<>();
            for (int l = first[c] + 1; l < first[c + 1]; l++) s.add(offset[l]);
            cuts.add(s);
        }
        for (Span s : spans) {
            cuts.get(s.cell()).add(s.offset());
            cuts.get(s.cell()).add(s.offset() + s.bytes());
        }
        return new Locations(layout, cuts);
    }

    private static long mask(int bytes) {
        return bytes >= 8 ? -1L : (1L << (8 * bytes)) - 1;
    }

    /** The part of an access's value that lands in location {@code loc} (inside the span). */
    public long part(long value, Span s, int loc) {
        if (Undetermined.is(value)) return value;
        return (value >>> (8 * (offset[loc] - s.offset()))) & mask(bytes[loc]);
    }

    /** The value an access reads, put together from the values of the locations it covers. */
    public long assemble(Span s, int[] locs, long[] values) {
        long v = 0;
        for (int i = 0; i < locs.length; i++) if (Undetermined.is(values[i])) return values[i];
        for (int i = 0; i < locs.length; i++) v |= (values[i] & mask(bytes[locs[i]])) << (8 * (offset[locs[i]] - s.offset()));
        return v;
    }

    public long initialValue(int loc) {
        int c = cellOf[loc];
        return part(layout.initialValue(c), new Span(c, 0, cellBytes(c)), loc);
    }

    /** A cell's value from the values of its locations (in offset order). */
    public long cellValue(int cell, long[] values) {
        int n = count(cell);
        int[] locs = new int[n];
        for (int i = 0; i < n; i++) locs[i] = first[cell] + i;
        return assemble(new Span(cell, 0, cellBytes(cell)), locs, values);
    }
}
