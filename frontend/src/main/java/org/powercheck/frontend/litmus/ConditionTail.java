package org.powercheck.frontend.litmus;

import java.util.List;
import java.util.Optional;
import org.powercheck.ir.Condition;
import org.powercheck.ir.Prop;
import org.powercheck.ir.StateKey;

/**
 * What follows the code of a herd litmus test: the {@code locations [...]} to print, the
 * {@code filter} and the final condition.
 */
public record ConditionTail(List<StateKey> locations, Optional<Prop> filter, Condition condition) {
    public ConditionTail {
        locations = List.copyOf(locations);
    }
}
