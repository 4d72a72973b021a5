package org.powercheck.ir;

/**
 * Values that stand for contents nobody chose: what an interrupted context had in a register,
 * FPSCR at the moment {@code mffs} reads it, the undefined half of a VSR after a scalar write.
 * Each is a distinct 64-bit constant far from small numbers and from cell addresses, so it
 * equals no other value; {@link Program#valueNames} says how reports print it ({@code ?f0}).
 *
 * <p>Code that only moves such values (registers to memory and back, the save and restore
 * paths) behaves the same for every choice of contents once they are pairwise distinct, so one
 * choice of distinct values decides the register-preservation property for all of them.
 */
public final class OpaqueValues {
    public static final long BASE = 0x0ea5_0000_0000_0000L;
    private static final long SPACING = 0x100;

    private OpaqueValues() {}

    public static long value(int k) {
        return BASE + SPACING * k;
    }

    public static boolean isOpaque(long v) {
        return v >= BASE && v < BASE + SPACING * 0x10000L && (v - BASE) % SPACING == 0;
    }
}
