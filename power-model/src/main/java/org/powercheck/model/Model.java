package org.powercheck.model;

import java.util.List;

/** A memory model: the checks a candidate execution must pass to be allowed. */
public record Model(String name, List<Check> checks) {
    public Model {
        checks = List.copyOf(checks);
    }
}
