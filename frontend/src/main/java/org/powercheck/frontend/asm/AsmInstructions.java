package org.powercheck.frontend.asm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.powercheck.frontend.asm.AsmRegisters.Kind;
import org.powercheck.frontend.ppc.PpcInstructionLowering;
import org.powercheck.frontend.ppc.PpcSyntax;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Expr.BinOp;
import org.powercheck.ir.FenceKind;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Instr;
import org.powercheck.ir.OpaqueValues;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.UnsupportedConstructException;
import org.powercheck.ir.Width;

/**
 * One assembly instruction as IR. The integer instructions of PPC litmus tests keep herd7's
 * semantics ({@link PpcInstructionLowering}); this adds the ones the kernel's save and restore
 * paths use, after ISA 3.0 Book I:
 * <ul>
 *   <li>{@code stfd}/{@code lfd} access doubleword 0 of the VSR; a scalar FP write
 *       ({@code lfd}, {@code fmr}, {@code mffs}) leaves doubleword 1 undefined ({@link #UNDEFINED});</li>
 *   <li>{@code stxvd2x}/{@code lxvd2x} move doubleword 0 at EA and doubleword 1 at EA+8, in either
 *       byte order, which is why the kernel swaps around them on little-endian
 *       ({@code xxswapd}, {@code xxpermdi});</li>
 *   <li>{@code stvx}/{@code lvx} move a VR at EA rounded down to 16, doubleword 1 first as on
 *       little-endian; {@code mfvscr} puts VSCR in doubleword 1 (word element 3) and zeroes the
 *       rest, {@code mtvscr} reads it from there;</li>
 *   <li>{@code mffs} reads FPSCR into an FPR, {@code mtfsf} with all fields writes it back;</li>
 *   <li>{@code mfmsr}/{@code mtmsrd} (with L=1 only EE and RI change), {@code mflr},
 *       {@code mtctr}, {@code mfspr}/{@code mtspr} of LR, CTR, XER, VRSAVE;</li>
 *   <li>{@code .long} words that encode {@code stxvd2x}, {@code lxvd2x} or {@code xxpermdi}, as
 *       the kernel's {@code STXVD2X()} macros emit them.</li>
 * </ul>
 * Anything else is an error naming the instruction.
 */
final class AsmInstructions {
    /** What a scalar write leaves in the other doubleword of a VSR: an unconstrained value. */
    static final long UNDEFINED = AsmRegisters.UNDEFINED;
    private static final long MSR_EE_RI = 0x8000L | 0x2L;
    private static final Set<String> NOT_MODELLED = Set.of("bl", "bla", "bctr", "bctrl", "blrl", "rfid", "hrfid",
            "rfi", "sc", "scv", "mtcrf", "mfcr", "lmw", "stmw", "fadd", "fsub", "fmul", "fdiv", "fmadd", "vaddubm",
            "xsadddp", "tw", "td", "twi", "tdi", "trap");

    private final PpcInstructionLowering sink;
    private final Map<String, Long> symbols;
    /** a label operand as written ({@code 2f}, {@code loop}) at a statement, to the IR label */
    private final BiFunction<String, SourcePos, String> labels;

    AsmInstructions(PpcInstructionLowering sink, Map<String, Long> symbols, BiFunction<String, SourcePos, String> labels) {
        this.sink = sink;
        this.symbols = symbols;
        this.labels = labels;
    }

    void lower(AsmStatement.Instruction in) {
        String m = in.mnemonic();
        List<AsmStatement.Operand> ops = in.operands();
        SourcePos pos = in.pos();
        switch (m) {
            case "sync", "hwsync" -> {
                long l = ops.isEmpty() ? 0 : imm(in, 0);
                fence(l == 1 ? FenceKind.LWSYNC : FenceKind.SYNC, pos);
            }
            case "ptesync" -> fence(FenceKind.SYNC, pos);
            case "lwsync" -> fence(FenceKind.LWSYNC, pos);
            case "isync" -> fence(FenceKind.ISYNC, pos);
            case "eieio" -> fence(FenceKind.EIEIO, pos);
            case "stfd" -> {
                count(in, "fS,d(rA)", 2);
                store(reg(in, 0, Kind.FPR, 0), displacement(in, 1), pos);
            }
            case "lfd" -> {
                count(in, "fD,d(rA)", 2);
                int f = number(in, 0, Kind.FPR);
                load(AsmRegisters.vsr(f, 0), displacement(in, 1), pos);
                undefine(AsmRegisters.vsr(f, 1), pos);
            }
            case "stfdx" -> {
                count(in, "fS,rA,rB", 3);
                store(reg(in, 0, Kind.FPR, 0), indexed(in, 1), pos);
            }
            case "lfdx" -> {
                count(in, "fD,rA,rB", 3);
                int f = number(in, 0, Kind.FPR);
                load(AsmRegisters.vsr(f, 0), indexed(in, 1), pos);
                undefine(AsmRegisters.vsr(f, 1), pos);
            }
            case "fmr" -> {
                count(in, "fD,fB", 2);
                int d = number(in, 0, Kind.FPR), b = number(in, 1, Kind.FPR);
                assign(AsmRegisters.vsr(d, 0), read(AsmRegisters.vsr(b, 0)), pos);
                undefine(AsmRegisters.vsr(d, 1), pos);
            }
            case "mffs" -> {
                count(in, "fD", 1);
                int f = number(in, 0, Kind.FPR);
                assign(AsmRegisters.vsr(f, 0), read(AsmRegisters.FPSCR), pos);
                undefine(AsmRegisters.vsr(f, 1), pos);
            }
            case "mtfsf" -> {
                count(in, "FLM,fB[,L,W]", 2, 4);
                long flm = imm(in, 0);
                boolean l = ops.size() == 4 && imm(in, 2) == 1;
                if (!l && flm != 0xff) {
                    throw new UnsupportedConstructException(pos, "'mtfsf' with field mask " + flm + " (all fields are modelled)");
                }
                assign(AsmRegisters.FPSCR, read(reg(in, 1, Kind.FPR, 0)), pos);
            }
            case "stxvd2x" -> {
                count(in, "XS,rA,rB", 3);
                int x = number(in, 0, Kind.VSR);
                storeVector(x, indexed(in, 1), false, pos);
            }
            case "lxvd2x" -> {
                count(in, "XT,rA,rB", 3);
                int x = number(in, 0, Kind.VSR);
                loadVector(x, indexed(in, 1), false, pos);
            }
            case "xxswapd" -> {
                count(in, "XT,XA", 2);
                permute(number(in, 0, Kind.VSR), number(in, 1, Kind.VSR), number(in, 1, Kind.VSR), 2, pos);
            }
            case "xxpermdi" -> {
                count(in, "XT,XA,XB,DM", 4);
                permute(number(in, 0, Kind.VSR), number(in, 1, Kind.VSR), number(in, 2, Kind.VSR), (int) imm(in, 3) & 3, pos);
            }
            case "xxlor", "xxlxor" -> {
                count(in, "XT,XA,XB", 3);
                int t = number(in, 0, Kind.VSR), a = number(in, 1, Kind.VSR), b = number(in, 2, Kind.VSR);
                logical(m.equals("xxlor") ? BinOp.OR : BinOp.XOR, t, a, b, pos);
            }
            case "vor", "vxor" -> {
                count(in, "vD,vA,vB", 3);
                int t = 32 + number(in, 0, Kind.VR), a = 32 + number(in, 1, Kind.VR), b = 32 + number(in, 2, Kind.VR);
                logical(m.equals("vor") ? BinOp.OR : BinOp.XOR, t, a, b, pos);
            }
            case "stvx" -> {
                count(in, "vS,rA,rB", 3);
                storeVector(32 + number(in, 0, Kind.VR), aligned16(indexed(in, 1)), true, pos);
            }
            case "lvx" -> {
                count(in, "vD,rA,rB", 3);
                loadVector(32 + number(in, 0, Kind.VR), aligned16(indexed(in, 1)), true, pos);
            }
            case "mfvscr" -> {
                count(in, "vD", 1);
                int v = 32 + number(in, 0, Kind.VR);
                assign(AsmRegisters.vsr(v, 1), read(AsmRegisters.VSCR), pos);
                assign(AsmRegisters.vsr(v, 0), new Expr.Const(0), pos);
            }
            case "mtvscr" -> {
                count(in, "vB", 1);
                assign(AsmRegisters.VSCR, read(AsmRegisters.vsr(32 + number(in, 0, Kind.VR), 1)), pos);
            }
            case "mfmsr" -> {
                count(in, "rD", 1);
                assign(gpr(in, 0), read(AsmRegisters.MSR), pos);
            }
            case "mtmsrd", "mtmsr" -> {
                count(in, "rS[,L]", 1, 2);
                Expr value = read(gpr(in, 0));
                if (ops.size() == 2 && imm(in, 1) == 1) {
                    value = new Expr.Binary(BinOp.OR,
                            new Expr.Binary(BinOp.AND, read(AsmRegisters.MSR), new Expr.Const(~MSR_EE_RI)),
                            new Expr.Binary(BinOp.AND, value, new Expr.Const(MSR_EE_RI)));
                }
                assign(AsmRegisters.MSR, value, pos);
            }
            case "mflr" -> moveFrom(in, AsmRegisters.LR);
            case "mfctr" -> moveFrom(in, AsmRegisters.CTR);
            case "mfxer" -> moveFrom(in, AsmRegisters.XER);
            case "mtlr" -> moveTo(in, AsmRegisters.LR);
            case "mtctr" -> moveTo(in, AsmRegisters.CTR);
            case "mtxer" -> moveTo(in, AsmRegisters.XER);
            case "mfspr" -> {
                count(in, "rD,SPR", 2);
                assign(gpr(in, 0), read(spr(in, 1)), pos);
            }
            case "mtspr" -> {
                count(in, "SPR,rS", 2);
                assign(spr(in, 0), read(gpr(in, 1)), pos);
            }
            case "oris", "xoris" -> {
                count(in, "rA,rS,UI", 3);
                assign(gpr(in, 0), new Expr.Binary(m.equals("oris") ? BinOp.OR : BinOp.XOR, read(gpr(in, 1)),
                        new Expr.Const((imm(in, 2) & 0xffff) << 16)), pos);
            }
            case ".long", ".4byte", ".int" -> {
                count(in, "word", 1);
                word(in, imm(in, 0) & 0xffff_ffffL);
            }
            default -> {
                if (PpcInstructionLowering.lowers(m)) {
                    sink.lower(new PpcSyntax.Instruction(m, integerOperands(in), pos));
                } else if (NOT_MODELLED.contains(m)) {
                    throw new UnsupportedConstructException(pos, "instruction '" + m + "'");
                } else {
                    throw new InputException(pos, "unknown instruction '" + m + "'");
                }
            }
        }
    }

    // ------------------------------------------------------------------ the integer subset

    /** The operands as a PPC litmus test spells them: registers {@code rN}, fields {@code crN}. */
    private List<PpcSyntax.Operand> integerOperands(AsmStatement.Instruction in) {
        String m = in.mnemonic();
        String base = m.endsWith(".") && !m.equals("andi.") && !m.endsWith("cx.") ? m.substring(0, m.length() - 1) : m;
        int n = in.operands().size();
        String kinds = switch (base) {
            case "li", "lis" -> "RI";
            case "addi", "subi", "addis", "ori", "xori", "andi.", "mulli", "clrldi" -> "RRI";
            case "add", "sub", "subf", "and", "andc", "or", "xor", "mullw", "mulld", "divw", "divd", "dcbf",
                 "lbzx", "lhzx", "lhax", "lwzx", "lwax", "ldx", "stbx", "sthx", "stwx", "stdx", "stwcx.", "stdcx." -> "RRR";
            case "lwarx", "ldarx" -> n == 4 ? "RRRI" : "RRR";
            case "mr", "neg", "extsw", "cntlzd", "cntlzw" -> "RR";
            case "rlwinm", "rlwimi" -> "RRIII";
            case "cmpw", "cmpd", "cmplw", "cmpld" -> n == 3 ? "CRR" : "RR";
            case "cmpwi", "cmpdi", "cmplwi", "cmpldi" -> n == 3 ? "CRI" : "RI";
            case "b" -> "L";
            case "beq", "bne", "blt", "bgt", "ble", "bng", "bge", "bnl" -> n == 2 ? "CL" : "L";
            case "lbz", "lhz", "lha", "lwz", "lwa", "ld", "stb", "sth", "stw", "std" -> "RD";
            default -> "";
        };
        if (base.equals("lwarx") || base.equals("ldarx")) {
            if (n == 4) kinds = "RRR"; // the EH hint changes nothing here
        }
        List<PpcSyntax.Operand> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AsmStatement.Operand op = in.operands().get(i);
            char k = i < kinds.length() ? kinds.charAt(i) : 'I';
            if (i >= kinds.length() && (base.equals("lwarx") || base.equals("ldarx"))) break;
            out.add(switch (k) {
                case 'R' -> new PpcSyntax.Operand.Name("r" + number(in, i, Kind.GPR), op.pos());
                case 'C' -> new PpcSyntax.Operand.Name("cr" + number(in, i, Kind.CR), op.pos());
                case 'L' -> new PpcSyntax.Operand.Name(labels.apply(op.text(), op.pos()), op.pos());
                case 'D' -> {
                    Displacement d = displacementOf(in, i);
                    yield new PpcSyntax.Operand.Displacement(d.offset(), new PpcSyntax.Operand.Name("r" + d.base(), op.pos()),
                            op.text(), op.pos());
                }
                default -> new PpcSyntax.Operand.Immediate(imm(in, i), op.text(), op.pos());
            });
        }
        return out;
    }

    // ------------------------------------------------------------------ operands

    private record Displacement(long offset, int base) {}

    private Displacement displacementOf(AsmStatement.Instruction in, int i) {
        AsmStatement.Operand op = in.operands().get(i);
        String t = op.text().strip();
        if (t.endsWith(")")) {
            int depth = 0;
            for (int k = t.length() - 1; k >= 0; k--) {
                char c = t.charAt(k);
                if (c == ')') depth++;
                if (c == '(' && --depth == 0) {
                    String offset = t.substring(0, k).strip();
                    AsmStatement.Operand base = new AsmStatement.Operand(t.substring(k + 1, t.length() - 1), op.pos());
                    long d = offset.isEmpty() ? 0 : AsmExpression.evaluate(offset, symbols, op.pos());
                    return new Displacement(d, AsmRegisters.number(base, Kind.GPR, symbols, in.mnemonic()));
                }
            }
        }
        throw new InputException(op.pos(), "'" + in.mnemonic() + "' expects an address like 16(r3) but has '" + op.text() + "'");
    }

    /** A D-form effective address: {@code (rA|0) + d}. */
    private Expr displacement(AsmStatement.Instruction in, int i) {
        Displacement d = displacementOf(in, i);
        Expr base = d.base() == 0 ? new Expr.Const(0) : read(AsmRegisters.gpr(d.base()));
        return d.offset() == 0 ? base : new Expr.Binary(BinOp.BYTE_ADD, base, new Expr.Const(d.offset()));
    }

    /** An X-form effective address from operands {@code i} and {@code i+1}: {@code (rA|0) + rB}. */
    private Expr indexed(AsmStatement.Instruction in, int i) {
        int a = number(in, i, Kind.GPR), b = number(in, i + 1, Kind.GPR);
        Expr rb = read(AsmRegisters.gpr(b));
        return a == 0 ? rb : new Expr.Binary(BinOp.BYTE_ADD, read(AsmRegisters.gpr(a)), rb);
    }

    private static Expr aligned16(Expr ea) {
        return new Expr.Binary(BinOp.BYTE_ALIGN, ea, new Expr.Const(~15L));
    }

    private int number(AsmStatement.Instruction in, int i, Kind kind) {
        return AsmRegisters.number(in.operands().get(i), kind, symbols, in.mnemonic());
    }

    private Reg reg(AsmStatement.Instruction in, int i, Kind kind, int dw) {
        int n = number(in, i, kind);
        return switch (kind) {
            case FPR, VSR -> AsmRegisters.vsr(n, dw);
            case VR -> AsmRegisters.vsr(32 + n, dw);
            case GPR -> AsmRegisters.gpr(n);
            case CR -> new Reg("cr" + n);
        };
    }

    private Reg gpr(AsmStatement.Instruction in, int i) {
        return AsmRegisters.gpr(number(in, i, Kind.GPR));
    }

    private long imm(AsmStatement.Instruction in, int i) {
        AsmStatement.Operand op = in.operands().get(i);
        return AsmExpression.evaluate(op.text(), symbols, op.pos());
    }

    private Reg spr(AsmStatement.Instruction in, int i) {
        long n = imm(in, i);
        return switch ((int) n) {
            case 1 -> AsmRegisters.XER;
            case 8 -> AsmRegisters.LR;
            case 9 -> AsmRegisters.CTR;
            case 256 -> AsmRegisters.VRSAVE;
            default -> throw new UnsupportedConstructException(in.operands().get(i).pos(),
                    "special register " + n + " ('" + in.text() + "')");
        };
    }

    private static void count(AsmStatement.Instruction in, String form, int... counts) {
        for (int c : counts) if (in.operands().size() == c) return;
        throw new InputException(in.pos(), "'" + in.mnemonic() + "' expects operands " + form + " but has "
                + in.operands().size());
    }

    // ------------------------------------------------------------------ effects

    private void moveFrom(AsmStatement.Instruction in, Reg special) {
        count(in, "rD", 1);
        assign(gpr(in, 0), read(special), in.pos());
    }

    private void moveTo(AsmStatement.Instruction in, Reg special) {
        count(in, "rS", 1);
        assign(special, read(gpr(in, 0)), in.pos());
    }

    private void storeVector(int x, Expr ea, boolean lowFirst, SourcePos pos) {
        Expr second = new Expr.Binary(BinOp.BYTE_ADD, ea, new Expr.Const(8));
        store(AsmRegisters.vsr(x, lowFirst ? 1 : 0), ea, pos);
        store(AsmRegisters.vsr(x, lowFirst ? 0 : 1), second, pos);
    }

    private void loadVector(int x, Expr ea, boolean lowFirst, SourcePos pos) {
        Expr second = new Expr.Binary(BinOp.BYTE_ADD, ea, new Expr.Const(8));
        load(AsmRegisters.vsr(x, lowFirst ? 1 : 0), ea, pos);
        load(AsmRegisters.vsr(x, lowFirst ? 0 : 1), second, pos);
    }

    /** {@code xxpermdi t,a,b,dm}: t.0 = dm&2 ? a.1 : a.0, t.1 = dm&1 ? b.1 : b.0, read before written. */
    private void permute(int t, int a, int b, int dm, SourcePos pos) {
        Reg hi = new Reg("pc_vsx_tmp.0"), lo = new Reg("pc_vsx_tmp.1");
        assign(hi, read(AsmRegisters.vsr(a, (dm & 2) != 0 ? 1 : 0)), pos);
        assign(lo, read(AsmRegisters.vsr(b, (dm & 1) != 0 ? 1 : 0)), pos);
        assign(AsmRegisters.vsr(t, 0), read(hi), pos);
        assign(AsmRegisters.vsr(t, 1), read(lo), pos);
    }

    private void logical(BinOp op, int t, int a, int b, SourcePos pos) {
        for (int dw = 0; dw < 2; dw++) {
            Expr value = a == b ? (op == BinOp.OR ? read(AsmRegisters.vsr(a, dw)) : new Expr.Const(0))
                    : new Expr.Binary(op, read(AsmRegisters.vsr(a, dw)), read(AsmRegisters.vsr(b, dw)));
            assign(AsmRegisters.vsr(t, dw), value, pos);
        }
    }

    /** A {@code .long} word: the VSX instructions the kernel's macros encode by hand. */
    private void word(AsmStatement.Instruction in, long w) {
        SourcePos pos = in.pos();
        int primary = (int) (w >>> 26);
        if (primary == 31) {
            int xo = (int) ((w >>> 1) & 0x3ff);
            int s = (int) (((w >>> 21) & 31) | ((w & 1) << 5));
            int ra = (int) ((w >>> 16) & 31), rb = (int) ((w >>> 11) & 31);
            Expr rbv = read(AsmRegisters.gpr(rb));
            Expr ea = ra == 0 ? rbv : new Expr.Binary(BinOp.BYTE_ADD, read(AsmRegisters.gpr(ra)), rbv);
            if (xo == 972) {
                storeVector(s, ea, false, pos);
                return;
            }
            if (xo == 844) {
                loadVector(s, ea, false, pos);
                return;
            }
        }
        if (primary == 63 && ((w >>> 1) & 0x3ff) == 711) {
            // mtfsf FLM,FRB,L,W: all fields when L=1 or FLM=0xff
            boolean all = ((w >>> 25) & 1) == 1 || ((w >>> 17) & 0xff) == 0xff;
            if (!all) throw new UnsupportedConstructException(pos, "'mtfsf' with a partial field mask");
            assign(AsmRegisters.FPSCR, read(AsmRegisters.vsr((int) ((w >>> 11) & 31), 0)), pos);
            return;
        }
        if (primary == 60 && ((w >>> 3) & 0x1f) == 10 && ((w >>> 10) & 1) == 0) {
            int t = (int) (((w >>> 21) & 31) | ((w & 1) << 5));
            int a = (int) (((w >>> 16) & 31) | (((w >>> 2) & 1) << 5));
            int b = (int) (((w >>> 11) & 31) | (((w >>> 1) & 1) << 5));
            permute(t, a, b, (int) ((w >>> 8) & 3), pos);
            return;
        }
        throw new InputException(pos, String.format("instruction word 0x%08x is not one powercheck decodes "
                + "(stxvd2x, lxvd2x, xxpermdi, mtfsf)", w));
    }

    private void fence(FenceKind kind, SourcePos pos) {
        sink.emit(new Instr.Fence(kind, pos));
    }

    private void store(Reg value, Expr ea, SourcePos pos) {
        sink.emit(new Instr.Store(read(value), ea, Width.DOUBLE, pos));
    }

    private void load(Reg dst, Expr ea, SourcePos pos) {
        sink.emit(new Instr.Load(dst, ea, Width.DOUBLE, false, false, pos));
    }

    private void undefine(Reg r, SourcePos pos) {
        assign(r, new Expr.Const(UNDEFINED), pos);
    }

    private void assign(Reg r, Expr value, SourcePos pos) {
        sink.emit(new Instr.Assign(r, value, pos));
    }

    private static Expr read(Reg r) {
        return new Expr.RegRef(r);
    }
}
