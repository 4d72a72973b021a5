package org.powercheck.model;

/** One axiom of a model: {@code acyclic r as name}, {@code irreflexive r}, {@code empty r}. */
public record Check(String name, Kind kind, Rel rel) {
    public enum Kind { ACYCLIC, IRREFLEXIVE, EMPTY }
}
