package org.powercheck.frontend.kernel;

import java.util.List;
import java.util.Set;
import org.powercheck.model.mapping.KernelMapping;

/**
 * What a user can choose about reading kernel C.
 *
 * @param mapping          the instruction sequences of the kernel primitives
 * @param havoc            functions whose calls are replaced by an unconstrained result (no memory effect)
 * @param inlineDepth      the bound on recursion: active instances of one function at a time
 * @param preprocessorArgs {@code -D}, {@code -U} and {@code -I} arguments, in order, applied after
 *                         the default kernel configuration ({@link KernelSource#CONFIG})
 */
public record KernelOptions(KernelMapping mapping, Set<String> havoc, int inlineDepth, List<String> preprocessorArgs,
                            java.util.Optional<KernelTree> tree) {
    public KernelOptions(KernelMapping mapping, Set<String> havoc, int inlineDepth, List<String> preprocessorArgs) {
        this(mapping, havoc, inlineDepth, preprocessorArgs, java.util.Optional.empty());
    }

    public KernelOptions {
        havoc = Set.copyOf(havoc);
        preprocessorArgs = List.copyOf(preprocessorArgs);
        if (inlineDepth < 1) throw new IllegalArgumentException("inline depth must be positive: " + inlineDepth);
    }

    public static KernelOptions defaults() {
        return new KernelOptions(KernelMapping.power9(), Set.of(), LoweringOptions.DEFAULT_INLINE_DEPTH, List.of());
    }

    public KernelOptions withHavoc(Set<String> names) {
        return new KernelOptions(mapping, names, inlineDepth, preprocessorArgs, tree);
    }

    public KernelOptions withMapping(KernelMapping m) {
        return new KernelOptions(m, havoc, inlineDepth, preprocessorArgs, tree);
    }

    public KernelOptions withPreprocessorArgs(List<String> args) {
        return new KernelOptions(mapping, havoc, inlineDepth, args, tree);
    }

    /** Reads kernel C with the headers of {@code t} ({@code --kernel-tree}) instead of the bundled prelude. */
    public KernelOptions withTree(KernelTree t) {
        return new KernelOptions(mapping, havoc, inlineDepth, preprocessorArgs, java.util.Optional.of(t));
    }
}
