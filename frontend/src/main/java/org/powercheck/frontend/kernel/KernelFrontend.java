package org.powercheck.frontend.kernel;

import java.util.List;
import java.util.Map;
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

    /**
     * An assembly file read on its own, as {@code parse} shows it: each function it exports
     * ({@code .globl}) lowered as a pseudo-thread from its label to its {@code blr}, and why the
     * others do not lower (an asm-offsets constant only a build defines, say: give it with -D).
     */
    public static LoweredSource assemblyFunctions(java.nio.file.Path file, KernelOptions options, Set<String> selected) {
        List<String> args = new java.util.ArrayList<>(KernelSource.CONFIG);
        args.addAll(options.preprocessorArgs());
        org.powercheck.frontend.asm.AsmModule module = org.powercheck.frontend.asm.AsmModule.load(file, args, java.util.Map.of());
        List<org.powercheck.ir.ThreadCode> threads = new java.util.ArrayList<>();
        List<NotLowered> failed = new java.util.ArrayList<>();
        for (String f : module.functions()) {
            if (!selected.isEmpty() && !selected.contains(f)) continue;
            org.powercheck.ir.SourcePos at = module.position(f);
            try {
                threads.add(new org.powercheck.ir.ThreadCode(threads.size(), f, java.util.Map.of(), module.call(f, at), at));
            } catch (org.powercheck.ir.InputException e) {
                failed.add(new NotLowered(f, e));
            }
        }
        org.powercheck.ir.Program p = new org.powercheck.ir.Program(file.getFileName().toString(),
                org.powercheck.ir.Program.Arch.PPC, file.toString(), List.of(), threads,
                new org.powercheck.ir.Condition(org.powercheck.ir.Condition.Quantifier.EXISTS, new org.powercheck.ir.Prop.True(),
                        org.powercheck.ir.SourcePos.UNKNOWN), List.of(), java.util.Optional.empty());
        return new LoweredSource(p, failed);
    }

    /**
     * The functions of a source file that lowered, as a program, and those that did not.
     *
     * @param withoutBody the functions called without a body, whose calls were taken as
     *                    unconstrained (no memory accesses), each with its first call
     */
    public record LoweredSource(Program program, List<NotLowered> notLowered,
                                Map<String, org.powercheck.ir.SourcePos> withoutBody) {
        public LoweredSource {
            notLowered = List.copyOf(notLowered);
            withoutBody = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(withoutBody));
        }

        /** The names of {@link #withoutBody}, sorted. */
        public java.util.Collection<String> havocked() {
            return List.copyOf(new java.util.TreeSet<>(withoutBody.keySet()));
        }

        public LoweredSource(Program program, List<NotLowered> notLowered) {
            this(program, notLowered, Map.of());
        }
    }

    /** A function that could not be lowered and the first error in it. */
    public record NotLowered(String function, InputException why) {}
}
