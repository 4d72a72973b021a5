package org.powercheck.frontend.asm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;

/**
 * The register file assembly code sees, as IR registers. A VSR is two doublewords: VSR n < 32
 * overlays FPR n in doubleword 0 ({@code f0}) and has {@code vs0.1} as doubleword 1; VSR 32+n
 * is VR n, doublewords {@code v0.0} and {@code v0.1} (ISA 3.0 Book I 7.2). FPSCR, VSCR, VRSAVE,
 * LR, CTR, XER and the MSR are registers of their own. Operands name registers as the kernel
 * spells them after its macros: {@code r3}, {@code %r3}, {@code fr0}, {@code v0}, {@code vs0} or
 * a bare number in a register position ({@code stvx 3,r7,r4}).
 */
public final class AsmRegisters {
    public static final Reg FPSCR = new Reg("fpscr");
    public static final Reg VSCR = new Reg("vscr");
    public static final Reg VRSAVE = new Reg("vrsave");
    public static final Reg MSR = new Reg("msr");
    public static final Reg LR = new Reg("lr");
    public static final Reg CTR = new Reg("ctr");
    public static final Reg XER = new Reg("xer");
    /** What a scalar write leaves in the other doubleword of a VSR: a value nothing chose. */
    public static final long UNDEFINED = org.powercheck.ir.OpaqueValues.value(0);

    /** The kinds of register an operand position takes. */
    enum Kind {
        GPR("r", 32), FPR("f", 32), VR("v", 32), VSR("vs", 64), CR("cr", 8);

        final String prefix;
        final int count;

        Kind(String prefix, int count) {
            this.prefix = prefix;
            this.count = count;
        }
    }

    private static final Pattern NAMED = Pattern.compile("%?(r|fr|f|vr|v|vs|cr)(\\d+)");

    private AsmRegisters() {}

    /** Doubleword {@code dw} (0 or 1) of VSR {@code n}. */
    public static Reg vsr(int n, int dw) {
        if (n < 32) return new Reg(dw == 0 ? "f" + n : "vs" + n + ".1");
        return new Reg("v" + (n - 32) + "." + dw);
    }

    public static Reg gpr(int n) {
        return new Reg("r" + n);
    }

    /** Every register of the file that a register check may name, in report order. */
    public static List<Reg> all() {
        List<Reg> out = new ArrayList<>();
        for (int n = 0; n < 64; n++) {
            out.add(vsr(n, 0));
            out.add(vsr(n, 1));
        }
        out.add(FPSCR);
        out.add(VSCR);
        out.add(VRSAVE);
        return out;
    }

    /** How a report names a register: {@code f0 (vs0 doubleword 0)}. */
    public static String describe(Reg r) {
        String n = r.name();
        Matcher f = Pattern.compile("f(\\d+)").matcher(n);
        if (f.matches()) return n + " (vs" + f.group(1) + " doubleword 0)";
        Matcher vs = Pattern.compile("vs(\\d+)\\.1").matcher(n);
        if (vs.matches()) return "vs" + vs.group(1) + " doubleword 1";
        Matcher v = Pattern.compile("v(\\d+)\\.([01])").matcher(n);
        if (v.matches()) return "v" + v.group(1) + " doubleword " + v.group(2) + " (vs" + (32 + Integer.parseInt(v.group(1))) + ")";
        return n;
    }

    /**
     * The number of the register an operand names in a position of kind {@code kind}: its name
     * ({@code fr0} for an FPR, {@code v0} for a VR, ...) or an absolute expression.
     */
    static int number(AsmStatement.Operand op, Kind kind, Map<String, Long> symbols, String mnemonic) {
        String t = op.text().strip();
        Matcher m = NAMED.matcher(t);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(2));
            Kind named = switch (m.group(1)) {
                case "r" -> Kind.GPR;
                case "fr", "f" -> Kind.FPR;
                case "vr", "v" -> Kind.VR;
                case "vs" -> Kind.VSR;
                default -> Kind.CR;
            };
            if (named != kind) throw wrong(op, kind, mnemonic);
            if (n >= kind.count) throw wrong(op, kind, mnemonic);
            return n;
        }
        Optional<Long> v = AsmExpression.tryEvaluate(t, symbols, op.pos());
        if (v.isEmpty() || v.get() < 0 || v.get() >= kind.count) throw wrong(op, kind, mnemonic);
        return (int) (long) v.get();
    }

    private static InputException wrong(AsmStatement.Operand op, Kind kind, String mnemonic) {
        String what = switch (kind) {
            case GPR -> "a general register (r0-r31)";
            case FPR -> "a floating-point register (f0-f31)";
            case VR -> "a vector register (v0-v31)";
            case VSR -> "a VSX register (vs0-vs63)";
            case CR -> "a condition register field (cr0-cr7)";
        };
        return new InputException(op.pos(), "'" + mnemonic + "' expects " + what + " but has '" + op.text() + "'");
    }
}
