/**
 * Linux kernel primitives as the POWER instruction sequences they compile to (power-model.md
 * §2): barriers, once/acquire/release accesses, atomic_t and xchg/cmpxchg families, bit
 * operations, spinlocks, RCU. Front ends look primitives up in
 * {@link org.powercheck.model.mapping.KernelMapping} and emit them into a
 * {@link org.powercheck.model.mapping.CodeSink}.
 */
package org.powercheck.model.mapping;
