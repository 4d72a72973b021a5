package org.powercheck.checker;

import java.util.List;
import java.util.TreeSet;

/**
 * The model's flags that some allowed, complete execution raises (cat's {@code flag ~empty r as
 * name}, herd's {@code Flag name} lines: the LKMM's {@code data-race}, ...), sorted by name.
 *
 * @param undecided the engine could not decide them (the flags' relations would have made the
 *                  encoding too large); {@code raised} is then empty and means nothing
 */
public record ModelFlags(List<String> raised, boolean undecided) {
    public static final ModelFlags NONE = new ModelFlags(List.of(), false);
    public static final ModelFlags UNDECIDED = new ModelFlags(List.of(), true);

    public ModelFlags {
        raised = List.copyOf(new TreeSet<>(raised));
    }

    public static ModelFlags raised(java.util.Collection<String> names) {
        return names.isEmpty() ? NONE : new ModelFlags(List.copyOf(names), false);
    }
}
