package org.powercheck.ir;

/** Something a final state assigns a value to: a thread's register or a memory cell. */
public sealed interface StateKey extends Comparable<StateKey> {
    record RegKey(int thread, Reg reg) implements StateKey {
        @Override public String toString() { return thread + ":" + reg.name(); }
    }

    record MemKey(String cell) implements StateKey {
        /** herd prints memory as {@code [x]}. */
        @Override public String toString() { return "[" + cell + "]"; }
    }

    /** herd7's order when it prints a state: registers by thread then register, then memory. */
    @Override
    default int compareTo(StateKey o) {
        if (this instanceof RegKey a && o instanceof RegKey b) {
            int c = Integer.compare(a.thread(), b.thread());
            return c != 0 ? c : a.reg().compareTo(b.reg());
        }
        if (this instanceof MemKey a && o instanceof MemKey b) {
            return NaturalOrder.compare(a.cell(), b.cell());
        }
        return this instanceof RegKey ? -1 : 1;
    }
}
