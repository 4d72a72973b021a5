package org.powercheck.ir;

/** A thread-local register: a POWER GPR ({@code r3}), a condition field ({@code cr0}) or a C local. */
public record Reg(String name) implements Comparable<Reg> {
    /** The condition register field written by compares and {@code stwcx.}, read by branches. */
    public static final Reg CR0 = new Reg("cr0");
    /**
     * This CPU's soft interrupt mask ({@code paca->irq_soft_mask} on 64-bit Book3S): non-zero
     * while {@code local_irq_disable()} and friends hold interrupts off. A thread that never
     * writes it is always soft-enabled.
     */
    public static final Reg IRQ_SOFT_MASK = new Reg("pc_irq_soft_mask");
    /** Non-zero while MSR[EE] is clear ({@code hard_irq_disable()}): no interrupt is taken. */
    public static final Reg IRQ_HARD_DISABLED = new Reg("pc_irq_hard_disabled");

    /** herd's order: by name, with the numeric suffix compared as a number (r9 before r11). */
    @Override
    public int compareTo(Reg o) {
        return NaturalOrder.compare(name, o.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
