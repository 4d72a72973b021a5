package org.powercheck.frontend.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.powercheck.ir.Cell;
import org.powercheck.ir.Expr;
import org.powercheck.ir.InputException;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.StateKey;
import org.powercheck.ir.Width;

/**
 * The cells of a program, object by object. An object (a global, the copies of a per-CPU
 * variable, an address-taken local, a function's address, the IPI pseudo-locations) gets one
 * cell per scalar, consecutive in the layout, so that the address of a member or element is the
 * object's address plus its offset times {@link KType#STRIDE}, and an address known at lowering
 * time folds to the {@link Expr.Addr} of its cell. Cells are named after the path to them:
 * {@code task_T.thread_info.flags}, {@code paca_ptrs[1]}, {@code ipi_message@1.messages}.
 */
final class Memory {
    /** One object: {@code count} cells from index {@code first}. */
    record MemObject(String name, KType type, int first, int count) {}

    private final List<String> names = new ArrayList<>();
    private final List<KType> leafTypes = new ArrayList<>();
    private final List<Expr> inits = new ArrayList<>();
    private final List<SourcePos> positions = new ArrayList<>();
    private final List<MemObject> owner = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, MemObject> objects = new HashMap<>();
    private final java.util.Set<MemObject> dropped = new java.util.HashSet<>();

    Optional<MemObject> object(String name) {
        return Optional.ofNullable(objects.get(name));
    }

    /** Allocates an object of {@code type} whose cells are named from {@code prefix}. */
    MemObject allocate(String name, String prefix, KType type, SourcePos pos) {
        return allocate(name, List.of(prefix), type, pos);
    }

    /** Allocates consecutive copies of {@code type}, one per prefix (the copies of a per-CPU variable). */
    MemObject allocate(String name, List<String> prefixes, KType type, SourcePos pos) {
        if (objects.containsKey(name)) throw new IllegalStateException("allocated twice: " + name);
        List<String> leafNames = new ArrayList<>();
        List<KType> leaves = new ArrayList<>();
        for (String p : prefixes) flatten(type, p, leafNames, leaves);
        if (leafNames.isEmpty()) {
            // an empty struct still needs an address of its own
            leafNames.add(prefixes.get(0));
            leaves.add(new KType.Scalar(Width.DOUBLE, false, false, "unsigned long"));
        }
        MemObject o = new MemObject(name, type, names.size(), leafNames.size());
        for (int i = 0; i < leafNames.size(); i++) {
            String n = leafNames.get(i);
            if (index.containsKey(n)) throw new InputException(pos, "two memory locations would be named '" + n + "'");
            index.put(n, names.size());
            names.add(n);
            leafTypes.add(leaves.get(i));
            inits.add(new Expr.Const(0));
            positions.add(pos);
            owner.add(o);
        }
        objects.put(name, o);
        return o;
    }

    private static void flatten(KType t, String prefix, List<String> names, List<KType> out) {
        switch (t) {
            case KType.Struct s -> {
                for (KType.Field f : s.fields()) {
                    flatten(f.type(), f.name().isEmpty() ? prefix : prefix + "." + f.name(), names, out);
                    if (s.union()) break;
                }
            }
            case KType.Array a -> {
                for (long i = 0; i < a.length(); i++) flatten(a.element(), prefix + "[" + i + "]", names, out);
            }
            case KType.Scalar s -> {
                names.add(prefix);
                out.add(s);
            }
            case KType.Pointer p -> {
                names.add(prefix);
                out.add(p);
            }
            case KType.Opaque o -> {
                // a cell nothing can access, so that the members after it keep their offsets
                names.add(prefix);
                out.add(o);
            }
            case KType.Void v -> { }
            case KType.Function f -> { }
        }
    }

    /** The address of the cell {@code offset} cells into {@code o}. */
    Expr address(MemObject o, long offset) {
        if (offset >= 0 && offset < o.count()) return new Expr.Addr(names.get(o.first() + (int) offset));
        return plus(new Expr.Addr(names.get(o.first())), offset * KType.STRIDE);
    }

    /** {@code base + bytes}, folded to a cell's address when both are known and stay in one object. */
    Expr plus(Expr base, long bytes) {
        if (bytes == 0) return base;
        if (base instanceof Expr.Addr a && bytes % KType.STRIDE == 0) {
            Integer i = index.get(a.cell());
            if (i != null) {
                MemObject o = owner.get(i);
                long j = i + bytes / KType.STRIDE;
                if (j >= o.first() && j < o.first() + o.count()) return new Expr.Addr(names.get((int) j));
            }
        }
        if (base instanceof Expr.Binary b && b.op() == Expr.BinOp.ADD && b.right() instanceof Expr.Const k) {
            return plus(b.left(), k.value() + bytes);
        }
        if (base instanceof Expr.Binary b && b.op() == Expr.BinOp.SUB && b.right() instanceof Expr.Const k) {
            return plus(b.left(), bytes - k.value());
        }
        if (base instanceof Expr.Const c) return new Expr.Const(c.value() + bytes);
        return bytes < 0 ? new Expr.Binary(Expr.BinOp.SUB, base, new Expr.Const(-bytes))
                : new Expr.Binary(Expr.BinOp.ADD, base, new Expr.Const(bytes));
    }

    /**
     * {@code base + bytes} for a byte pointer into an object known at lowering time: the address
     * of the cell holding that ABI byte of the object, plus the byte's offset inside its scalar
     * (see {@link ByteLayout}). Empty when {@code base} is not such an address, or the byte is
     * padding or outside the object (one past its end excepted).
     */
    Optional<Expr> plusBytes(Expr base, long bytes) {
        Optional<Long> at = bytePosition(base);
        if (at.isEmpty()) return Optional.empty();
        MemObject o = ownerOf(cellOf(base));
        KType t = o.type();
        long per = t.cells(), size = t.size();
        long copies = o.count() / per;
        long target = at.get() + bytes;
        if (target == copies * size) return Optional.of(plus(new Expr.Addr(names.get(o.first())), o.count() * KType.STRIDE));
        long copy = Math.floorDiv(target, size);
        if (copy < 0 || copy >= copies) return Optional.empty();
        return ByteLayout.cellOf(t, target - copy * size).map(c -> {
            Expr cell = new Expr.Addr(names.get(o.first() + (int) (copy * per + c.cell())));
            return plus(cell, c.byteInCell());
        });
    }

    /** The ABI byte distance {@code a - b} between two known addresses in one object. */
    Optional<Long> byteDistance(Expr a, Expr b) {
        Optional<Long> x = bytePosition(a), y = bytePosition(b);
        if (x.isEmpty() || y.isEmpty() || ownerOf(cellOf(a)) != ownerOf(cellOf(b))) return Optional.empty();
        return Optional.of(x.get() - y.get());
    }

    /** The ABI byte of its object that a known address ({@code &cell}, {@code &cell + k}) points to. */
    private Optional<Long> bytePosition(Expr address) {
        String cell = cellOf(address);
        if (cell == null || !index.containsKey(cell)) return Optional.empty();
        long k = address instanceof Expr.Binary b ? ((Expr.Const) b.right()).value() * (b.op() == Expr.BinOp.SUB ? -1 : 1) : 0;
        if (k < 0 || k >= KType.STRIDE) return Optional.empty();
        MemObject o = ownerOf(cell);
        KType t = o.type();
        long per = t.cells(), size = t.size();
        if (per <= 0 || size == KType.UNKNOWN || o.count() % per != 0) return Optional.empty();
        long j = index.get(cell) - o.first();
        long copy = j / per;
        Optional<Long> start = ByteLayout.byteOf(t, j - copy * per);
        if (start.isEmpty()) return Optional.empty();
        long scalar = cellType(cell).size();
        if (k >= Math.max(1, scalar)) return Optional.empty();
        return Optional.of(copy * size + start.get() + k);
    }

    /** The cell of {@code &cell} or {@code &cell +/- k}, else null. */
    private static String cellOf(Expr address) {
        if (address instanceof Expr.Addr a) return a.cell();
        if (address instanceof Expr.Binary b && (b.op() == Expr.BinOp.ADD || b.op() == Expr.BinOp.SUB)
                && b.left() instanceof Expr.Addr a && b.right() instanceof Expr.Const) {
            return a.cell();
        }
        return null;
    }

    /** The distance in bytes between two known cell addresses of one object, if that is what they are. */
    Optional<Long> distance(Expr a, Expr b) {
        if (a instanceof Expr.Addr x && b instanceof Expr.Addr y) {
            Integer i = index.get(x.cell()), j = index.get(y.cell());
            if (i != null && j != null && owner.get(i) == owner.get(j)) return Optional.of((i - j) * KType.STRIDE);
        }
        return Optional.empty();
    }

    /** Whether two known addresses are equal; empty when either is not known. */
    Optional<Boolean> sameAddress(Expr a, Expr b) {
        if (a instanceof Expr.Addr x && b instanceof Expr.Addr y) return Optional.of(x.cell().equals(y.cell()));
        if (a instanceof Expr.Addr && b instanceof Expr.Const c && c.value() == 0) return Optional.of(false);
        if (b instanceof Expr.Addr && a instanceof Expr.Const c && c.value() == 0) return Optional.of(false);
        return Optional.empty();
    }

    boolean hasCell(String name) {
        return index.containsKey(name);
    }

    MemObject ownerOf(String cell) {
        return owner.get(index.get(cell));
    }

    KType cellType(String cell) {
        return leafTypes.get(index.get(cell));
    }

    void setInit(String cell, Expr value) {
        inits.set(index.get(cell), value);
    }

    /** The cell at {@code offset} cells into {@code o}. */
    String cellName(MemObject o, long offset) {
        return names.get(o.first() + (int) offset);
    }

    /** Leaves {@code o} out of the program: nothing accesses it (its cells became registers). */
    void drop(String object) {
        dropped.add(objects.get(object));
    }

    List<Cell> cells() {
        List<Cell> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (dropped.contains(owner.get(i))) continue;
            String name = names.get(i);
            String objectName = owner.get(i).name();
            Cell.Placement placed = bytePosition(new Expr.Addr(name))
                    .map(b -> new Cell.Placement(objectName, b))
                    .orElse(Cell.Placement.NONE);
            out.add(new Cell(name, inits.get(i), leafTypes.get(i).width(), positions.get(i), placed));
        }
        return out;
    }

    /** How herd would print the final values of signed cells narrower than 64 bits. */
    Map<StateKey, Width> signedNarrowCells() {
        Map<StateKey, Width> out = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            KType t = leafTypes.get(i);
            if (t.isSigned() && t.width() != Width.DOUBLE) out.put(new StateKey.MemKey(names.get(i)), t.width());
        }
        return out;
    }
}
