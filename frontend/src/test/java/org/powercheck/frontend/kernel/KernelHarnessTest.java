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
