package org.powercheck.frontend.ppc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.powercheck.ir.Cell;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Expr.BinOp;
import org.powercheck.ir.FenceKind;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Program;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.ThreadCode;
import org.powercheck.ir.Width;

/** The IR the PPC front end produces for representative instructions. */
class PpcLoweringTest {
    private static final Reg R0 = new Reg("r0");
    private static final Reg R1 = new Reg("r1");
    private static final Reg R2 = new Reg("r2");
    private static final Reg R3 = new Reg("r3");

    /** A one-thread test whose code is {@code lines}, one instruction per row. */
    private static Program oneThread(String init, String... lines) {
        StringBuilder text = new StringBuilder("PPC t\n{ " + init + " }\nP0 ;\n");
        for (String line : lines) text.append(line).append(" ;\n");
        text.append("exists (0:r1=0)\n");
        return PpcFrontend.parse(text.toString(), "t.litmus");
    }

    private static List<Instr> code(String... lines) {
        return oneThread("0:r2=x;", lines).threads().get(0).code();
    }

    private static Instr only(String line) {
        List<Instr> code = code(line);
        assertEquals(1, code.size(), code.toString());
        return code.get(0);
    }

    private static Expr reg(Reg r) {
        return new Expr.RegRef(r);
    }

    private static Expr constant(long v) {
        return new Expr.Const(v);
    }

    @Test
    void dFormLoadAddsTheOffsetToTheBase() {
        Instr.Load load = assertInstanceOf(Instr.Load.class, only("lwz r1,8(r2)"));
        assertEquals(R1, load.dst());
        assertEquals(new Expr.Binary(BinOp.ADD, reg(R2), constant(8)), load.address());
        assertEquals(Width.WORD, load.width());
        assertEquals(false, load.signed());
        assertEquals(false, load.reserve());
        assertEquals(new SourcePos("t.litmus", 4, 1), load.pos());
    }

    @Test
    void dFormWithZeroOffsetIsTheBaseRegister() {
        Instr.Load load = assertInstanceOf(Instr.Load.class, only("ld r1,0(r2)"));
        assertEquals(reg(R2), load.address());
        assertEquals(Width.DOUBLE, load.width());
    }

    @Test
    void dFormBaseR0IsReadAsARegisterLikeHerd() {
        Instr.Load load = assertInstanceOf(Instr.Load.class, only("lwz r1,0(r0)"));
        assertEquals(reg(R0), load.address());
    }

    @Test
    void dFormAlsoAcceptsTheCommaSpelling() {
        Instr.Store store = assertInstanceOf(Instr.Store.class, only("stw r1,4,r2"));
        assertEquals(new Expr.Binary(BinOp.ADD, reg(R2), constant(4)), store.address());
        assertEquals(reg(R1), store.value());
    }

    @Test
    void lwaSignExtends() {
        Instr.Load load = assertInstanceOf(Instr.Load.class, only("lwa r1,0(r2)"));
        assertTrue(load.signed());
    }

    @Test
    void xFormAddsBothRegisters() {
        Instr.Load load = assertInstanceOf(Instr.Load.class, only("lwzx r1,r3,r2"));
        assertEquals(new Expr.Binary(BinOp.ADD, reg(R3), reg(R2)), load.address());
        Instr.Store store = assertInstanceOf(Instr.Store.class, only("stdx r1,r3,r2"));
        assertEquals(new Expr.Binary(BinOp.ADD, reg(R3), reg(R2)), store.address());
        assertEquals(Width.DOUBLE, store.width());
    }

    @Test
    void xFormR0InTheRaSlotMeansZero() {
        Instr.Load load = assertInstanceOf(Instr.Load.class, only("lwzx r1,r0,r2"));
        assertEquals(reg(R2), load.address());
        Instr.Store store = assertInstanceOf(Instr.Store.class, only("stwx r1,r0,r2"));
        assertEquals(reg(R2), store.address());
    }

    @Test
    void addiWithR0IsLoadImmediate() {
        assertEquals(new Instr.Assign(R1, constant(5), new SourcePos("t.litmus", 4, 1)), only("addi r1,r0,5"));
        Instr.Assign add = assertInstanceOf(Instr.Assign.class, only("addi r1,r2,5"));
        assertEquals(new Expr.Binary(BinOp.ADD, reg(R2), constant(5)), add.value());
        Instr.Assign addis = assertInstanceOf(Instr.Assign.class, only("addis r1,r0,1"));
        assertEquals(constant(0x10000), addis.value());
    }

    @Test
    void liAndLis() {
        assertEquals(constant(-1), assertInstanceOf(Instr.Assign.class, only("li r1,-1")).value());
        assertEquals(constant(0x10000), assertInstanceOf(Instr.Assign.class, only("lis r1,1")).value());
        assertEquals(constant(-0x10000), assertInstanceOf(Instr.Assign.class, only("lis r1,0xffff")).value());
    }

    @Test
    void compareWritesCr0AndBranchesTestIt() {
        List<Instr> code = code("cmpw r1,r3", "bne L1", "li r1,1", "L1: isync");
        assertEquals(new Expr.Binary(BinOp.CMPW, reg(R1), reg(R3)),
                assertInstanceOf(Instr.Assign.class, code.get(0)).value());
        assertEquals(Reg.CR0, ((Instr.Assign) code.get(0)).dst());
        Instr.Branch branch = assertInstanceOf(Instr.Branch.class, code.get(1));
        assertEquals("L1", branch.target());
        assertEquals(new Expr.Binary(BinOp.NE, reg(Reg.CR0), constant(0)), branch.cond());
        assertEquals(new Instr.Label("L1", new SourcePos("t.litmus", 7, 1)), code.get(3));
        assertEquals(new Instr.Fence(FenceKind.ISYNC, new SourcePos("t.litmus", 7, 5)), code.get(4));
    }

    @ParameterizedTest
    @CsvSource({"beq,EQ", "bne,NE", "blt,LT", "bgt,GT", "ble,LE", "bge,GE", "bnl,GE", "bng,LE"})
    void conditionalBranchesCompareCr0WithZero(String mnemonic, BinOp test) {
        Instr.Branch branch = assertInstanceOf(Instr.Branch.class, code(mnemonic + " L", "L:").get(0));
        assertEquals(new Expr.Binary(test, reg(Reg.CR0), constant(0)), branch.cond());
    }

    @ParameterizedTest
    @CsvSource({"'cmpwi r1,2',CMPW", "'cmplw r1,r2',CMPWU", "'cmplwi r1,2',CMPWU", "'cmpd r1,r2',CMP",
            "'cmpdi r1,2',CMP", "'cmpld r1,r2',CMPU"})
    void compareKinds(String line, BinOp op) {
        Instr.Assign cmp = assertInstanceOf(Instr.Assign.class, only(line));
        assertEquals(Reg.CR0, cmp.dst());
        assertEquals(op, assertInstanceOf(Expr.Binary.class, cmp.value()).op());
    }

    @Test
    void compareIntoAnotherCrField() {
        Instr.Assign cmp = assertInstanceOf(Instr.Assign.class, only("cmpw cr1,r1,r2"));
        assertEquals(new Reg("cr1"), cmp.dst());
    }

    @Test
    void unconditionalBranch() {
        assertEquals(Instr.Branch.always("L", new SourcePos("t.litmus", 4, 1)), code("b L", "L:").get(0));
    }

    @Test
    void loadReserveAndStoreConditional() {
        List<Instr> code = code("lwarx r3,r0,r2", "stwcx. r1,r0,r2", "bne Fail", "Fail:");
        Instr.Load load = assertInstanceOf(Instr.Load.class, code.get(0));
        assertTrue(load.reserve());
        assertEquals(reg(R2), load.address());
        assertEquals(new Instr.StoreConditional(reg(R1), reg(R2), Width.WORD, Reg.CR0, new SourcePos("t.litmus", 5, 1)),
                code.get(1));
        Instr.Load doubleWord = assertInstanceOf(Instr.Load.class, only("ldarx r3,r1,r2"));
        assertEquals(Width.DOUBLE, doubleWord.width());
        assertEquals(new Expr.Binary(BinOp.ADD, reg(R1), reg(R2)), doubleWord.address());
        assertEquals(Width.DOUBLE, assertInstanceOf(Instr.StoreConditional.class, only("stdcx. r1,r0,r2")).width());
    }

    @Test
    void fencesAndNop() {
        List<Instr> code = code("sync", "hwsync", "lwsync", "isync", "eieio", "nop");
        assertEquals(List.of(FenceKind.SYNC, FenceKind.SYNC, FenceKind.LWSYNC, FenceKind.ISYNC, FenceKind.EIEIO),
                code.stream().map(i -> ((Instr.Fence) i).kind()).toList());
    }

    @Test
    void registerToRegisterArithmetic() {
        assertEquals(new Expr.Binary(BinOp.XOR, reg(R1), reg(R1)),
                assertInstanceOf(Instr.Assign.class, only("xor r3,r1,r1")).value());
        assertEquals(new Expr.Binary(BinOp.SUB, reg(R2), reg(R1)),
                assertInstanceOf(Instr.Assign.class, only("subf r3,r1,r2")).value());
        assertEquals(reg(R2), assertInstanceOf(Instr.Assign.class, only("mr r1,r2")).value());
    }

    @Test
    void recordFormSetsCr0FromTheResult() {
        List<Instr> code = code("add. r3,r1,r2");
        assertEquals(2, code.size());
        assertEquals(new Instr.Assign(Reg.CR0, new Expr.Binary(BinOp.CMP, reg(R3), constant(0)),
                new SourcePos("t.litmus", 4, 1)), code.get(1));
    }

    /** Values from herd's own instruction tests (A008, A009, A013, A014). */
    @ParameterizedTest
    @CsvSource({
        "'extsw r3,r1', 0xffffffff, 0, -1",
        "'clrldi r3,r1,32', -1, 0, 0xffffffff",
        "'clrldi r3,r1,48', -1, 0, 0xffff",
        "'rlwinm r3,r1,4,30,31', -1, 0, 3",
        "'rlwinm r3,r1,0,30,31', -1, 0, 3",
        "'rlwinm r3,r1,16,0,15', -1, 0, 0xffff0000",
        "'rlwinm r3,r1,8,0,31', 0x12345678, 0, 0x34567812",
        "'rlwinm r3,r1,0,16,15', 0x12345678, 0, 0x1234567812345678",
        "'rlwimi r3,r1,4,30,31', -1, 0xaaaaaaaaaaaaaaaa, 0xaaaaaaaaaaaaaaab",
        "'rlwimi r3,r1,16,0,15', -1, 0xaaaaaaaaaaaaaaaa, 0xaaaaaaaaffffaaaa",
        // Power ISA 3.0B 3.3.13: andc, cntlzd, cntlzw (the kernel's cmpxchg on bytes and fls)
        "'andc r3,r1,r3', -1, 0xff, 0xffffffffffffff00",
        "'cntlzd r3,r1', 1, 0, 63",
        "'cntlzd r3,r1', 0, 0, 64",
        "'cntlzd r3,r1', -1, 0, 0",
        "'cntlzw r3,r1', 0x100000000, 0, 32",
        "'cntlzw r3,r1', 0x80000000, 0, 0",
        "'cntlzw r3,r1', 0x10000, 0, 15",
    })
    void bitManipulationValues(String line, String r1, String r3, String expected) {
        Instr.Assign assign = assertInstanceOf(Instr.Assign.class, only(line));
        assertEquals(R3, assign.dst());
        Map<Reg, Long> regs = new HashMap<>(Map.of(R1, number(r1), R3, number(r3)));
        assertEquals(number(expected), ExprEval.eval(assign.value(), regs));
    }

    private static long number(String s) {
        return s.startsWith("0x") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s);
    }

    @Test
    void blrJumpsToALabelAfterTheLastInstruction() {
        List<Instr> code = code("blr", "li r1,1");
        Instr.Branch branch = assertInstanceOf(Instr.Branch.class, code.get(0));
        assertTrue(branch.unconditional());
        Instr.Label end = assertInstanceOf(Instr.Label.class, code.get(code.size() - 1));
        assertEquals(branch.target(), end.name());
    }

    @Test
    void labelAndInstructionInOneCell() {
        List<Instr> code = code("L0x18: isync", "LC00:", "b LC00");
        assertEquals("L0x18", assertInstanceOf(Instr.Label.class, code.get(0)).name());
        assertInstanceOf(Instr.Fence.class, code.get(1));
        assertEquals("LC00", assertInstanceOf(Instr.Label.class, code.get(2)).name());
    }

    @Test
    void initBlockMakesRegistersAndCells() {
        Program p = oneThread("0:r2=x; 0:r3=5; int64_t 0:r0; uint64_t y=3; [z]=0xff; int w=-1; 0:r4=v;", "nop");
        ThreadCode t = p.threads().get(0);
        assertEquals(Map.of(R2, new Expr.Addr("x"), R3, constant(5), R0, constant(0), new Reg("r4"), new Expr.Addr("v")),
                t.registerInit());
        assertEquals(List.of("x", "y", "z", "w", "v"), p.cells().stream().map(Cell::name).toList());
        Cell y = p.cells().get(1);
        assertEquals(Width.DOUBLE, y.width());
        assertEquals(constant(3), y.init());
        assertEquals(constant(0xff), p.cells().get(2).init());
        assertEquals(Width.WORD, p.cells().get(3).width());
        assertEquals(constant(0), p.cells().get(0).init());
        assertEquals(new SourcePos("t.litmus", 2, 8), p.cells().get(0).pos());
    }

    @Test
    void threadsComeFromTheHeaderRow() {
        Program p = PpcFrontend.parse("PPC MP+x\n\"doc\"\nCycle=Rfe Fre\n{ 0:r2=x; 1:r2=x; }\n"
                + " P0 | P1 ;\n li r1,1 | lwz r1,0(r2) ;\n stw r1,0(r2) | ;\nexists (1:r1=1)\n", "mp.litmus");
        assertEquals("MP+x", p.name());
        assertEquals(List.of(0, 1), p.threads().stream().map(ThreadCode::id).toList());
        assertEquals(List.of("P0", "P1"), p.threads().stream().map(ThreadCode::name).toList());
        assertEquals(new SourcePos("mp.litmus", 5, 7), p.threads().get(1).pos());
        assertEquals(2, p.threads().get(0).code().size());
        assertEquals(1, p.threads().get(1).code().size());
    }

    @Test
    void symbolicRegistersBelongToTheThreadUsingThem() {
        Program p = PpcFrontend.parse("PPC s\n{ %x0=x; %y1=y; }\n P0 | P1 ;\n"
                + " stw r1,0(%x0) | lwz r1,0(%y1) ;\nexists (1:r1=0)\n", "s.litmus");
        assertEquals(Map.of(new Reg("%x0"), new Expr.Addr("x")), p.threads().get(0).registerInit());
        assertEquals(Map.of(new Reg("%y1"), new Expr.Addr("y")), p.threads().get(1).registerInit());
        Instr.Load load = assertInstanceOf(Instr.Load.class, p.threads().get(1).code().get(0));
        assertEquals(reg(new Reg("%y1")), load.address());
    }

    @Test
    void singleThreadHeaderAndCommentsAnywhere() {
        Program p = PpcFrontend.parse("PPC A (* c1 *)\n(* c2 (* nested *) *)\n{ (* c3 *) }\nP0;\n"
                + "li r1, 1 (* c4 *);\nforall 0:r1 = 1 (* c5 *)\n", "a.litmus");
        assertEquals(1, p.threads().size());
        assertEquals("forall (0:r1=1)", p.condition().toString());
    }

    /** One sample per supported mnemonic: each must lower without error. */
    @ParameterizedTest
    @ValueSource(strings = {
        "nop", "dcbf r1,r2", "sync", "hwsync", "lwsync", "isync", "eieio", "li r1,1", "lis r1,1", "addi r1,r2,1",
        "subi r1,r2,1", "addis r1,r2,1", "ori r1,r2,1", "xori r1,r2,1", "andi. r1,r2,1", "mulli r1,r2,3",
        "add r1,r2,r3", "sub r1,r2,r3", "subf r1,r2,r3", "and r1,r2,r3", "or r1,r2,r3", "xor r1,r2,r3",
        "mullw r1,r2,r3", "mulld r1,r2,r3", "divw r1,r2,r3", "divd r1,r2,r3", "mr r1,r2", "neg r1,r2",
        "extsw r1,r2", "clrldi r1,r2,32", "rlwinm r1,r2,1,2,3", "rlwimi r1,r2,1,2,3", "add. r1,r2,r3",
        "mr. r1,r2", "cmpw r1,r2", "cmpd r1,r2", "cmplw r1,r2", "cmpld r1,r2", "cmpwi r1,1", "cmpdi r1,1",
        "cmplwi r1,1", "cmpldi cr7,r1,1", "blr", "lbz r1,0(r2)", "lhz r1,0(r2)", "lha r1,0(r2)",
        "lwz r1,0(r2)", "lwa r1,0(r2)", "ld r1,0(r2)", "lbzx r1,r2,r3", "lhzx r1,r2,r3", "lhax r1,r2,r3",
        "lwzx r1,r2,r3", "lwax r1,r2,r3", "ldx r1,r2,r3", "lwarx r1,r2,r3", "lwarx r1,r2,r3,1", "ldarx r1,r2,r3",
        "stb r1,0(r2)", "sth r1,0(r2)", "stw r1,0(r2)", "std r1,0(r2)", "stbx r1,r2,r3", "sthx r1,r2,r3",
        "stwx r1,r2,r3", "stdx r1,r2,r3", "stwcx. r1,r2,r3", "stdcx. r1,r2,r3"})
    void everySupportedMnemonicLowers(String line) {
        code(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"beq L", "bne L", "blt L", "bgt L", "ble L", "bge L", "bnl L", "bng L", "b L", "beq cr1,L"})
    void everyBranchLowers(String line) {
        code(line, "L:");
    }
}
