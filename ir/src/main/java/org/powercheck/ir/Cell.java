package org.powercheck.ir;

/**
 * A memory location of the program (a shared variable, a struct field, an array element, the
 * IPI pseudo-location of a CPU). {@code init} is a constant or the address of another cell.
 */
public record Cell(String name, Expr init, Width width, SourcePos pos) {
    public Cell {
        if (!(init instanceof Expr.Const || init instanceof Expr.Addr)) {
            throw new IllegalArgumentException("cell initialiser must be a constant or an address: " + init);
        }
    }
}
