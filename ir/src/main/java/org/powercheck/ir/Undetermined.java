package org.powercheck.ir;

/**
 * herd7's unsolved value: under its C semantics each read has a symbolic value, fixed by the
 * equation "read value = value written" of the write it reads from. A cycle of reads-from and
 * data dependencies that no constant grounds ({@code r1 = *x; *y = r1} against
 * {@code r2 = *y; *x = r2}, each reading the other's write) leaves the equations unsolved, and
 * herd prints the reads' values as symbols ({@code S8}) that equal no constant of the condition.
 * A program lowered for the LKMM ({@link Program#symbolicReads()}) lets its reads take this one
 * value, exactly when they are not grounded; everything computed from it is it again.
 *
 * <p>It is a 64-bit pattern no C or POWER constant of a test is: negative, far from the cells'
 * addresses, unchanged by truncation and extension (which test for it).
 */
public final class Undetermined {
    private Undetermined() {}

    public static final long VALUE = Long.MIN_VALUE | 0x0DE7_0000_0D0EL;

    /** How reports print it; herd prints a symbol of its own ({@code S8}, ...). */
    public static final String TEXT = "undetermined";

    public static boolean is(long v) {
        return v == VALUE;
    }
}
