package org.powercheck.frontend.preprocess;

import java.util.HashMap;
import java.util.Map;

/** The macros defined at the current point of preprocessing. */
final class MacroTable {
    private final Map<String, Macro> macros = new HashMap<>(512);

    static MacroTable withBuiltins() {
        MacroTable table = new MacroTable();
        for (BuiltinMacro kind : BuiltinMacro.values()) {
            table.define(Macro.builtin(kind));
        }
        return table;
    }

    /** A table that starts with these definitions and changes on its own. */
    MacroTable copy() {
        MacroTable table = new MacroTable();
        table.macros.putAll(macros);
        return table;
    }

    Macro get(String name) {
        return macros.get(name);
    }

    boolean isDefined(String name) {
        return macros.containsKey(name);
    }

    void define(Macro macro) {
        macros.put(macro.name, macro);
    }

    void undefine(String name) {
        macros.remove(name);
    }
}
