package org.powercheck.ir;

/**
 * A memory location of the program (a shared variable, a struct field, an array element, the
 * IPI pseudo-location of a CPU). {@code init} is a constant or the address of another cell.
 */
public record Cell(String name, Expr init, Width width, SourcePos pos, Placement placement) {
    /**
     * Where a cell lies in the C object it belongs to: the object's name and the ABI byte at which
     * the cell starts. Assembly computes addresses in ABI bytes ({@code stfd f0,8(r6)}); the
     * engines use this to move an address by bytes across the cells of one object
     * ({@link Layout#byteAdd}). {@link #NONE} for cells of tests without C types.
     */
    public record Placement(String object, long byteInObject) {
        public static final Placement NONE = new Placement("", -1);

        public boolean known() {
            return byteInObject >= 0;
        }
    }

    public Cell {
        if (!(init instanceof Expr.Const || init instanceof Expr.Addr)) {
            throw new IllegalArgumentException("cell initialiser must be a constant or an address: " + init);
        }
    }

    public Cell(String name, Expr init, Width width, SourcePos pos) {
        this(name, init, width, pos, Placement.NONE);
    }
}
