package org.powercheck.frontend.ppc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Expr.BinOp;
import org.powercheck.ir.Expr.UnOp;
import org.powercheck.ir.FenceKind;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.UnsupportedConstructException;
import org.powercheck.ir.Width;

/**
 * Lowers the instructions of one thread to IR, following herd7's PPC semantics:
 * <ul>
 *   <li>{@code r0} reads as 0 in the RA slot of X-form accesses ({@code lwzx}, {@code lwarx},
 *       {@code stwcx.}, ...) and of {@code addi}/{@code addis}; in the base of a D-form access
 *       ({@code lwz r1,0(r0)}) herd reads r0 as an ordinary register, and so do we;</li>
 *   <li>compares write a CR field with a three-way result ({@link BinOp#CMPW} etc.: -1, 0, 1) and
 *       conditional branches test {@code cr0} against 0; dotted arithmetic ({@code add.})
 *       compares its result with 0 into {@code cr0};</li>
 *   <li>{@code blr} returns from the thread: a jump to a label after the last instruction.</li>
 * </ul>
 */
public final class PpcInstructionLowering {
    /** Target of {@code blr}; {@code %} cannot start a user label, so it never clashes. */
    public static final String RETURN_LABEL = "%return";

    private static final long WORD_MASK = 0xffff_ffffL;

    /** Valid instructions herd knows but whose semantics powercheck does not model. */
    private static final Set<String> UNSUPPORTED = Set.of(
            "bl", "bctr", "bctrl", "mtlr", "mflr", "mtctr", "mfctr", "mfcr", "mtcrf", "lmw", "stmw",
            "lwzu", "stwu", "ldu", "stdu", "slw", "srw", "sraw", "srawi", "sld", "srd", "nor", "nand",
            "eqv", "orc", "tw", "twi", "td", "tdi", "sc", "rldicl", "rldicr", "rldimi", "sldi", "srdi");

    /** Every mnemonic {@link #lower} accepts (record forms such as {@code add.} included). */
    private static final Set<String> SUPPORTED = Set.of(
            "nop", "dcbf", "sync", "hwsync", "lwsync", "isync", "eieio", "li", "lis", "addi", "subi", "addis",
            "ori", "xori", "andi.", "mulli", "add", "sub", "subf", "and", "or", "xor", "mullw", "mulld", "divw",
            "divd", "mr", "neg", "extsw", "clrldi", "rlwinm", "rlwimi", "cmpw", "cmpd", "cmplw", "cmpld", "cmpwi",
            "cmpdi", "cmplwi", "cmpldi", "b", "beq", "bne", "blt", "bgt", "ble", "bng", "bge", "bnl", "blr",
            "lbz", "lhz", "lha", "lwz", "lwa", "ld", "lbzx", "lhzx", "lhax", "lwzx", "lwax", "ldx", "lwarx", "ldarx",
            "stb", "sth", "stw", "std", "stbx", "sthx", "stwx", "stdx", "stwcx.", "stdcx.", "andc", "cntlzd", "cntlzw");

    /** Words of the condition tail, to recognise a misspelt one read as an instruction. */
    private static final List<String> TAIL_KEYWORDS = List.of("exists", "forall", "final", "locations", "filter");

    private final List<Instr> out = new ArrayList<>();
    private final Map<String, SourcePos> branchTargets = new LinkedHashMap<>();
    private SourcePos firstReturn;

    public List<Instr> code() {
        return out;
    }

    /** Labels the code jumps to, each with the position of its first use. */
    Map<String, SourcePos> branchTargets() {
        return branchTargets;
    }

    /** Position of the first {@code blr}, or null when the thread never returns early. */
    SourcePos firstReturn() {
        return firstReturn;
    }

    /** Adds an instruction another lowering made (assembly's FP and vector instructions). */
    public void emit(Instr in) {
        out.add(in);
    }

    /** Whether {@link #lower} gives {@code mnemonic} a meaning. */
    public static boolean lowers(String mnemonic) {
        String base = mnemonic.endsWith(".") ? mnemonic.substring(0, mnemonic.length() - 1) : mnemonic;
        return SUPPORTED.contains(mnemonic) || (mnemonic.endsWith(".") && RECORD_FORMS.contains(base));
    }

    public void label(String name, SourcePos pos) {
        out.add(new Instr.Label(name, pos));
    }

    public void lower(PpcSyntax.Instruction in) {
        String m = in.mnemonic();
        boolean recordForm = m.endsWith(".") && RECORD_FORMS.contains(m.substring(0, m.length() - 1));
        String base = recordForm ? m.substring(0, m.length() - 1) : m;
        SourcePos pos = in.pos();
        switch (base) {
            case "nop" -> new PpcOperands(in, "", 0);
            case "dcbf" -> new PpcOperands(in, "rA,rB", 2); // a cache flush: no memory-model effect in herd
            case "sync", "hwsync" -> fence(in, FenceKind.SYNC);
            case "lwsync" -> fence(in, FenceKind.LWSYNC);
            case "isync" -> fence(in, FenceKind.ISYNC);
            case "eieio" -> fence(in, FenceKind.EIEIO);

            case "li" -> {
                PpcOperands o = new PpcOperands(in, "rD,value", 2);
                assign(o.reg(0), constant(o.imm(1)), pos);
            }
            case "lis" -> {
                PpcOperands o = new PpcOperands(in, "rD,value", 2);
                assign(o.reg(0), constant(shifted16(o.imm(1))), pos);
            }
            case "addi", "subi", "addis" -> addImmediate(in, base);
            case "ori" -> immediateOp(in, BinOp.OR, false);
            case "xori" -> immediateOp(in, BinOp.XOR, false);
            case "andi." -> immediateOp(in, BinOp.AND, true);
            case "mulli" -> immediateOp(in, BinOp.MUL, false);
            case "add" -> registerOp(in, BinOp.ADD, false, recordForm);
            case "sub" -> registerOp(in, BinOp.SUB, false, recordForm);
            case "subf" -> registerOp(in, BinOp.SUB, true, recordForm);
            case "and" -> registerOp(in, BinOp.AND, false, recordForm);
            case "andc" -> andComplement(in, recordForm);
            case "cntlzd" -> countLeadingZeros(in, 64);
            case "cntlzw" -> countLeadingZeros(in, 32);
            case "or" -> registerOp(in, BinOp.OR, false, recordForm);
            case "xor" -> registerOp(in, BinOp.XOR, false, recordForm);
            case "mullw", "mulld" -> registerOp(in, BinOp.MUL, false, recordForm);
            case "divw", "divd" -> registerOp(in, BinOp.DIV, false, recordForm);
            case "mr" -> unaryOp(in, null, recordForm);
            case "neg" -> unaryOp(in, UnOp.NEG, recordForm);
            case "extsw" -> unaryOp(in, UnOp.EXTEND_WORD, recordForm);
            case "clrldi" -> clearLeft(in, recordForm);
            case "rlwinm" -> rotateAndMask(in, false, recordForm);
            case "rlwimi" -> rotateAndMask(in, true, recordForm);

            case "cmpw" -> compare(in, BinOp.CMPW, false);
            case "cmpd" -> compare(in, BinOp.CMP, false);
            case "cmplw" -> compare(in, BinOp.CMPWU, false);
            case "cmpld" -> compare(in, BinOp.CMPU, false);
            case "cmpwi" -> compare(in, BinOp.CMPW, true);
            case "cmpdi" -> compare(in, BinOp.CMP, true);
            case "cmplwi" -> compare(in, BinOp.CMPWU, true);
            case "cmpldi" -> compare(in, BinOp.CMPU, true);

            case "b" -> {
                PpcOperands o = new PpcOperands(in, "label", 1);
                out.add(Instr.Branch.always(target(o, 0), pos));
            }
            case "beq" -> conditionalBranch(in, BinOp.EQ);
            case "bne" -> conditionalBranch(in, BinOp.NE);
            case "blt" -> conditionalBranch(in, BinOp.LT);
            case "bgt" -> conditionalBranch(in, BinOp.GT);
            case "ble", "bng" -> conditionalBranch(in, BinOp.LE);
            case "bge", "bnl" -> conditionalBranch(in, BinOp.GE);
            case "blr" -> {
                new PpcOperands(in, "", 0);
                if (firstReturn == null) firstReturn = pos;
                out.add(Instr.Branch.always(RETURN_LABEL, pos));
            }

            case "lbz" -> loadD(in, Width.BYTE, false);
            case "lhz" -> loadD(in, Width.HALF, false);
            case "lha" -> loadD(in, Width.HALF, true);
            case "lwz" -> loadD(in, Width.WORD, false);
            case "lwa" -> loadD(in, Width.WORD, true);
            case "ld" -> loadD(in, Width.DOUBLE, false);
            case "lbzx" -> loadX(in, Width.BYTE, false, false);
            case "lhzx" -> loadX(in, Width.HALF, false, false);
            case "lhax" -> loadX(in, Width.HALF, true, false);
            case "lwzx" -> loadX(in, Width.WORD, false, false);
            case "lwax" -> loadX(in, Width.WORD, true, false);
            case "ldx" -> loadX(in, Width.DOUBLE, false, false);
            case "lwarx" -> loadX(in, Width.WORD, false, true);
            case "ldarx" -> loadX(in, Width.DOUBLE, false, true);
            case "stb" -> storeD(in, Width.BYTE);
            case "sth" -> storeD(in, Width.HALF);
            case "stw" -> storeD(in, Width.WORD);
            case "std" -> storeD(in, Width.DOUBLE);
            case "stbx" -> storeX(in, Width.BYTE);
            case "sthx" -> storeX(in, Width.HALF);
            case "stwx" -> storeX(in, Width.WORD);
            case "stdx" -> storeX(in, Width.DOUBLE);
            case "stwcx." -> storeConditional(in, Width.WORD);
            case "stdcx." -> storeConditional(in, Width.DOUBLE);
            default -> {
                if (UNSUPPORTED.contains(base)) throw new UnsupportedConstructException(pos, "instruction '" + m + "'");
                throw unknownInstruction(m, pos);
            }
        }
    }

    /** True for mnemonics powercheck lowers, and for valid ones it reports as unsupported. */
    static boolean isKnown(String mnemonic) {
        String base = mnemonic.endsWith(".") ? mnemonic.substring(0, mnemonic.length() - 1) : mnemonic;
        return SUPPORTED.contains(mnemonic) || (mnemonic.endsWith(".") && RECORD_FORMS.contains(base))
                || UNSUPPORTED.contains(mnemonic);
    }

    static InputException unknownInstruction(String mnemonic, SourcePos pos) {
        for (String keyword : TAIL_KEYWORDS) {
            if (editDistance(mnemonic.toLowerCase(), keyword) <= 2) {
                return new InputException(pos, "unknown instruction '" + mnemonic + "' (did you mean '" + keyword + "'?)");
            }
        }
        return new InputException(pos, "unknown instruction '" + mnemonic + "'");
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(substitution, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** Mnemonics that have a record form ({@code add.}) setting cr0 from the result. */
    private static final Set<String> RECORD_FORMS = Set.of(
            "add", "sub", "subf", "and", "or", "xor", "mullw", "mulld", "divw", "divd", "mr", "neg", "extsw",
            "clrldi", "rlwinm", "rlwimi", "andc");

    private void fence(PpcSyntax.Instruction in, FenceKind kind) {
        new PpcOperands(in, "", 0);
        out.add(new Instr.Fence(kind, in.pos()));
    }

    private void addImmediate(PpcSyntax.Instruction in, String mnemonic) {
        PpcOperands o = new PpcOperands(in, "rD,rA,value", 3);
        Reg dst = o.reg(0);
        Reg src = o.reg(1);
        long imm = switch (mnemonic) {
            case "addis" -> shifted16(o.imm(2));
            case "subi" -> -o.imm(2);
            default -> o.imm(2);
        };
        // ISA: "addi rD,0,v" is "li rD,v": RA=0 means the value 0, not register r0.
        Expr value = PpcRegisters.isZeroRegister(src) ? constant(imm) : binary(BinOp.ADD, read(src), constant(imm));
        assign(dst, value, in.pos());
    }

    private void immediateOp(PpcSyntax.Instruction in, BinOp op, boolean setsCr0) {
        PpcOperands o = new PpcOperands(in, "rD,rA,value", 3);
        Reg dst = o.reg(0);
        assign(dst, binary(op, read(o.reg(1)), constant(o.imm(2))), in.pos());
        if (setsCr0) recordResult(dst, in.pos());
    }

    /** {@code rD = rA op rB}; {@code subf} subtracts rA from rB. */
    private void registerOp(PpcSyntax.Instruction in, BinOp op, boolean swap, boolean recordForm) {
        PpcOperands o = new PpcOperands(in, "rD,rA,rB", 3);
        Reg dst = o.reg(0);
        Expr a = read(o.reg(1));
        Expr b = read(o.reg(2));
        assign(dst, swap ? binary(op, b, a) : binary(op, a, b), in.pos());
        if (recordForm) recordResult(dst, in.pos());
    }

    /** {@code andc rD,rA,rB}: rA and the complement of rB (the kernel's atomic andnot and byte cmpxchg masks). */
    private void andComplement(PpcSyntax.Instruction in, boolean recordForm) {
        PpcOperands o = new PpcOperands(in, "rD,rA,rB", 3);
        Reg dst = o.reg(0);
        assign(dst, binary(BinOp.AND, read(o.reg(1)), new Expr.Unary(UnOp.NOT, read(o.reg(2)))), in.pos());
        if (recordForm) recordResult(dst, in.pos());
    }

    /**
     * {@code cntlzd rA,rS} ({@code cntlzw}: of the low word): the number of shifts right after
     * which the value is still 0, as a sum of comparisons, with no operator of its own.
     */
    private void countLeadingZeros(PpcSyntax.Instruction in, int bits) {
        PpcOperands o = new PpcOperands(in, "rA,rS", 2);
        Expr x = read(o.reg(1));
        if (bits == 32) x = binary(BinOp.AND, x, constant(WORD_MASK));
        Expr count = constant(0);
        for (int k = 0; k < bits; k++) {
            Expr zero = binary(BinOp.EQ, binary(BinOp.SHR, x, constant(k)), constant(0));
            count = binary(BinOp.ADD, count, zero);
        }
        assign(o.reg(0), count, in.pos());
    }

    private void unaryOp(PpcSyntax.Instruction in, UnOp op, boolean recordForm) {
        PpcOperands o = new PpcOperands(in, "rD,rS", 2);
        Reg dst = o.reg(0);
        Expr src = read(o.reg(1));
        assign(dst, op == null ? src : new Expr.Unary(op, src), in.pos());
        if (recordForm) recordResult(dst, in.pos());
    }

    /** {@code clrldi rA,rS,n}: clear the n high-order bits. */
    private void clearLeft(PpcSyntax.Instruction in, boolean recordForm) {
        PpcOperands o = new PpcOperands(in, "rA,rS,n", 3);
        Reg dst = o.reg(0);
        Expr src = read(o.reg(1));
        int n = o.smallImm(2, 0, 63);
        Expr value = n == 32 ? new Expr.Unary(UnOp.CLEAR_HIGH_WORD, src)
                : n == 0 ? src
                : binary(BinOp.AND, src, constant(-1L >>> n));
        assign(dst, value, in.pos());
        if (recordForm) recordResult(dst, in.pos());
    }

    /**
     * {@code rlwinm rA,rS,SH,MB,ME}: rotate the low word of rS left by SH and keep the bits of
     * MASK(MB+32, ME+32); {@code rlwimi} inserts those bits into rA instead. The rotated word
     * appears in both halves of the 64-bit rotation result (ISA ROTL32), which matters only when
     * the mask wraps (MB > ME).
     */
    private void rotateAndMask(PpcSyntax.Instruction in, boolean insert, boolean recordForm) {
        PpcOperands o = new PpcOperands(in, "rA,rS,SH,MB,ME", 5);
        Reg dst = o.reg(0);
        Expr word = binary(BinOp.AND, read(o.reg(1)), constant(WORD_MASK));
        int sh = o.smallImm(2, 0, 31);
        int mb = o.smallImm(3, 0, 31);
        int me = o.smallImm(4, 0, 31);
        long mask = mask(mb + 32, me + 32);
        Expr rotated = sh == 0 ? word
                : binary(BinOp.OR, binary(BinOp.SHL, word, constant(sh)), binary(BinOp.SHR, word, constant(32 - sh)));
        if (mb > me) {
            Expr low = sh == 0 ? rotated : binary(BinOp.AND, rotated, constant(WORD_MASK));
            rotated = binary(BinOp.OR, binary(BinOp.SHL, low, constant(32)), low);
        }
        Expr kept = binary(BinOp.AND, rotated, constant(mask));
        Expr value = insert ? binary(BinOp.OR, kept, binary(BinOp.AND, read(dst), constant(~mask))) : kept;
        assign(dst, value, in.pos());
        if (recordForm) recordResult(dst, in.pos());
    }

    /** The ISA's MASK(b, e) over bits numbered 0 (most significant) to 63, wrapping when b > e. */
    static long mask(int b, int e) {
        long m = 0;
        for (int i = 0; i < 64; i++) {
            boolean in = b <= e ? (i >= b && i <= e) : (i >= b || i <= e);
            if (in) m |= 1L << (63 - i);
        }
        return m;
    }

    /** {@code cmpw [crF,] rA,rB} and the immediate forms. */
    private void compare(PpcSyntax.Instruction in, BinOp op, boolean immediate) {
        PpcOperands o = new PpcOperands(in, immediate ? "[crF,] rA,value" : "[crF,] rA,rB", 2, 3);
        int first = o.count() == 3 ? 1 : 0;
        Reg field = o.count() == 3 ? o.crField(0) : Reg.CR0;
        Expr a = read(o.reg(first));
        Expr b = immediate ? constant(o.imm(first + 1)) : read(o.reg(first + 1));
        assign(field, binary(op, a, b), in.pos());
    }

    /** {@code beq [crF,] label}: tests the three-way compare value in the CR field against 0. */
    private void conditionalBranch(PpcSyntax.Instruction in, BinOp test) {
        PpcOperands o = new PpcOperands(in, "[crF,] label", 1, 2);
        Reg field = o.count() == 2 ? o.crField(0) : Reg.CR0;
        String target = target(o, o.count() - 1);
        out.add(new Instr.Branch(binary(test, read(field), constant(0)), target, in.pos()));
    }

    private String target(PpcOperands o, int i) {
        String label = o.label(i);
        branchTargets.putIfAbsent(label, o.pos(i));
        return label;
    }

    private void loadD(PpcSyntax.Instruction in, Width width, boolean signed) {
        PpcOperands o = new PpcOperands(in, "rD,d(rA)", 2, 3);
        Reg dst = o.reg(0);
        out.add(new Instr.Load(dst, dForm(o.displacement(1)), width, signed, false, in.pos()));
    }

    private void loadX(PpcSyntax.Instruction in, Width width, boolean signed, boolean reserve) {
        // lwarx/ldarx may carry the EH hint as a fourth operand; it has no memory-model meaning.
        PpcOperands o = reserve ? new PpcOperands(in, "rD,rA,rB[,EH]", 3, 4) : new PpcOperands(in, "rD,rA,rB", 3);
        if (o.count() == 4) o.smallImm(3, 0, 1);
        Reg dst = o.reg(0);
        out.add(new Instr.Load(dst, xForm(o.reg(1), o.reg(2)), width, signed, reserve, in.pos()));
    }

    private void storeD(PpcSyntax.Instruction in, Width width) {
        PpcOperands o = new PpcOperands(in, "rS,d(rA)", 2, 3);
        Expr value = read(o.reg(0));
        out.add(new Instr.Store(value, dForm(o.displacement(1)), width, in.pos()));
    }

    private void storeX(PpcSyntax.Instruction in, Width width) {
        PpcOperands o = new PpcOperands(in, "rS,rA,rB", 3);
        Expr value = read(o.reg(0));
        out.add(new Instr.Store(value, xForm(o.reg(1), o.reg(2)), width, in.pos()));
    }

    private void storeConditional(PpcSyntax.Instruction in, Width width) {
        PpcOperands o = new PpcOperands(in, "rS,rA,rB", 3);
        Expr value = read(o.reg(0));
        out.add(new Instr.StoreConditional(value, xForm(o.reg(1), o.reg(2)), width, Reg.CR0, in.pos()));
    }

    /** D-form address {@code d(rA)}: herd reads rA even when it is r0. */
    private static Expr dForm(PpcOperands.Displacement d) {
        Expr base = read(d.base());
        return d.offset() == 0 ? base : binary(BinOp.ADD, base, constant(d.offset()));
    }

    /** X-form address {@code (rA|0) + rB}. */
    private static Expr xForm(Reg a, Reg b) {
        return PpcRegisters.isZeroRegister(a) ? read(b) : binary(BinOp.ADD, read(a), read(b));
    }

    private void recordResult(Reg dst, SourcePos pos) {
        assign(Reg.CR0, binary(BinOp.CMP, read(dst), constant(0)), pos);
    }

    private void assign(Reg dst, Expr value, SourcePos pos) {
        out.add(new Instr.Assign(dst, value, pos));
    }

    /** A 16-bit immediate placed in the upper half-word ({@code lis}, {@code addis}), sign-extended as the ISA does. */
    private static long shifted16(long imm) {
        long field = imm >= 0x8000 && imm <= 0xffff ? (short) imm : imm;
        return field << 16;
    }

    private static Expr read(Reg r) {
        return new Expr.RegRef(r);
    }

    private static Expr constant(long v) {
        return new Expr.Const(v);
    }

    private static Expr binary(BinOp op, Expr a, Expr b) {
        return new Expr.Binary(op, a, b);
    }
}
