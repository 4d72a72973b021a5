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
    private final Map<Long, ValueName> valueNames;
    /** per placed object: its cells' indices in ABI byte order, for {@link #byteAdd} */
    private final Map<String, int[]> objectCells = new HashMap<>();

    public Layout(List<Cell> cells) {
        this(cells, Map.of());
    }

    public Layout(List<Cell> cells, Map<Long, ValueName> valueNames) {
        this.cells = List.copyOf(cells);
        this.valueNames = Map.copyOf(valueNames);
        Map<String, List<Integer>> byObject = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            indexByName.put(cells.get(i).name(), i);
            Cell.Placement p = cells.get(i).placement();
            if (p.known()) byObject.computeIfAbsent(p.object(), k -> new java.util.ArrayList<>()).add(i);
        }
        byObject.forEach((object, list) -> objectCells.put(object, list.stream()
                .sorted(java.util.Comparator.comparingLong(c -> cells.get(c).placement().byteInObject()))
                .mapToInt(Integer::intValue).toArray()));
    }

    /** {@code op} on two values; {@link Expr.BinOp#BYTE_ADD} needs the cells, the others do not. */
    public long apply(Expr.BinOp op, long a, long b) {
        if (Undetermined.is(a) || Undetermined.is(b)) return Undetermined.VALUE;
        return switch (op) {
            case BYTE_ADD -> byteAdd(a, b);
            case BYTE_ALIGN -> byteAlign(a, b);
            default -> op.apply(a, b);
        };
    }

    /**
     * An address moved by {@code bytes} ABI bytes, as assembly computes it: from byte {@code o}
     * of a cell placed at byte {@code p} of its object to the cell holding byte {@code p+o+bytes}
     * of that object. A value that is not inside a placed cell, or a byte outside the object
     * (or in its padding), is added plainly: an access there is outside every cell.
     */
    public long byteAdd(long a, long b) {
        int cell = containingCell(a);
        if (cell < 0) {
            if (containingCell(b) < 0) return a + b;
            long t = a;
            a = b;
            b = t;
            cell = containingCell(a);
        }
        Cell.Placement p = cells.get(cell).placement();
        if (!p.known()) return a + b;
        long target = p.byteInObject() + (a - addressOf(cell)) + b;
        int[] order = objectCells.get(p.object());
        int lo = 0, hi = order.length - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (cells.get(order[mid]).placement().byteInObject() <= target) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found < 0) return a + b;
        Cell c = cells.get(order[found]);
        long inside = target - c.placement().byteInObject();
        return inside < c.width().bits / 8 ? addressOf(order[found]) + inside : a + b;
    }

    /** {@code a} rounded down with {@code mask} in ABI bytes of its object; a plain AND when it is no placed address. */
    public long byteAlign(long a, long mask) {
        int cell = containingCell(a);
        if (cell < 0 || !cells.get(cell).placement().known()) return a & mask;
        long at = cells.get(cell).placement().byteInObject() + (a - addressOf(cell));
        return byteAdd(a, (at & mask) - at);
    }

    /** The cell whose bytes include this address, or -1. */
    private int containingCell(long address) {
        long off = address - BASE;
        if (off < 0) return -1;
        long i = off / STRIDE;
        if (i >= cells.size()) return -1;
        return off % STRIDE < cells.get((int) i).width().bits / 8 ? (int) i : -1;
    }

    private long addressOf(int cell) {
        return BASE + STRIDE * cell;
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

    /** A value in a sentence: an opaque value's description, else {@link #format}. */
    public String describe(long value) {
        ValueName named = valueNames.get(value);
        return named != null ? named.description() : format(value);
    }

    /** herd's rendering of a value: a cell's address prints as the cell's name. */
    public String format(long value) {
        if (Undetermined.is(value)) return Undetermined.TEXT;
        int c = cellAt(value);
        if (c >= 0) return cells.get(c).name();
        ValueName named = valueNames.get(value);
        return named != null ? named.name() : Long.toString(value);
    }
}
