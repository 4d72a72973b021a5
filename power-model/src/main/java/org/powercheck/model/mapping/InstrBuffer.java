package org.powercheck.model.mapping;

import java.util.ArrayList;
import java.util.List;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;

/**
 * The code of one thread under construction. Generated names start with {@code %}, which no C or
 * assembly identifier can, so they never clash with the user's registers and labels.
 */
public final class InstrBuffer implements CodeSink {
    /** Where {@code return} (and the dead end's detour) jumps: the end of the thread. */
    public static final String END = "%end";
    public static final String RETRY = "%retry";

    private final List<Instr> code = new ArrayList<>();
    private int temps;
    private int labels;
    private boolean deadEndUsed;
    private boolean endUsed;

    @Override
    public void emit(Instr instr) {
        code.add(instr);
    }

    @Override
    public Reg temp() {
        return new Reg("%t" + ++temps);
    }

    @Override
    public String label() {
        return "%L" + ++labels;
    }

    @Override
    public String retryDeadEnd() {
        deadEndUsed = true;
        return RETRY;
    }

    /** The label that ends the thread (the target of {@code return}). */
    public String end() {
        endUsed = true;
        return END;
    }

    /** The instructions so far, without the closing dead end. */
    public List<Instr> peek() {
        return List.copyOf(code);
    }

    /**
     * The finished code. When a dead end was used it is placed after the body, behind a jump so
     * that normal completion does not fall into it: {@code goto %end; %retry: assume 0; %end:}.
     */
    public List<Instr> finish(SourcePos endPos) {
        List<Instr> out = new ArrayList<>(code);
        if (deadEndUsed) {
            out.add(Instr.Branch.always(END, endPos));
            out.add(new Instr.Label(RETRY, endPos));
            out.add(new Instr.Assume(new Expr.Const(0), endPos));
        }
        if (deadEndUsed || endUsed) out.add(new Instr.Label(END, endPos));
        return out;
    }
}
