/**
 * Kernel-style C to the IR: harnesses ({@code C name}, included models, an init block, threads
 * {@code P0..Pn}, a herd condition; see {@code examples/kernel/HARNESS.md}) and lone kernel
 * source files, through the preprocessor (with the bundled {@code prelude-macros.h} and
 * {@code prelude.h}) and the C grammar of {@code cparse}. The lowering is shared with herd's C
 * litmus tests ({@link org.powercheck.frontend.kernel.LitmusThreads}, read with the same prelude;
 * what herd's C adds is an option of a test's threads, {@link org.powercheck.frontend.kernel.LoweringOptions}): calls are
 * inlined, calls through pointers dispatch over the functions whose address is taken, memory is
 * one cell per scalar laid out object by object, kernel primitives come from
 * {@code org.powercheck.model.mapping}. Entry point: {@link org.powercheck.frontend.kernel.KernelFrontend}.
 */
package org.powercheck.frontend.kernel;
