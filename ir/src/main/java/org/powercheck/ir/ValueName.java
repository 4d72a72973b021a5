package org.powercheck.ir;

/**
 * How reports print an {@link OpaqueValues opaque value}: {@code name} in final states
 * ({@code ?f0}, {@code fpu.S:58}), {@code description} in sentences
 * ({@code f0 (vs0 doubleword 0)}, {@code examples/fpu.S:58:2 (mffs fr0)}).
 */
public record ValueName(String name, String description) {}
