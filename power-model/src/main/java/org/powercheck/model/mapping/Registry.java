package org.powercheck.model.mapping;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The primitives a mapping knows, by name. */
final class Registry {
    private final Map<String, Primitive> byName = new HashMap<>();

    /** A primitive that returns nothing or a value of the location it accesses. */
    void add(String name, List<ArgKind> params, boolean hasResult, Primitive.Body body) {
        add(name, params, hasResult ? Primitive.Result.LOCATION : Primitive.Result.NONE, body);
    }

    void add(String name, List<ArgKind> params, Primitive.Result result, Primitive.Body body) {
        if (byName.put(name, new Primitive(name, params, result, body)) != null) {
            throw new IllegalStateException("primitive defined twice: " + name);
        }
    }

    Optional<Primitive> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(byName.keySet());
    }

    int size() {
        return byName.size();
    }
}
