package org.powercheck.model.mapping;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The primitives a mapping knows, by name. */
final class Registry {
    private final Map<String, Primitive> byName = new HashMap<>();

    void add(String name, List<ArgKind> params, boolean hasResult, Primitive.Body body) {
        if (byName.put(name, new Primitive(name, params, hasResult, body)) != null) {
            throw new IllegalStateException("primitive defined twice: " + name);
        }
    }

    Optional<Primitive> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    int size() {
        return byName.size();
    }
}
