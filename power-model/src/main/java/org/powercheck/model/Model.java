package org.powercheck.model;

import java.util.List;

/**
 * A memory model: the checks a candidate execution must pass to be allowed, and the flags
 * (cat's {@code flag ~empty r as name}) that mark an allowed execution without forbidding it,
 * like the LKMM's {@code data-race}.
 */
public record Model(String name, List<Check> checks, List<Check> flags) {
    public Model {
        checks = List.copyOf(checks);
        flags = List.copyOf(flags);
    }

    public Model(String name, List<Check> checks) {
        this(name, checks, List.of());
    }
}
