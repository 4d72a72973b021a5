package org.powercheck.ir;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The interrupt sources of a program, and what the harness says about taking them; the
 * command line's options override each of these.
 *
 * @param maxPerCpu how many interrupts a CPU may take at most, where the harness says so (else 1)
 * @param entry     what the hardware entry orders after an IPI delivery, where the harness says so
 * @param points    where handlers may start, where the harness says so
 */
public record Interrupts(List<InterruptSource> sources, Map<Integer, Integer> maxPerCpu, Optional<Entry> entry,
                         Optional<Points> points) {
    public static final Interrupts NONE = new Interrupts(List.of(), Map.of(), Optional.empty(), Optional.empty());

    /** power-model.md 3.3, "Ordering of delivery". */
    public enum Entry {
        /** the delivery read has no ordering of its own: the handler's barriers give it (sound) */
        PLAIN,
        /**
         * the interrupt acts as a branch on the delivery followed by {@code isync} (interrupts are
         * context synchronising); reproduces hardware observations, not sound for proofs
         */
        CTRLISYNC;

        public String flag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** power-model.md 3.3, "Interruption points". */
    public enum Points {
        /** only where interrupts are effectively enabled: soft mask clear and MSR[EE] set */
        ENABLED,
        /** every instruction boundary, masked or not (an over-approximation; masked points are flagged) */
        ANYWHERE;

        public String flag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Interrupts {
        sources = List.copyOf(sources);
        maxPerCpu = Map.copyOf(maxPerCpu);
    }

    public Interrupts(List<InterruptSource> sources, Map<Integer, Integer> maxPerCpu) {
        this(sources, maxPerCpu, Optional.empty(), Optional.empty());
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
