package org.powercheck.frontend.ppc;

import java.util.List;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;

/**
 * Typed access to the operands of one instruction, with errors that name the instruction's
 * expected operand form ({@code 'stw' expects rS,d(rA)}).
 */
final class PpcOperands {
    /** A D-form address: {@code d(rA)}, also written {@code d,rA}. */
    record Displacement(long offset, Reg base) {}

    private final PpcSyntax.Instruction instruction;
    private final List<PpcSyntax.Operand> operands;
    private final String form;

    /**
     * @param form the operand form for messages, e.g. {@code rD,d(rA)}
     * @param counts the accepted operand counts
     */
    PpcOperands(PpcSyntax.Instruction instruction, String form, int... counts) {
        this.instruction = instruction;
        this.operands = instruction.operands();
        this.form = form;
        for (int n : counts) {
            if (operands.size() == n) return;
        }
        throw new InputException(instruction.pos(), "'" + instruction.mnemonic() + "' expects "
                + (form.isEmpty() ? "no operands" : "operands " + form) + " but has " + describeCount());
    }

    int count() {
        return operands.size();
    }

    SourcePos pos(int i) {
        return operands.get(i).pos();
    }

    Reg reg(int i) {
        PpcSyntax.Operand op = operands.get(i);
        if (op instanceof PpcSyntax.Operand.Name n) return PpcRegisters.gpr(n.text(), n.pos());
        throw wrong(i, "a register");
    }

    long imm(int i) {
        PpcSyntax.Operand op = operands.get(i);
        if (op instanceof PpcSyntax.Operand.Immediate im) return im.value();
        throw wrong(i, "a number");
    }

    /** An immediate that must lie in {@code [min, max]} (shift counts, mask bits). */
    int smallImm(int i, int min, int max) {
        long v = imm(i);
        if (v < min || v > max) {
            throw new InputException(pos(i), "'" + instruction.mnemonic() + "' operand " + (i + 1)
                    + " must be between " + min + " and " + max + " but is " + v);
        }
        return (int) v;
    }

    String label(int i) {
        PpcSyntax.Operand op = operands.get(i);
        if (op instanceof PpcSyntax.Operand.Name n && !PpcRegisters.isSymbolic(n.text())) return n.text();
        throw wrong(i, "a label");
    }

    boolean isCrField(int i) {
        return operands.get(i) instanceof PpcSyntax.Operand.Name n && PpcRegisters.isCrField(n.text());
    }

    Reg crField(int i) {
        if (isCrField(i)) return new Reg(operands.get(i).text());
        throw wrong(i, "a condition register field like cr0");
    }

    /** The address operand starting at {@code i}: {@code d(rA)}, or {@code d,rA} as the last two operands. */
    Displacement displacement(int i) {
        PpcSyntax.Operand op = operands.get(i);
        if (op instanceof PpcSyntax.Operand.Displacement d) {
            return new Displacement(d.offset(), PpcRegisters.gpr(d.base().text(), d.base().pos()));
        }
        if (op instanceof PpcSyntax.Operand.Immediate im && i + 1 < operands.size()) {
            return new Displacement(im.value(), reg(i + 1));
        }
        throw wrong(i, "an address like 0(r2)");
    }

    private InputException wrong(int i, String expected) {
        return new InputException(pos(i), "'" + instruction.mnemonic() + "' expects operands " + form
                + ": operand " + (i + 1) + " should be " + expected + " but is '" + operands.get(i).text() + "'");
    }

    private String describeCount() {
        return operands.isEmpty() ? "none" : operands.size() == 1 ? "1 operand" : operands.size() + " operands";
    }
}
