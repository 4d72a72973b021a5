package org.powercheck.frontend.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.powercheck.frontend.asm.AsmModule;
import org.powercheck.frontend.asm.AsmRegisters;
import org.powercheck.frontend.cparse.CStmt;
import org.powercheck.ir.Expr;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.UnsupportedConstructException;

/**
 * GNU inline assembly with operands, as GCC hands it to the assembler: operand {@code i} of
 * constraint {@code r} or {@code b} lives in a register of its own (r14+i here, which the
 * surrounding C never names), {@code m} is {@code 0(rX)} with rX holding the address,
 * {@code i}/{@code n} is the constant; inputs are loaded before the template and outputs
 * ({@code =r}, {@code +r}) stored back after it. The template is then ordinary assembly
 * ({@link AsmModule#inline}). {@code "memory"} and register clobbers need no more: the
 * instructions' own effects are what the engines see.
 */
final class InlineAssembly {
    private static final Pattern OPERAND = Pattern.compile("%(\\d+)|%\\[(\\w+)\\]|%%");
    private static final int FIRST_OPERAND_REGISTER = 14;

    private final ThreadLowering t;

    InlineAssembly(ThreadLowering t) {
        this.t = t;
    }

    void lower(CStmt.Asm a) {
        SourcePos pos = a.pos();
        List<CStmt.AsmOperand> operands = new ArrayList<>(a.outputs());
        operands.addAll(a.inputs());
        if (operands.size() > 32 - FIRST_OPERAND_REGISTER) {
            throw new UnsupportedConstructException(pos, "inline assembly with " + operands.size() + " operands");
        }
        List<String> texts = new ArrayList<>();
        List<Place> outputs = new ArrayList<>();
        for (int i = 0; i < operands.size(); i++) {
            CStmt.AsmOperand op = operands.get(i);
            boolean output = i < a.outputs().size();
            String c = op.constraint().replaceAll("[=+&%]", "");
            boolean readWrite = op.constraint().contains("+");
            Reg r = AsmRegisters.gpr(FIRST_OPERAND_REGISTER + i);
            if (c.contains("r") || c.contains("b")) {
                texts.add(r.name());
                if (output) {
                    Place p = t.exprs.place(op.expr());
                    outputs.add(p);
                    if (readWrite) t.out.emit(new Instr.Assign(r, t.exprs.load(p, pos).expr(), pos));
                } else {
                    outputs.add(null);
                    t.out.emit(new Instr.Assign(r, t.exprs.value(op.expr()).expr(), pos));
                }
            } else if (c.contains("m") || c.equals("Z") || c.equals("Q")) {
                Place p = t.exprs.place(op.expr());
                if (!(p instanceof Place.InMemory m)) {
                    throw new UnsupportedConstructException(pos, "a memory operand that is not in memory");
                }
                t.out.emit(new Instr.Assign(r, m.address(), pos));
                texts.add(c.equals("Z") ? "0," + r.name() : "0(" + r.name() + ")");
                outputs.add(null);
            } else if (c.equals("i") || c.equals("n")) {
                texts.add(Long.toString(t.unit.constant(op.expr())));
                outputs.add(null);
            } else {
                throw new UnsupportedConstructException(pos, "inline assembly operand constraint \"" + op.constraint() + "\"");
            }
        }
        Matcher m = OPERAND.matcher(normalized(a.template()));
        StringBuilder template = new StringBuilder();
        while (m.find()) {
            String with;
            if (m.group().equals("%%")) {
                with = "%";
            } else {
                int index = m.group(1) != null ? Integer.parseInt(m.group(1)) : named(operands, m.group(2), pos);
                if (index >= operands.size()) throw new InputException(pos, "no operand " + m.group() + " in the asm");
                with = texts.get(index);
            }
            m.appendReplacement(template, Matcher.quoteReplacement(with));
        }
        m.appendTail(template);
        for (Instr in : AsmModule.inline(template.toString(), pos).inlineCode(pos)) t.out.emit(in);
        for (int i = 0; i < outputs.size(); i++) {
            Place p = outputs.get(i);
            if (p != null) t.exprs.store(p, new Expr.RegRef(AsmRegisters.gpr(FIRST_OPERAND_REGISTER + i)), pos);
        }
    }

    /**
     * What GCC's assembler would read the same: operand modifiers {@code %U}/{@code %X} print
     * nothing for the {@code 0(rX)} form given to {@code m} operands, a branch's {@code +}/{@code -}
     * is a prediction hint, {@code #} starts a comment, and {@code dcbt}/{@code dcbtst} are cache hints with no effect on what
     * memory holds.
     */
    static String normalized(String template) {
        // '#' starts a comment to the end of the line in powerpc assembly (asm/cmpxchg.h names its helper so)
        String t = template.replaceAll("(?<=\\s)#[^\\n]*", "");
        t = t.replaceAll("%[UX](\\d+|\\[\\w+\\])", "");
        t = t.replaceAll("\\b(b[a-z]*)[+-](?=\\s)", "$1");
        return t.replaceAll("(?m)(^|[;\\n])\\s*dcbt(st)?\\s[^;\\n]*", "$1");
    }

    private static int named(List<CStmt.AsmOperand> operands, String name, SourcePos pos) {
        for (int i = 0; i < operands.size(); i++) {
            if (operands.get(i).name().map(name::equals).orElse(false)) return i;
        }
        throw new InputException(pos, "no operand %[" + name + "] in the asm");
    }
}
