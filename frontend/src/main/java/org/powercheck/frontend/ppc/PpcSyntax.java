package org.powercheck.frontend.ppc;

import java.util.List;
import org.powercheck.ir.SourcePos;

/**
 * A PPC litmus test as written, before lowering: what the grammar recognises, with positions.
 * Checking (register names, operand shapes, labels) happens in the lowering, which can say
 * precisely what is wrong.
 */
public final class PpcSyntax {
    private PpcSyntax() {}

    /**
     * @param tailLine line where the condition tail starts, or -1 when the code runs to the end of the file
     */
    record Test(String name, List<InitEntry> init, List<ThreadHeader> threads, List<Row> rows,
                int tailLine, int tailColumn) {
        boolean hasTail() {
            return tailLine > 0;
        }
    }

    /** {@code [type] location [= value]} in the {@code { }} block; type and value may be null. */
    record InitEntry(String type, SourcePos typePos, Location location, Value value) {}

    sealed interface Location {
        SourcePos pos();

        /** {@code 0:r2}, {@code P0:r2} */
        record Register(int thread, String name, SourcePos pos) implements Location {}

        /** {@code %x0}: belongs to the thread whose code uses it */
        record Symbolic(String name, SourcePos pos) implements Location {}

        /** {@code x} or {@code [x]} */
        record Memory(String name, SourcePos pos) implements Location {}
    }

    /** An initial value: a number, or the name of a location meaning its address. */
    record Value(String text, boolean isNumber, SourcePos pos) {}

    record ThreadHeader(int id, SourcePos pos) {}

    /** One line of the code table: a cell per thread. */
    record Row(List<Cell> cells, SourcePos pos) {}

    /** The labels and the (optional) instruction of one thread in one row. */
    record Cell(List<LabelDef> labels, Instruction instruction) {}

    record LabelDef(String name, SourcePos pos) {}

    public record Instruction(String mnemonic, List<Operand> operands, SourcePos pos) {}

    public sealed interface Operand {
        SourcePos pos();

        String text();

        /** {@code 1}, {@code -4}, {@code 0x10} */
        record Immediate(long value, String text, SourcePos pos) implements Operand {}

        /** a register ({@code r3}, {@code %x0}), a CR field ({@code cr1}) or a label */
        record Name(String text, SourcePos pos) implements Operand {}

        /** {@code d(rA)} */
        record Displacement(long offset, Name base, String text, SourcePos pos) implements Operand {}
    }
}
