package org.powercheck.ir;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where cells live. Addresses are ordinary 64-bit values so that address arithmetic and
 * dependencies work as on the hardware; they are spaced far apart, above any small constant a
 * test uses, so a value is an address only when it was made from one.
 */
public final class Layout {
    public static final long BASE = 0x4000_0000L;
    public static final long STRIDE = 0x1_0000L;

    private final List<Cell> cells;
    private final Map<String, Integer> indexByName = new HashMap<>();

    public Layout(List<Cell> cells) {
        this.cells = List.copyOf(cells);
        for (int i = 0; i < cells.size(); i++) indexByName.put(cells.get(i).name(), i);
    }

    public List<Cell> cells() {
        return cells;
    }

    public int size() {
        return cells.size();
    }

    public Cell cell(int index) {
        return cells.get(index);
    }

    public int indexOf(String name) {
        Integer i = indexByName.get(name);
        if (i == null) throw new IllegalArgumentException("no cell " + name);
        return i;
    }

    public boolean has(String name) {
        return indexByName.containsKey(name);
    }

    public long addressOf(String name) {
        return BASE + STRIDE * indexOf(name);
    }

    /** The cell at exactly this address, or -1 when the value is not a cell's address. */
    public int cellAt(long address) {
        long off = address - BASE;
        if (off < 0 || off % STRIDE != 0) return -1;
        long i = off / STRIDE;
        return i < cells.size() ? (int) i : -1;
    }

    /** The value of a constant or address expression. */
    public long valueOf(Expr e) {
        return switch (e) {
            case Expr.Const c -> c.value();
            case Expr.Addr a -> addressOf(a.cell());
            default -> throw new IllegalArgumentException("not a constant: " + e);
        };
    }

    public long initialValue(int cell) {
        Cell c = cells.get(cell);
        return c.width().truncate(valueOf(c.init()));
    }

    /** herd's rendering of a value: a cell's address prints as the cell's name. */
    public String format(long value) {
        int c = cellAt(value);
        return c >= 0 ? cells.get(c).name() : Long.toString(value);
    }
}
