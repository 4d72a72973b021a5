package org.powercheck.frontend.ppc;

import java.util.Map;
import org.powercheck.ir.InputException;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.Width;

/** The C-like type names herd accepts in a PPC init block, and the access width each stands for. */
final class PpcTypes {
    private static final Map<String, Width> WIDTHS = Map.ofEntries(
            Map.entry("char", Width.BYTE), Map.entry("int8_t", Width.BYTE), Map.entry("uint8_t", Width.BYTE),
            Map.entry("short", Width.HALF), Map.entry("int16_t", Width.HALF), Map.entry("uint16_t", Width.HALF),
            Map.entry("int", Width.WORD), Map.entry("unsigned", Width.WORD),
            Map.entry("int32_t", Width.WORD), Map.entry("uint32_t", Width.WORD),
            Map.entry("long", Width.DOUBLE), Map.entry("int64_t", Width.DOUBLE), Map.entry("uint64_t", Width.DOUBLE),
            Map.entry("intptr_t", Width.DOUBLE), Map.entry("uintptr_t", Width.DOUBLE));

    private PpcTypes() {}

    /** The width of a declared type; {@code null} (no type) means herd's default, {@code int}. */
    static Width width(String type, SourcePos pos) {
        if (type == null) return Width.WORD;
        if (type.endsWith("*")) return Width.DOUBLE;
        Width w = WIDTHS.get(type);
        if (w == null) throw new InputException(pos, "unknown type '" + type + "'");
        return w;
    }
}
