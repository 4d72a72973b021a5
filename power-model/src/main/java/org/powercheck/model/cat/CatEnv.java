package org.powercheck.model.cat;

import java.util.HashMap;
import java.util.Map;

/** Lexical scopes of a cat file: names to values, looked up inner scope first. */
final class CatEnv {
    private final Map<String, CatValue> names = new HashMap<>();
    private final CatEnv parent;

    CatEnv(CatEnv parent) {
        this.parent = parent;
    }

    CatEnv child() {
        return new CatEnv(this);
    }

    void put(String name, CatValue value) {
        if (!name.equals("_")) names.put(name, value);
    }

    CatValue get(String name) {
        for (CatEnv e = this; e != null; e = e.parent) {
            CatValue v = e.names.get(name);
            if (v != null) return v;
        }
        return null;
    }
}
