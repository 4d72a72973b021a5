package org.powercheck.frontend.kernel;

import org.powercheck.ir.Program;

/**
 * Kernel C to the IR: harnesses ({@code C name}, included kernel-style sources, an init block,
 * threads {@code P0..Pn} calling kernel functions, a herd condition) and lone kernel source files
 * (every function lowered on its own, to show what it becomes).
 */
public final class KernelFrontend {
    private KernelFrontend() {}

    /** A harness held in memory; {@code file} names it in positions and locates its includes. */
    public static Program harness(String text, String file, KernelOptions options) {
        return new HarnessBuilder(text, file, options).build();
    }

    /** A kernel source file without threads: one pseudo-thread per function it defines. */
    public static Program source(String text, String file, KernelOptions options) {
        return new SourceBuilder(text, file, options).build();
    }
}
