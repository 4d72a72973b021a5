/**
 * The Linux-kernel C litmus front end ({@code C name / { init } / P0(int *x) { ... } / exists ...}):
 * the header grammar ({@code CLitmusHeader.jj}), the threads through the C grammar of
 * {@code cparse}, the tail through the shared condition grammar; each thread is lowered to the
 * POWER IR by the kernel C lowering, read with the standard prelude
 * ({@link org.powercheck.frontend.kernel.LitmusThreads}).
 * Entry point: {@link org.powercheck.frontend.clitmus.CLitmusFrontend}.
 */
package org.powercheck.frontend.clitmus;
