/**
 * The Linux-kernel C litmus front end ({@code C name / { init } / P0(int *x) { ... } / exists ...}):
 * the header grammar ({@code CLitmusHeader.jj}), the threads through the C grammar of
 * {@code cparse}, the tail through the shared condition grammar; then the lowering of each
 * thread to the POWER IR with the kernel mapping of {@code org.powercheck.model.mapping}.
 * Entry point: {@link org.powercheck.frontend.clitmus.CLitmusFrontend}.
 */
package org.powercheck.frontend.clitmus;
