package org.powercheck.ir;

/** Access size of a memory instruction. Registers and memory cells hold 64-bit values. */
public enum Width {
    BYTE(8), HALF(16), WORD(32), DOUBLE(64);

    public final int bits;

    Width(int bits) {
        this.bits = bits;
    }

    /** The value a store of this width leaves in memory (the low {@code bits} bits). */
    public long truncate(long v) {
        return bits == 64 || Undetermined.is(v) ? v : v & ((1L << bits) - 1);
    }

    /** The register value a load of this width produces from a memory value. */
    public long extend(long v, boolean signed) {
        if (bits == 64 || Undetermined.is(v)) return v;
        long t = truncate(v);
        return signed ? (t << (64 - bits)) >> (64 - bits) : t;
    }
}
