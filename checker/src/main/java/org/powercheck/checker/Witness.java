package org.powercheck.checker;

import java.util.List;

/**
 * One allowed execution, for counterexample reports: its events in a readable order, each
 * with its source position, and the rf/co edges that explain the values.
 */
public record Witness(FinalState state, List<String> events, List<String> edges) {
    public Witness {
        events = List.copyOf(events);
        edges = List.copyOf(edges);
    }
}
