package org.powercheck.frontend.ppc;

import java.util.regex.Pattern;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;

/** POWER register names as litmus tests write them: GPRs {@code r0..r31} and herd's symbolic {@code %name}. */
final class PpcRegisters {
    private static final Pattern GPR = Pattern.compile("r([0-9]|[12][0-9]|3[01])");
    private static final Pattern CR_FIELD = Pattern.compile("cr[0-7]");

    /** The register holding a compare result when the instruction names no CR field. */
    static final Reg CR0 = Reg.CR0;

    private PpcRegisters() {}

    static boolean isGpr(String name) {
        return GPR.matcher(name).matches() || isSymbolic(name);
    }

    static boolean isSymbolic(String name) {
        return name.startsWith("%");
    }

    static boolean isCrField(String name) {
        return CR_FIELD.matcher(name).matches();
    }

    /** {@code r0}, which reads as the value 0 where the ISA says "(RA|0)". */
    static boolean isZeroRegister(Reg reg) {
        return reg.name().equals("r0");
    }

    static Reg gpr(String name, SourcePos pos) {
        if (!isGpr(name)) throw new InputException(pos, "bad register name '" + name + "'");
        return new Reg(name);
    }
}
