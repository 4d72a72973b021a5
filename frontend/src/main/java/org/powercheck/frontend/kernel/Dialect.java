package org.powercheck.frontend.kernel;

/**
 * The two flavours of C the lowering reads. Litmus tests follow herd: every value is a 64-bit
 * signed integer whatever its declared type, a thread's parameters name shared locations, and
 * assigning to an undeclared name declares a local. Kernel code has real C types: the widths of
 * ppc64le, unsigned arithmetic, structs laid out in cells.
 */
public enum Dialect {
    LITMUS, KERNEL;

    boolean typed() {
        return this == KERNEL;
    }
}
