package org.powercheck.checker.trace;

import org.powercheck.ir.Instr;
import org.powercheck.ir.Width;

/** The POWER instruction an access or fence of the IR is: the width and kind say which. */
public final class Mnemonic {
    private Mnemonic() {}

    /**
     * What an event came from: the source statement and the instruction it became
     * ({@code WRITE_ONCE(x, 1) -> stw}), or the instruction alone when the source is it.
     */
    public static String describe(Instr instr, String source) {
        String mnemonic = of(instr);
        if (source == null || source.startsWith(mnemonic)) { // a litmus test's own instruction (lwzx for lwz)
            return source == null ? mnemonic : source;
        }
        return source + " -> " + mnemonic;
    }

    public static String of(Instr instr) {
        return switch (instr) {
            case Instr.Load l -> l.reserve() ? reserve(l.width()) : load(l.width());
            case Instr.Store s -> store(s.width());
            case Instr.StoreConditional s -> store(s.width()) + "cx.";
            case Instr.Fence f -> f.kind().mnemonic();
            // no event comes from these; their IR text is all there is to say
            case Instr.Assign a -> a.toString();
            case Instr.Label l -> l.toString();
            case Instr.Branch b -> b.toString();
            case Instr.Assume a -> a.toString();
            case Instr.Havoc h -> h.toString();
            case Instr.Marker m -> m.toString();
        };
    }

    private static String load(Width w) {
        return switch (w.bits) {
            case 8 -> "lbz";
            case 16 -> "lhz";
            case 32 -> "lwz";
            default -> "ld";
        };
    }

    private static String reserve(Width w) {
        return switch (w.bits) {
            case 8 -> "lbarx";
            case 16 -> "lharx";
            case 32 -> "lwarx";
            default -> "ldarx";
        };
    }

    private static String store(Width w) {
        return switch (w.bits) {
            case 8 -> "stb";
            case 16 -> "sth";
            case 32 -> "stw";
            default -> "std";
        };
    }
}
