package org.powercheck.frontend.asm;

import java.util.List;
import org.powercheck.ir.SourcePos;

/** One statement of an assembly file's code, after macros and repetitions are expanded. */
public sealed interface AsmStatement {
    SourcePos pos();

    /** {@code name:}; a numeric local label ({@code 1:}) keeps its number as its name. */
    record Label(String name, SourcePos pos) implements AsmStatement {}

    /** {@code mnemonic op, op, ...}; {@code .long} words in code are instructions too. */
    record Instruction(String mnemonic, List<Operand> operands, SourcePos pos) implements AsmStatement {
        /** The instruction as written, for reports. */
        public String text() {
            StringBuilder b = new StringBuilder(mnemonic);
            for (int i = 0; i < operands.size(); i++) b.append(i == 0 ? " " : ",").append(operands.get(i).text());
            return b.toString();
        }
    }

    record Operand(String text, SourcePos pos) {}
}
