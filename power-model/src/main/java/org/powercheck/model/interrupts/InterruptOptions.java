package org.powercheck.model.interrupts;

import java.util.Optional;
import org.powercheck.ir.Interrupts;
import org.powercheck.ir.Program;

/**
 * How interrupts are taken, as the command line says; what it leaves open, the harness decides
 * ({@link Interrupts}), and what neither says has a default: one interrupt per CPU, plain
 * entry (the sound one), enabled points only.
 *
 * @param maxPerCpu at most this many interrupts per CPU; {@code -1}: not given
 */
public record InterruptOptions(int maxPerCpu, Optional<Interrupts.Entry> ipiEntry,
                               Optional<Interrupts.Points> points) {
    public static final InterruptOptions DEFAULT = new InterruptOptions(-1, Optional.empty(), Optional.empty());

    public InterruptOptions(int maxPerCpu, Interrupts.Entry entry, Interrupts.Points points) {
        this(maxPerCpu, Optional.of(entry), Optional.of(points));
    }

    public int maxFor(Program p, int cpu) {
        return maxPerCpu >= 0 ? maxPerCpu : p.interrupts().maxPerCpu().getOrDefault(cpu, 1);
    }

    public Interrupts.Entry entryFor(Program p) {
        return ipiEntry.or(() -> p.interrupts().entry()).orElse(Interrupts.Entry.PLAIN);
    }

    public Interrupts.Points pointsFor(Program p) {
        return points.or(() -> p.interrupts().points()).orElse(Interrupts.Points.ENABLED);
    }
}
