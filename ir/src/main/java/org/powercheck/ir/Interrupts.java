package org.powercheck.ir;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The interrupt sources of a program, and how many interrupts each CPU may take at most when
 * the harness says so (the {@code --max-interrupts} option overrides it).
 */
public record Interrupts(List<InterruptSource> sources, Map<Integer, Integer> maxPerCpu) {
    public static final Interrupts NONE = new Interrupts(List.of(), Map.of());

    public Interrupts {
        sources = List.copyOf(sources);
        maxPerCpu = Map.copyOf(maxPerCpu);
    }

    public boolean isEmpty() {
        return sources.isEmpty();
    }

    /** The ids of the CPUs that may be interrupted, in order. */
    public List<Integer> cpus() {
        TreeSet<Integer> out = new TreeSet<>();
        for (InterruptSource s : sources) out.add(s.cpu());
        return List.copyOf(out);
    }

    public List<InterruptSource> of(int cpu) {
        return sources.stream().filter(s -> s.cpu() == cpu).toList();
    }
}
