package org.powercheck.model.mapping;

/** The ordering variant of an atomic primitive, from its name's suffix. */
public enum Ordering {
    /** no suffix: fully ordered, {@code sync} before and after */
    FULL(""),
    RELAXED("_relaxed"),
    ACQUIRE("_acquire"),
    RELEASE("_release");

    public final String suffix;

    Ordering(String suffix) {
        this.suffix = suffix;
    }
}
