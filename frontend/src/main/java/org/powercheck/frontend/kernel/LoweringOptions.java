package org.powercheck.frontend.kernel;

import java.util.Set;

/**
 * How a translation unit is lowered.
 *
 * @param havoc          functions whose calls give an unconstrained result and touch no memory
 * @param havocUnknown   treat every function without a body as havoc'd (for showing a lone file)
 * @param inlineDepth    how many instances of one function may be active at once (recursion bound)
 * @param implicitLocals assigning to an undeclared name in a thread declares a local (herd)
 * @param integerAddresses a thread may dereference an integer local, which holds an address as
 *                       herd's untyped values do ({@code int r1 = y; ... READ_ONCE(*r1)}); it
 *                       reads an {@code int}
 * @param cpus           CPUs a per-CPU variable has copies for ({@code NR_CPUS})
 * @param threadsPerCore SMT threads per core, for {@code msgsndp} addressing
 */
record LoweringOptions(Set<String> havoc, boolean havocUnknown, int inlineDepth, boolean implicitLocals,
                       boolean integerAddresses, int cpus,
                       int threadsPerCore) {
    static final int DEFAULT_INLINE_DEPTH = 4;
    static final int DEFAULT_CPUS = 4;

    LoweringOptions {
        havoc = Set.copyOf(havoc);
    }
}
