package org.powercheck.frontend.ppc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powercheck.ir.Cell;
import org.powercheck.ir.Expr;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.Width;

/**
 * The memory cells of a test, in order of first mention. herd creates a location for every name
 * the init block, a register value or the condition mentions; unless declared, it holds an
 * {@code int} 0.
 */
final class CellTable {
    private static final class Draft {
        Expr init = new Expr.Const(0);
        Width width = Width.WORD;
        final SourcePos pos;

        Draft(SourcePos pos) {
            this.pos = pos;
        }
    }

    private final Map<String, Draft> drafts = new LinkedHashMap<>();

    void mention(String name, SourcePos pos) {
        drafts.computeIfAbsent(name, n -> new Draft(pos));
    }

    /** Records a declaration; a null width or init leaves what an earlier declaration said. */
    void declare(String name, Width width, Expr init, SourcePos pos) {
        Draft d = drafts.computeIfAbsent(name, n -> new Draft(pos));
        if (width != null) d.width = width;
        if (init != null) d.init = init;
    }

    List<Cell> cells() {
        List<Cell> out = new ArrayList<>();
        drafts.forEach((name, d) -> out.add(new Cell(name, d.init, d.width, d.pos)));
        return out;
    }
}
