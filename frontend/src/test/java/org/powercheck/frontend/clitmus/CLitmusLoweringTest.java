package org.powercheck.frontend.clitmus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.powercheck.ir.Cell;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Program;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.UnsupportedConstructException;
import org.powercheck.model.mapping.AcquireEncoding;
import org.powercheck.model.mapping.KernelMapping;

/** C litmus threads lower to the exact POWER sequences, with dependencies carried by registers. */
class CLitmusLoweringTest {
    private static final List<String> DEAD_END = List.of("goto %end", "%retry:", "assume 0", "%end:");

    private static Program parse(String text) {
        return CLitmusFrontend.parse(text, "t.litmus");
    }

    /** A test with one thread P0(int *x, int *y, spinlock_t *s) whose body is {@code body}. */
    private static List<String> code(String body) {
        return code(body, KernelMapping.power9());
    }

    private static List<String> code(String body, KernelMapping mapping) {
        String text = "C t\n{}\nP0(int *x, int *y, int **p, spinlock_t *s)\n{\n" + body + "\n}\nexists (x=0)\n";
        Program p = CLitmusFrontend.parse(text, "t.litmus", mapping);
        return p.threads().get(0).code().stream().map(Instr::toString).toList();
    }

    private static List<String> withDeadEnd(String... code) {
        return java.util.stream.Stream.concat(List.of(code).stream(), DEAD_END.stream()).toList();
    }

    @Test
    void onceAccessesAndFences() {
        assertEquals(List.of(
                "store.32 [&x] = 1",
                "sync",
                "r1 = load.32 [&y]",
                "lwsync",
                "lwsync",
                "store.32 [&x] = 2"),
            code("int r1;\nWRITE_ONCE(*x, 1);\nsmp_mb();\nr1 = READ_ONCE(*y);\nsmp_rmb();\nsmp_wmb();\nWRITE_ONCE(*x, 2);"));
    }

    @Test
    void releaseAndAcquire() {
        assertEquals(List.of(
                "lwsync",
                "store.32 [&x] = 1",
                "r0 = load.32 [&y]",
                "lwsync"),
            code("int r0;\nsmp_store_release(x, 1);\nr0 = smp_load_acquire(y);"));
    }

    @Test
    void dataDependencyStoresTheLoadedRegister() {
        assertEquals(List.of(
                "r1 = load.32 [&x]",
                "store.32 [&y] = extend_word((r1 + 1))"),
            code("int r1 = READ_ONCE(*x);\nWRITE_ONCE(*y, r1 + 1);"));
    }

    @Test
    void rcuDereferenceGivesAnAddressDependency() {
        assertEquals(List.of(
                "r1 = load.64 [&p]",
                "r2 = load.32 [r1]"),
            code("int *r1; int r2;\nr1 = rcu_dereference(*p);\nr2 = READ_ONCE(*r1);"));
    }

    @Test
    void plainDereferencesAreLoadsAndStores() {
        assertEquals(List.of(
                "%t1 = load.64 [&p]",
                "store.32 [%t1] = 3",
                "r1 = load.32 [&x]"),
            code("int r1;\n**p = 3;\nr1 = *x;"));
    }

    @Test
    void ifBranchesOnTheLoadedRegister() {
        assertEquals(List.of(
                "r1 = load.32 [&x]",
                "if (r1 == 0) goto %L1",
                "store.32 [&y] = 1",
                "goto %L2",
                "%L1:",
                "store.32 [&y] = 2",
                "%L2:"),
            code("int r1 = READ_ONCE(*x);\nif (r1)\n  WRITE_ONCE(*y, 1);\nelse\n  WRITE_ONCE(*y, 2);"));
    }

    @Test
    void comparisonsAreInvertedToSkipTheThenBranch() {
        assertEquals(List.of(
                "r1 = load.32 [&x]",
                "if (r1 < 0) goto %L1",
                "store.32 [&y] = 1",
                "%L1:"),
            code("int r1 = READ_ONCE(*x);\nif (r1 >= 0) WRITE_ONCE(*y, 1);"));
    }

    @Test
    void shortCircuitAroundALoad() {
        assertEquals(List.of(
                "r1 = load.32 [&x]",
                "%t1 = (r1 != 0)",
                "if (r1 == 0) goto %L1",
                "%t2 = load.32 [&y]",
                "%t1 = (%t2 != 0)",
                "%L1:",
                "r2 = %t1"),
            code("int r1 = READ_ONCE(*x);\nint r2 = r1 && READ_ONCE(*y);"));
    }

    @Test
    void xchgAcquireResultGoesToTheLocal() {
        assertEquals(List.of(
                "r1 = load-reserve.32 [&x]",
                "%t1 = store-conditional.32 [&x] = 1",
                "if %t1 goto %retry",
                "lwsync",
                "r1 = extend_word(r1)",
                "goto %end",
                "%retry:",
                "assume 0",
                "%end:"),
            code("int r1 = xchg_acquire(x, 1);"));
    }

    @Test
    void acquireEncodingIsAnOption() {
        assertEquals(List.of(
                "r1 = load-reserve.32 [&x]",
                "%t1 = store-conditional.32 [&x] = 1",
                "if %t1 goto %retry",
                "isync",
                "r1 = extend_word(r1)",
                "goto %end",
                "%retry:",
                "assume 0",
                "%end:"),
            code("int r1 = xchg_acquire(x, 1);", new KernelMapping(AcquireEncoding.CTRL_ISYNC)));
    }

    @Test
    void cmpxchgInAConditionBranchesOnItsResult() {
        assertEquals(List.of(
                "sync",
                "%t1 = load-reserve.32 [&x]",
                "if (%t1 cmpw 0) goto %L1",
                "%t2 = store-conditional.32 [&x] = 1",
                "if %t2 goto %retry",
                "sync",
                "%L1:",
                "if (extend_word(%t1) != 0) goto %L2",
                "store.32 [&y] = 1",
                "%L2:",
                "goto %end",
                "%retry:",
                "assume 0",
                "%end:"),
            code("if (cmpxchg(x, 0, 1) == 0)\n  WRITE_ONCE(*y, 1);"));
    }

    @Test
    void tryCmpxchgTakesTheAddressOfALocal() {
        assertEquals(List.of(
                "old = 0",
                "sync",
                "%t1 = load-reserve.32 [&x]",
                "if (%t1 cmpw old) goto %L1",
                "%t2 = store-conditional.32 [&x] = 5",
                "if %t2 goto %retry",
                "sync",
                "%L1:",
                "ok = logical_not((%t1 cmpw old))",
                "if ok goto %L2",
                "old = %t1",
                "%L2:",
                "old = extend_word(old)",
                "goto %end",
                "%retry:",
                "assume 0",
                "%end:"),
            code("int old = 0; int ok;\nok = try_cmpxchg(x, &old, 5);"));
    }

    @Test
    void atomicFamilies() {
        assertEquals(List.of(
                "%t1 = load-reserve.32 [&x]",
                "%t2 = (%t1 + 1)",
                "%t3 = store-conditional.32 [&x] = %t2",
                "if %t3 goto %retry",
                "sync",
                "%t4 = load-reserve.32 [&y]",
                "r1 = (%t4 + 2)",
                "%t5 = store-conditional.32 [&y] = r1",
                "if %t5 goto %retry",
                "r1 = extend_word(r1)",
                "sync",
                "goto %end",
                "%retry:",
                "assume 0",
                "%end:"),
            code("int r1;\natomic_inc(x);\nsmp_mb__before_atomic();\nr1 = atomic_add_return_relaxed(2, y);\nsmp_mb__after_atomic();"));
    }

    @Test
    void criticalSection() {
        assertEquals(List.of(
                "%t1 = load-reserve.32 [&s]",
                "%t2 = (%t1 & 131071)",
                "if %t2 goto %retry",
                "%t3 = ((%t1 & 4294836224) | 1)",
                "%t4 = store-conditional.32 [&s] = %t3",
                "if %t4 goto %retry",
                "lwsync",
                "store.32 [&x] = 1",
                "lwsync",
                "store.32 [&s] = 0",
                "goto %end",
                "%retry:",
                "assume 0",
                "%end:"),
            code("spin_lock(s);\nWRITE_ONCE(*x, 1);\nspin_unlock(s);"));
    }

    @Test
    void loopsBranchBackwards() {
        assertEquals(List.of(
                "i = 0",
                "%L1:",
                "if (i >= 2) goto %L3",
                "store.32 [&x] = i",
                "%L2:",
                "i = extend_word((i + 1))",
                "goto %L1",
                "%L3:"),
            code("int i;\nfor (i = 0; i < 2; i++)\n  WRITE_ONCE(*x, i);"));
    }

    @Test
    void initSectionGivesCellsAndRegisters() {
        Program p = parse("C t\n{\n  int x = 1;\n  int *q = &x;\n  atomic_t v = ATOMIC_INIT(3);\n  y=z; (* a comment *)\n"
                + "  0:r1 = x;\n  int 1:r2;\n}\nP0(int *x, int **q) { int r1; }\nP1(int *y) { int r2; }\n"
                + "locations [q]\nexists (0:r1=x /\\ 1:r2=0 /\\ ~y=z)\n");
        assertEquals(List.of("x=1", "q=&x", "v=3", "y=&z", "z=0"),
                p.cells().stream().map((Cell c) -> c.name() + "=" + c.init()).toList());
        assertEquals(Map.of(new Reg("r1"), new Expr.Addr("x")), p.threads().get(0).registerInit());
        assertEquals(Map.of(), p.threads().get(1).registerInit());
        assertEquals("exists (0:r1=x /\\ 1:r2=0 /\\ not ([y]=z))", p.condition().toString());
        assertEquals("[[q]]", p.locations().toString());
        assertEquals(Program.Arch.C, p.arch());
        assertEquals("t", p.name());
    }

    @Test
    void registerFromTheInitSectionNeedsNoDeclaration() {
        Program p = parse("C t\n{ 0:r1 = y; }\nP0(int *x) { WRITE_ONCE(*x, r1); }\nexists (0:r1=y)\n");
        assertEquals(List.of(
                "store.32 [&x] = r1"), p.threads().get(0).code().stream().map(Instr::toString).toList());
    }

    @Test
    void assignmentDeclaresALocalAsHerdDoes() {
        Program p = parse("C t\n{}\nP0(int *x) { r0 = READ_ONCE(*x); }\nexists (0:r0=1)\n");
        assertEquals("exists (0:r0=1)", p.condition().toString());
    }

    @Test
    void rcuCallbackBarrierIsUnsupportedAtTheCall() {
        UnsupportedConstructException e = assertThrows(UnsupportedConstructException.class, () -> parse(
                "C t\n{}\nP0(int *x) {\n\tWRITE_ONCE(*x, 1);\n\trcu_barrier();\n}\nexists (x=1)\n"));
        assertEquals("rcu_barrier", e.construct());
        assertEquals(new SourcePos("t.litmus", 5, 2), e.pos());
    }

    @Test
    void instructionsCarryTheirSourcePosition() {
        Program p = parse("C t\n{}\nP0(int *x) {\n  int r1;\n  r1 = READ_ONCE(*x);\n}\nexists (0:r1=1)\n");
        assertEquals(new SourcePos("t.litmus", 5, 8), p.threads().get(0).code().get(0).pos());
    }

    /** The prelude is read for herd tests too: its irqsave lock is the lock with the soft mask around it. */
    @Test
    void preludeDefinitionsAreThereWithoutAnInclude() {
        List<String> code = code("unsigned long flags;\nspin_lock_irqsave(s, flags);\nWRITE_ONCE(*x, 1);\n"
                + "spin_unlock_irqrestore(s, flags);");
        assertEquals(List.of("flags = pc_irq_soft_mask", "pc_irq_soft_mask = 1", "%t1 = load-reserve.32 [&s]"),
                code.stream().filter(i -> i.startsWith("flags") || i.startsWith("pc_irq_soft_mask = 1")
                        || i.startsWith("%t1 =")).toList());
        assertEquals("pc_irq_soft_mask = flags", code.get(code.indexOf("store.32 [&s] = 0") + 1));
    }
}
