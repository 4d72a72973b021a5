package org.powercheck.frontend.cparse;

import java.util.List;
import org.powercheck.ir.SourcePos;

/** An initialiser: an expression or a brace list with optional designators. */
public sealed interface CInit {
    SourcePos pos();

    record Single(CExpr value, SourcePos pos) implements CInit {
        @Override public String toString() { return value.toString(); }
    }

    record Braced(List<Item> items, SourcePos pos) implements CInit {
        public Braced {
            items = List.copyOf(items);
        }

        @Override public String toString() { return "{" + items + "}"; }
    }

    /** {@code .field = init}, {@code [index] = init}, or a plain {@code init}. */
    record Item(List<Designator> designators, CInit value) {
        public Item {
            designators = List.copyOf(designators);
        }
    }

    sealed interface Designator {
        record Field(String name) implements Designator {}

        record Index(CExpr index) implements Designator {}

        /** GNU {@code [low ... high] = init}. */
        record Range(CExpr low, CExpr high) implements Designator {}
    }
}
