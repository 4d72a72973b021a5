package org.powercheck.frontend.kernel;

import java.util.List;
import org.powercheck.frontend.cparse.CExternal;

/** Sets up the lowering of a parsed kernel translation unit. */
final class Units {
    private Units() {}

    /**
     * Reads the declarations, then the configuration the code chose ({@code NR_CPUS},
     * {@code PC_THREADS_PER_CORE}, read back by the lines {@link KernelSource} appends).
     */
    static LoweringUnit kernel(List<CExternal> items, KernelOptions options, boolean havocUnknown) {
        // A test's threads (a herd C test's, a harness's) follow herd's C: they may assign undeclared
        // names and dereference integers; kernel source may not.
        boolean herdThreads = !havocUnknown;
        LoweringOptions defaults = new LoweringOptions(options.havoc(), havocUnknown, options.inlineDepth(), herdThreads, herdThreads,
                LoweringOptions.DEFAULT_CPUS, LoweringOptions.DEFAULT_CPUS);
        LoweringUnit unit = new LoweringUnit(options.mapping(), defaults, KernelSource::bundled);
        if (options.tree().isPresent()) {
            unit.decls.keepBundledDefinitions();
            unit.treeHeaders = true;
        }
        unit.decls.addAll(items);
        int cpus = unit.resolver.enumConstant(KernelSource.CPUS).map(Long::intValue).orElse(LoweringOptions.DEFAULT_CPUS);
        int perCore = unit.resolver.enumConstant(KernelSource.THREADS_PER_CORE).map(Long::intValue).orElse(cpus);
        unit.configure(new LoweringOptions(options.havoc(), havocUnknown, options.inlineDepth(), herdThreads, herdThreads,
                Math.max(1, cpus), Math.max(1, perCore)));
        return unit;
    }
}
