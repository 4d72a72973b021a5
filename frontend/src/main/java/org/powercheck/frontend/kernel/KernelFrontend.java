package org.powercheck.frontend.kernel;

import java.util.List;
import java.util.Set;
import org.powercheck.ir.InputException;
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
        LoweredSource lowered = sourceFunctions(text, file, options, Set.of());
        if (!lowered.notLowered().isEmpty()) throw lowered.notLowered().get(0).why();
        return lowered.program();
    }

    /**
     * A kernel source file function by function: those that lower (all, or the {@code selected}
     * ones) as pseudo-threads, and why the others do not.
     */
    public static LoweredSource sourceFunctions(String text, String file, KernelOptions options, Set<String> selected) {
        return new SourceBuilder(text, file, options, selected).build();
    }

    /** The functions of a source file that lowered, as a program, and those that did not. */
    public record LoweredSource(Program program, List<NotLowered> notLowered) {
        public LoweredSource {
            notLowered = List.copyOf(notLowered);
        }
    }

    /** A function that could not be lowered and the first error in it. */
    public record NotLowered(String function, InputException why) {}
}
