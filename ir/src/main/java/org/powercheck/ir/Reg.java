package org.powercheck.ir;

/** A thread-local register: a POWER GPR ({@code r3}), a condition field ({@code cr0}) or a C local. */
public record Reg(String name) implements Comparable<Reg> {
    /** The condition register field written by compares and {@code stwcx.}, read by branches. */
    public static final Reg CR0 = new Reg("cr0");

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
