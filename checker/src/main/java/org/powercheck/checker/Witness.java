package org.powercheck.checker;

import java.util.List;
import java.util.Optional;

/**
 * One allowed execution, for counterexample reports: its events in a readable order, each
 * with its source position, the rf/co edges that explain the values, and each interrupt taken:
 * which handler, after which instruction, and whether that point was masked or a replay point.
 *
 * @param execution the same execution as data (events and primitive relations), for traces,
 *                  pictures and explanations; empty when the engine did not record it
 */
public record Witness(FinalState state, List<String> events, List<String> edges, List<String> interrupts,
                      Optional<Execution> execution) {
    public Witness {
        events = List.copyOf(events);
        edges = List.copyOf(edges);
        interrupts = List.copyOf(interrupts);
    }

    public Witness(FinalState state, List<String> events, List<String> edges, List<String> interrupts) {
        this(state, events, edges, interrupts, Optional.empty());
    }

    public Witness(FinalState state, List<String> events, List<String> edges) {
        this(state, events, edges, List.of());
    }
}
