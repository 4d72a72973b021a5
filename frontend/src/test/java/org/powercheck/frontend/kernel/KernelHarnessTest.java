package org.powercheck.frontend.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.powercheck.frontend.Frontend;
import org.powercheck.ir.Cell;
import org.powercheck.ir.Expr;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Program;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.StateKey;
import org.powercheck.ir.UnsupportedConstructException;
import org.powercheck.ir.Width;

/** The harness format: declarations, init block, threads, condition; and its errors. */
class KernelHarnessTest {
    private static Program harness(String text) {
        return KernelFrontend.harness(text, "t.litmus", KernelOptions.defaults());
    }

    private static Map<String, String> inits(Program p) {
        return p.cells().stream().collect(Collectors.toMap(Cell::name, c -> c.init().toString()));
    }

    private static List<String> code(Program p, int thread) {
        return p.threads().get(thread).code().stream().map(Instr::toString).toList();
    }

    /** A harness next to the test resources, so that it can include them. */
    private static String resourceFile(String name) throws URISyntaxException {
        Path dir = Path.of(KernelHarnessTest.class.getResource("/kernel/counter.h").toURI()).getParent();
        return dir.resolve(name).toString();
    }

    @Test
    void staticInitialisersAndTheInitBlockGiveInitialValues() {
        Program p = harness("""
                C init
                struct s { int a; int b[2]; struct s *self; void (*f)(void); };
                static void g(void) { }
                struct s one = { .b = { [1] = 7 }, .self = &one, .f = g };
                int flag = 3;
                {
                	flag = 5;
                	one.a = -1;
                }
                P0(void)
                {
                	int r = READ_ONCE(one.a) + READ_ONCE(flag);
                }
                exists (0:r=4 /\\ one.a=-1)
                """);
        Map<String, String> init = inits(p);
        assertEquals("-1", init.get("one.a"));
        assertEquals("0", init.get("one.b[0]"));
        assertEquals("7", init.get("one.b[1]"));
        assertEquals("&one.a", init.get("one.self"));
        assertEquals("&g", init.get("one.f"));
        assertEquals("5", init.get("flag"));
        assertEquals(Width.WORD, p.keyWidths().get(new StateKey.MemKey("one.a")));
        assertEquals("exists (0:r=4 /\\ [one.a]=-1)", p.condition().toString());
    }

    @Test
    void conditionNamesMembersOfGlobalsAndLocalsOfThreads() {
        Program p = harness("""
                C keys
                struct inner { unsigned long flags; };
                struct task { struct inner info; atomic_t refs; void *next; };
                struct task t;
                {
                }
                P0(void)
                {
                	int seen = atomic_read(&t.refs);
                }
                ~exists (0:seen=1 /\\ t.info.flags=0 /\\ t.refs=2 /\\ t.next=t)
                """);
        assertEquals("~exists (0:seen=1 /\\ [t.info.flags]=0 /\\ [t.refs.counter]=2 /\\ [t.next]=t.info.flags)",
                p.condition().toString());
    }

    @Test
    void eachThreadRunsOnItsCpu() {
        Program p = harness("""
                C cpus
                int seen[2];
                {
                }
                P0(void)
                {
                	WRITE_ONCE(seen[smp_processor_id()], 1);
                }
                P1(void)
                {
                	WRITE_ONCE(seen[smp_processor_id()], 1);
                }
                """);
        assertEquals(List.of("store.32 [&seen[0]] = 1"), code(p, 0));
        assertEquals(List.of("store.32 [&seen[1]] = 1"), code(p, 1));
        assertEquals("forall (true)", p.condition().toString());
    }

    @Test
    void ipiTriggerAndDeliveryUseTheTargetsPseudoLocation() {
        Program p = harness("""
                C ipi
                int data;
                {
                }
                P0(void)
                {
                	WRITE_ONCE(data, 1);
                	smp_mb();
                	pc_ipi_trigger(1);
                }
                P1(void)
                {
                	int taken = pc_ipi_entry(1);
                	int r = READ_ONCE(data);
                }
                exists (1:taken=1 /\\ 1:r=0)
                """);
        assertEquals(List.of("store.32 [&data] = 1", "sync", "store.64 [&ipi@1] = 1"), code(p, 0));
        assertEquals(List.of("taken = load.64 [&ipi@1]", "r = load.32 [&data]"), code(p, 1));
    }

    @Test
    void litmusStyleThreadParametersPointToTheGlobals() {
        Program p = harness("""
                C params
                int x;
                {
                }
                P0(int *x, int *y)
                {
                	WRITE_ONCE(*x, 1);
                	WRITE_ONCE(*y, 1);
                }
                """);
        assertEquals(List.of("store.32 [&x] = 1", "store.32 [&y] = 1"), code(p, 0));
    }

    @Test
    void includedModelsAreLoweredWithPositionsInTheirFile() throws URISyntaxException {
        String file = resourceFile("ops.litmus");
        Program p = KernelFrontend.harness("""
                C ops
                #include "counter.h"
                struct counter c = { .bump = bump_relaxed };
                {
                }
                P0(void)
                {
                	int r = counter_bump(&c);
                }
                """, file, KernelOptions.defaults());
        List<Instr> code = p.threads().get(0).code();
        assertTrue(code.stream().anyMatch(i -> i instanceof Instr.StoreConditional), code.toString());
        SourcePos at = code.stream().filter(i -> i instanceof Instr.StoreConditional).findFirst().orElseThrow().pos();
        assertTrue(at.file().endsWith("counter.h"), at.toString());
        assertEquals(12, at.line());
    }

    @Test
    void errorsInIncludedFilesPointThere() throws URISyntaxException {
        String file = resourceFile("broken.litmus");
        InputException e = assertThrows(InputException.class, () -> KernelFrontend.harness("""
                C broken
                #include "counter.h"
                struct counter c;
                {
                }
                P0(void)
                {
                	counter_broken(&c);
                }
                """, file, KernelOptions.defaults()));
        assertTrue(e.pos().file().endsWith("counter.h"), e.getMessage());
        assertEquals(22, e.pos().line());
        assertEquals("undeclared variable 'undeclared_thing'", e.detail());
    }

    @Test
    void unknownFunctionsAreErrorsUnlessHavocked() {
        String text = """
                C havoc
                int lookup(int key);
                int x;
                {
                }
                P0(void)
                {
                	int r = lookup(3);
                	WRITE_ONCE(x, r);
                }
                """;
        InputException e = assertThrows(InputException.class, () -> harness(text));
        assertEquals("t.litmus:8:10: unknown function 'lookup' (give it a body or pass --havoc lookup)", e.getMessage());
        Program p = KernelFrontend.harness(text, "t.litmus", KernelOptions.defaults().withHavoc(Set.of("lookup")));
        assertEquals(List.of("r = havoc {0, 1, -1}", "store.32 [&x] = r"), code(p, 0));
    }

    /** One run names every function without a body or semantics, each at its first call, not one per run. */
    @Test
    void everyMissingFunctionIsNamedInOneRun() {
        String text = """
                C missing
                int lookup(int key);
                int x;
                {
                }
                P0(void)
                {
                	int r = lookup(3);
                	frob(r);
                	r = lookup(4);
                	rcu_barrier();
                	sync_cmpxchg(&x, 0, 1);
                	WRITE_ONCE(x, r);
                }
                P1(void)
                {
                	other();
                }
                """;
        InputException e = assertThrows(InputException.class, () -> harness(text));
        assertEquals("t.litmus:8:10: 3 unknown functions: 'lookup' (t.litmus:8:10), 'frob' (t.litmus:9:2),"
                + " 'other' (t.litmus:17:2) (give them bodies or pass --havoc lookup,frob,other);"
                + " not supported yet: rcu_barrier (t.litmus:11:2), sync_cmpxchg (t.litmus:12:2)", e.getMessage());
        // with the unknown ones havoc'd, what is left is unsupported: powerpc has no sync_cmpxchg
        UnsupportedConstructException u = assertThrows(UnsupportedConstructException.class, () -> KernelFrontend.harness(
                text, "t.litmus", KernelOptions.defaults().withHavoc(Set.of("lookup", "frob", "other"))));
        assertEquals("rcu_barrier (t.litmus:11:2), sync_cmpxchg (t.litmus:12:2)", u.construct());
    }

    /** An error that stops the lowering still names the missing functions met before it. */
    @Test
    void anErrorAfterMissingFunctionsNamesThemToo() {
        InputException e = assertThrows(InputException.class, () -> harness("""
                C missing-then-error
                int x;
                {
                }
                P0(void)
                {
                	frob();
                	WRITE_ONCE(x, undeclared_thing);
                }
                """));
        assertEquals("t.litmus:8:16: undeclared variable 'undeclared_thing'; before it, unknown function 'frob'"
                + " (give it a body or pass --havoc frob)", e.getMessage());
    }

    /**
     * A lone file's functions without a body are unconstrained, and the lowering lists them; a
     * kernel primitive without a sequence is not one of them: its function is not lowered.
     */
    @Test
    void aLoneFileHavocsUnknownFunctionsButNotPrimitivesWithoutASequence() {
        String text = """
                int x;
                void ok(void) { helper(); WRITE_ONCE(x, 1); }
                void bad(void) { sync_cmpxchg(&x, 0, 1); cmpxchg_double(&x, &x, 0, 0, 1, 1); }
                """;
        KernelFrontend.LoweredSource s = KernelFrontend.sourceFunctions(text, "f.c", KernelOptions.defaults(), Set.of());
        assertEquals(List.of("ok"), s.program().threads().stream().map(t -> t.name()).toList());
        assertEquals(Map.of("helper", new SourcePos("f.c", 2, 17)), s.withoutBody());
        assertEquals(1, s.notLowered().size());
        UnsupportedConstructException u = assertInstanceOf(UnsupportedConstructException.class, s.notLowered().get(0).why());
        assertEquals("sync_cmpxchg (f.c:3:18), cmpxchg_double (f.c:3:42)", u.construct());
    }

    /**
     * asm-generic/barrier.h: smp_cond_load_acquire() is a loop of READ_ONCE()s until the
     * condition holds on VAL, then smp_acquire__after_ctrl_dep() (lwsync); the relaxed one has no
     * barrier.
     */
    @Test
    void smpCondLoadIsALoopOfOnceLoadsThenTheAcquireBarrier() {
        Program p = harness("""
                C cond-load
                int x;
                int y;
                static void helper(void) { }
                {
                }
                P0(void)
                {
                	int r = smp_cond_load_acquire(&x, VAL != 0);
                	int s = smp_cond_load_relaxed(&y, VAL == 2);
                }
                """);
        List<String> code = code(p, 0).stream().filter(l -> !l.endsWith(":") && !l.startsWith("goto")).toList();
        assertEquals(List.of("__PTR = &x", "VAL = load.32 [__PTR]", "if (VAL == 0) goto %L4", "_val = VAL", "lwsync",
                "r = _val", "__PTR = &y", "VAL = load.32 [__PTR]"),
                code.subList(0, 8));
        assertTrue(code.stream().filter(l -> l.equals("lwsync")).count() == 1, code.toString());
    }

    /**
     * asm-generic/percpu.h: this_cpu_inc() is the plain read-modify-write of raw_cpu_inc() with
     * interrupts soft-masked around it, so no interrupt of the CPU comes between its load and store.
     */
    @Test
    void thisCpuOperationsMaskInterruptsAroundTheirAccesses() {
        Program p = harness("""
                C this-cpu
                DEFINE_PER_CPU(int, counter);
                static void helper(void) { }
                {
                }
                P1(void)
                {
                	this_cpu_inc(counter);
                	__this_cpu_inc(counter);
                }
                """.replace("P1", "P0"));
        List<String> code = code(p, 0).stream().filter(l -> !l.endsWith(":")).toList();
        assertEquals(List.of("__pc_flags = pc_irq_soft_mask", "pc_irq_soft_mask = 1", "%t1 = load.32 [&counter@0]",
                "%t2 = extend_word((%t1 + 1))", "store.32 [&counter@0] = %t2", "pc_irq_soft_mask = __pc_flags",
                "pc_irq_hard_disabled = ((pc_irq_soft_mask == 0) ? 0 : pc_irq_hard_disabled)",
                "%t3 = load.32 [&counter@0]", "%t4 = extend_word((%t3 + 1))", "store.32 [&counter@0] = %t4"), code);
    }

    /** A member of a per-CPU variable: the same member of the CPU's own copy, whatever the member's type. */
    @Test
    void thisCpuPointerToAMemberIsThatMemberOfTheCpusCopy() {
        Program p = harness("""
                C this-cpu-member
                struct st { unsigned int a; unsigned int b; };
                DEFINE_PER_CPU(struct st, s);
                static void helper(void) { }
                {
                }
                P0(void)
                {
                }
                P1(void)
                {
                	WRITE_ONCE(*this_cpu_ptr(&s.b), 1);
                	WRITE_ONCE(*per_cpu_ptr(&s.b, 2), 2);
                }
                """);
        assertEquals(List.of("store.32 [&s@1.b] = 1", "store.32 [&s@2.b] = 2"), code(p, 1));
    }

    /** atomic-arch-fallback.h: atomic_inc_unless_negative() reads, then retries a full try_cmpxchg. */
    @Test
    void incUnlessNegativeIsTheGenericTryCmpxchgLoop() {
        Program p = harness("""
                C unless
                atomic_t v;
                static void helper(void) { }
                {
                }
                P0(void)
                {
                	int r = atomic_inc_unless_negative(&v);
                }
                """);
        List<String> code = code(p, 0).stream().filter(l -> !l.endsWith(":")).toList();
        assertEquals("atomic_inc_unless_negative.c = load.32 [&v.counter]", code.get(0));
        assertTrue(code.contains("sync") && code.stream().anyMatch(l -> l.contains("store-conditional.32 [&v.counter]"
                + " = extend_word((atomic_inc_unless_negative.c + 1))")), code.toString());
    }

    @Test
    void recursionDeeperThanTheBoundIsAnError() {
        InputException e = assertThrows(InputException.class, () -> harness("""
                C recursion
                int x;
                static void down(int n) { if (n) down(n - 1); WRITE_ONCE(x, n); }
                {
                }
                P0(void)
                {
                	down(READ_ONCE(x));
                }
                """));
        assertTrue(e.getMessage().contains("recursion of 'down' is deeper than 4 calls"), e.getMessage());
    }

    @Test
    void unknownInlineAssemblyIsReportedWithTheInstruction() {
        UnsupportedConstructException e = assertThrows(UnsupportedConstructException.class, () -> harness("""
                C asm
                {
                }
                P0(void)
                {
                	asm volatile("mfspr 3, 1013");
                }
                """));
        assertEquals("special register 1013 ('mfspr 3,1013')", e.construct());
        assertEquals(new SourcePos("t.litmus", 6, 2), e.pos());
    }

    /** smp_muxed_ipi_set_message's store: byte 1 of a 64-bit word, the byte's address. */
    @Test
    void aByteStoreIntoAWordIsAMixedSizeAccess() {
        assertEquals(List.of("b = &word", "store.8 [(&word + 1)] = 1", "store.8 [(&word + 3)] = 1"), code(harness("""
                C mixed
                long word;
                {
                }
                P0(void)
                {
                	char *b = (char *)&word;
                	WRITE_ONCE(b[1], 1);
                	WRITE_ONCE(((char *)&word)[3], 1);
                }
                """), 0));
    }

    @Test
    void aMisalignedHalfwordIntoAWordIsNotSupported() {
        UnsupportedConstructException e = assertThrows(UnsupportedConstructException.class, () -> harness("""
                C mixed
                long word;
                {
                }
                P0(void)
                {
                	WRITE_ONCE(*(short *)((char *)&word + 1), 1);
                }
                """));
        assertTrue(e.construct().contains("misaligned"), e.construct());
    }

    @Test
    void perCpuVariablesNeedAnAccessor() {
        InputException e = assertThrows(InputException.class, () -> harness("""
                C percpu
                DEFINE_PER_CPU(int, hits);
                {
                }
                P0(void)
                {
                	hits = 1;
                }
                """));
        assertEquals("t.litmus:7:2: per-CPU variable 'hits' used without per_cpu(), this_cpu_ptr() or this_cpu_*()",
                e.getMessage());
    }

    @Test
    void conditionChecksItsNames() {
        InputException e = assertThrows(InputException.class, () -> harness("""
                C names
                int x;
                {
                }
                P0(void)
                {
                	int r = READ_ONCE(x);
                }
                exists (0:q=1)
                """));
        assertEquals("t.litmus:9:9: P0 has no local variable 'q'", e.getMessage());
        InputException m = assertThrows(InputException.class, () -> harness(
                "C names\nint x;\n{\n}\nP0(void)\n{\n}\nexists (y=1)\n"));
        assertEquals("t.litmus:8:9: no location 'y' in this test", m.getMessage());
    }

    @Test
    void threadsMustBeNumberedInOrder() {
        InputException e = assertThrows(InputException.class, () -> harness(
                "C order\n{\n}\nP0(void)\n{\n}\nP2(void)\n{\n}\n"));
        assertEquals("t.litmus:7:1: expected thread P1 but found 'P2'", e.getMessage());
    }

    @Test
    void aCallThatMatchesNoFunctionFailsTheCondition() {
        Program p = harness("""
                C badcall
                void (*hook)(void);
                {
                }
                P0(void)
                {
                	hook();
                }
                ~exists (hook=0)
                """);
        assertEquals("~exists (([hook]=0 \\/ 0:pc_bad_call=1))", p.condition().toString());
        assertEquals(List.of("%t1 = load.64 [&hook]", "pc_bad_call = 1", "%L1:"), code(p, 0));
    }

    @Test
    void frontendSendsEachKindOfFileToItsFrontEnd() {
        Program litmus = Frontend.parse("C plain\n{ x = 1; }\nP0(int *x) { WRITE_ONCE(*x, 2); }\nexists (x=2)\n", "p.litmus");
        assertEquals(List.of("store.32 [&x] = 2"), code(litmus, 0));
        Program kernel = Frontend.parse("C decl\nint x = 1;\n{\n}\nP0(void) { WRITE_ONCE(x, 2); }\nexists (x=2)\n",
                "k.c");
        assertEquals(List.of("store.32 [&x] = 2"), code(kernel, 0));
        Program source = Frontend.parse("int x;\nvoid set(int v)\n{\n\tWRITE_ONCE(x, v);\n}\n", "s.c");
        assertEquals("set", source.threads().get(0).name());
        assertEquals(List.of("v = havoc {0, 1, -1}", "store.32 [&x] = v"), code(source, 0));
    }

    @Test
    void theInitBlockHoldsOnlyAssignmentsToGlobals() {
        InputException e = assertThrows(InputException.class, () -> harness(
                "C bad\nint x;\n{\n\tif (x) x = 1;\n}\nP0(void)\n{\n}\n"));
        assertEquals("t.litmus:4:2: the init block holds assignments of constants to globals, such as x = 1;",
                e.getMessage());
        InputException c = assertThrows(InputException.class, () -> harness(
                "C bad\nint x, y;\n{\n\tx = y;\n}\nP0(void)\n{\n}\n"));
        assertEquals("t.litmus:4:6: the initialiser of 'x' is not a constant or the address of a location",
                c.getMessage());
    }

    @Test
    void aHarnessWithoutThreadsIsAnError() {
        InputException e = assertThrows(InputException.class, () -> harness("C none\nint x;\n{\n}\n"));
        assertEquals("t.litmus:1:3: the test has no threads", e.getMessage());
        assertInstanceOf(InputException.class, e);
    }

    @Test
    void addressOfAFunctionIsACellValue() {
        Program p = harness("""
                C fnaddr
                static void work(void) { }
                void (*slot)(void);
                {
                }
                P0(void)
                {
                	WRITE_ONCE(slot, work);
                }
                exists (slot=work)
                """);
        assertEquals(List.of("store.64 [&slot] = &work"), code(p, 0));
        assertEquals(new Expr.Const(0), p.cells().stream().filter(c -> c.name().equals("work")).findFirst()
                .orElseThrow().init());
    }
}
