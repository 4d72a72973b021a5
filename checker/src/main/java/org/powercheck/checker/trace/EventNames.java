package org.powercheck.checker.trace;

import java.util.List;
import java.util.Map;
import org.powercheck.checker.Execution;

/**
 * Short names for the events of a trace, as herd's pictures name them: a, b, ..., z, aa, ab, ...
 * in the order of the CPUs and of program order; an initial write is {@code init}.
 */
public final class EventNames {
    private final String[] names;

    public EventNames(Execution x, Map<Integer, List<Execution.Event>> perCpu) {
        names = new String[x.size()];
        for (Execution.Event e : x.events()) names[e.id()] = "init";
        int k = 0;
        for (List<Execution.Event> events : perCpu.values()) {
            for (Execution.Event e : events) names[e.id()] = letters(k++);
        }
    }

    public String of(int event) {
        return names[event];
    }

    private static String letters(int k) {
        String s = "";
        k++;
        while (k > 0) {
            k--;
            s = (char) ('a' + k % 26) + s;
            k /= 26;
        }
        return s;
    }
}
