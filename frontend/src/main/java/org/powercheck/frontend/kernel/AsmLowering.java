package org.powercheck.frontend.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.powercheck.frontend.cparse.CStmt;
import org.powercheck.ir.Expr;
import org.powercheck.ir.FenceKind;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Instr;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.UnsupportedConstructException;
import org.powercheck.ir.Width;

/**
 * Inline assembly with the POWER instructions kernel code uses for ordering: the barriers
 * ({@code sync}/{@code hwsync}, {@code lwsync}, {@code isync}, {@code eieio}), {@code msgsync}
 * (an lwsync-kind fence, PM 3.3), no-ops, and the doorbell triggers {@code msgsnd rB} (the IPI
 * of the CPU whose PIR is {@code rB & 0x3fff}; PIR = CPU number here) and {@code msgsndp rB}
 * (the thread {@code rB & (threads_per_core - 1)} of the sender's core), and {@code msgclr rB} /
 * {@code msgclrp rB}, which withdraw this thread's pending doorbell (a store of 0 to its IPI
 * location, so no delivery is owed for it any more). Several instructions may
 * share one template, separated by {@code ;} or newlines. Anything else is reported.
 */
final class AsmLowering {
    /** {@code "\n.ascii \"->SYM %0 VAL\""}, as kbuild's DEFINE() writes it */
    private static final Pattern KBUILD_MARKER = Pattern.compile("\\s*(\\\\n)?\\s*\\.ascii\\s+\\\\?\"->");
    private static final Pattern OPERAND = Pattern.compile("%(\\d+|\\[(\\w+)\\])");
    /** PPC_DBELL_PIR_MASK */
    private static final long PIR_MASK = 0x3fff;

    private final ThreadLowering t;
    private final Map<Integer, Expr> values = new HashMap<>();
    private List<CStmt.AsmOperand> operands;

    AsmLowering(ThreadLowering t) {
        this.t = t;
    }

    void lower(CStmt.Asm a) {
        SourcePos pos = a.pos();
        if (a.qualifiers().contains("goto") || !a.labels().isEmpty()) {
            throw new UnsupportedConstructException(pos, "asm goto");
        }
        operands = new ArrayList<>(a.outputs());
        operands.addAll(a.inputs());
        if (KBUILD_MARKER.matcher(a.template()).lookingAt()) {
            // kbuild's asm-offsets marker (include/linux/kbuild.h): read by the build, never run
            return;
        }
        if (!orderingOnly(a.template())) {
            new InlineAssembly(t).lower(a);
            return;
        }
        for (String instruction : a.template().split(";|\\\\n|\\n")) {
            String text = instruction.replace("\\t", " ").trim();
            if (!text.isEmpty()) instruction(text, pos);
        }
    }

    private void instruction(String text, SourcePos pos) {
        String[] parts = text.split("\\s+", 2);
        String mnemonic = parts[0];
        String args = parts.length > 1 ? parts[1].replace(" ", "") : "";
        switch (mnemonic) {
            case "sync", "hwsync" -> {
                if (args.isEmpty() || args.equals("0")) fence(FenceKind.SYNC, pos);
                else if (args.equals("1")) fence(FenceKind.LWSYNC, pos);
                else unknown(text, pos);
            }
            case "ptesync" -> fence(FenceKind.SYNC, pos);
            case "lwsync", "msgsync" -> fence(FenceKind.LWSYNC, pos);
            case "isync" -> fence(FenceKind.ISYNC, pos);
            case "eieio", "mbar" -> fence(FenceKind.EIEIO, pos);
            case "nop", "xnop" -> { }
            case "ori" -> {
                if (!args.equals("0,0,0")) unknown(text, pos);
            }
            case "msgsnd" -> trigger(IrExprs.binary(Expr.BinOp.AND, operand(args, text, pos), new Expr.Const(PIR_MASK)), pos);
            case "msgsndp" -> {
                long perCore = t.unit.options.threadsPerCore();
                if (t.cpu < 0) throw new InputException(pos, "msgsndp outside a thread");
                long first = t.cpu & ~(perCore - 1);
                trigger(IrExprs.binary(Expr.BinOp.ADD, new Expr.Const(first),
                        IrExprs.binary(Expr.BinOp.AND, operand(args, text, pos), new Expr.Const(perCore - 1))), pos);
            }
            case "msgclr", "msgclrp" -> {
                // clears this thread's pending doorbell (the message type in rB): the trigger is withdrawn
                if (t.cpu < 0) throw new InputException(pos, mnemonic + " outside a thread");
                operand(args, text, pos);
                Expr address = t.calls.ipiAddress(new Val(new Expr.Const(t.cpu), t.unit.types.intType), pos);
                t.out.emit(new Instr.Store(new Expr.Const(0), address, Width.DOUBLE, pos));
            }
            default -> unknown(text, pos);
        }
    }

    private static final java.util.Set<String> ORDERING = java.util.Set.of("sync", "hwsync", "ptesync", "lwsync",
            "msgsync", "isync", "eieio", "mbar", "nop", "xnop", "ori", "msgsnd", "msgsndp", "msgclr", "msgclrp");

    /** Whether every instruction is one of the ordering and doorbell ones this class gives a meaning. */
    private static boolean orderingOnly(String template) {
        for (String instruction : template.split(";|\\\\n|\\n")) {
            String text = instruction.replace("\\t", " ").trim();
            if (!text.isEmpty() && !ORDERING.contains(text.split("\\s+", 2)[0])) return false;
        }
        return true;
    }

    private void fence(FenceKind kind, SourcePos pos) {
        t.out.emit(new Instr.Fence(kind, pos));
    }

    /** The IPI trigger Wipi of a CPU: a store to its pseudo-location. */
    private void trigger(Expr cpu, SourcePos pos) {
        Expr address = t.calls.ipiAddress(new Val(cpu, t.unit.types.intType), pos);
        t.out.emit(new Instr.Store(new Expr.Const(CallLowering.IPI_TOKEN), address, Width.DOUBLE, pos));
    }

    /** The value of the register operand {@code %0} / {@code %[name]} an instruction names. */
    private Expr operand(String args, String text, SourcePos pos) {
        Matcher m = OPERAND.matcher(args);
        if (!m.matches()) throw new UnsupportedConstructException(pos, "inline assembly operand in '" + text + "'");
        int index = -1;
        if (m.group(2) != null) {
            for (int i = 0; i < operands.size(); i++) {
                if (operands.get(i).name().map(m.group(2)::equals).orElse(false)) index = i;
            }
        } else {
            index = Integer.parseInt(m.group(1));
        }
        if (index < 0 || index >= operands.size()) throw new InputException(pos, "no operand " + m.group() + " in '" + text + "'");
        int k = index;
        return values.computeIfAbsent(k, i -> t.exprs.value(operands.get(i).expr()).expr());
    }

    private static void unknown(String text, SourcePos pos) {
        throw new UnsupportedConstructException(pos, "inline assembly instruction '" + text + "'");
    }
}
