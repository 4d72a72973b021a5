package org.powercheck.checker;

import java.util.List;

/**
 * One allowed execution, for counterexample reports: its events in a readable order, each
 * with its source position, the rf/co edges that explain the values, and each interrupt taken:
 * which handler, after which instruction, and whether that point was masked or a replay point.
 */
public record Witness(FinalState state, List<String> events, List<String> edges, List<String> interrupts) {
    public Witness {
        events = List.copyOf(events);
        edges = List.copyOf(edges);
        interrupts = List.copyOf(interrupts);
    }

    public Witness(FinalState state, List<String> events, List<String> edges) {
        this(state, events, edges, List.of());
    }
}
