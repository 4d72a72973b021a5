package org.powercheck.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A whole test: memory cells with their initial values, threads, the final condition and the
 * extra keys to print ({@code locations [...]}). Immutable; every front end produces one.
 *
 * @param filter executions whose final state fails it are discarded before the condition
 */
public record Program(String name, Arch arch, String file, List<Cell> cells, List<ThreadCode> threads,
                      Condition condition, List<StateKey> locations, Optional<Prop> filter) {
    public enum Arch { PPC, C }

    public Program {
        cells = List.copyOf(cells);
        threads = List.copyOf(threads);
        locations = List.copyOf(locations);
    }

    public Layout layout() {
        return new Layout(cells);
    }

    /** The keys a final state is projected on: the {@code locations} and the condition's keys. */
    public List<StateKey> observedKeys() {
        Set<StateKey> keys = new TreeSet<>(locations);
        keys.addAll(condition.prop().keys());
        return new ArrayList<>(keys);
    }
}
