package org.powercheck.frontend.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercheck.ir.Cell;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Program;

/**
 * Kernel files name types, constants and variables of headers that powercheck does not read. The
 * code around them lowers; a use of what is unknown is an error that names it and where it was met.
 * The snippets are written in the style of kernel files, not copied from them.
 */
class HeaderTypesTest {
    private static List<String> p0(String decls, String body) {
        return KernelLoweringTest.p0(decls, body);
    }

    private static Program harness(String decls, String body) {
        String text = "C t\n" + decls + "\n{\n}\nP0(void)\n{\n" + body + "\n}\n";
        return KernelFrontend.harness(text, "t.litmus", KernelOptions.defaults());
    }

    private static KernelFrontend.LoweredSource source(String text, Set<String> functions) {
        return KernelFrontend.sourceFunctions(text, "k.c", KernelOptions.defaults(), functions);
    }

    /** A member of a header's type keeps its cell, so the members after it keep their offsets. */
    @Test
    void aMemberOfAnUnknownTypeTakesACellAndTheOthersStayUsable() {
        assertEquals(List.of("store.64 [&w.state] = 1"),
                p0("struct worker { refcount_like_t ref; long state; };\nstruct worker w;", "WRITE_ONCE(w.state, 1);"));
        List<String> cells = harness("struct worker { refcount_like_t ref; long state; };\nstruct worker w;",
                "WRITE_ONCE(w.state, 1);").cells().stream().map(Cell::name).toList();
        assertEquals(List.of("w.ref", "w.state"), cells);
    }

    @Test
    void usingAValueOfAnUnknownTypeNamesTheTypeAndWhereItWasMet() {
        InputException e = assertThrows(InputException.class, () ->
                harness("struct worker { refcount_like_t ref; long state; };\nstruct worker w;", "int r = READ_ONCE(w.ref);"));
        assertEquals("t.litmus:8:9: 'refcount_like_t' is used, but its type is not known: unknown type name "
                + "'refcount_like_t' (at t.litmus:2:33); kernel headers are not read, so define it in the harness "
                + "or --havoc the function that uses it", e.getMessage());
    }

    /** An array whose length is a header's constant is unknown only where it is used. */
    @Test
    void anArrayWhoseLengthIsAHeadersConstantFailsOnlyWhereUsed() {
        assertEquals(List.of("store.64 [&x] = 1"), p0("long table[NR_THINGS];\nlong x;", "WRITE_ONCE(x, 1);"));
        InputException e = assertThrows(InputException.class, () ->
                harness("long table[NR_THINGS];\nlong x;", "WRITE_ONCE(table[0], 1);"));
        assertTrue(e.getMessage().contains("undeclared variable 'NR_THINGS' (at t.litmus:2:12)"), e.getMessage());
    }

    /** DEFINE_PER_CPU(some_header_t, v) spells typeof(some_header_t): a type name, not a variable. */
    @Test
    void typeofOfAnUnknownNameIsAnUnknownType() {
        assertEquals(List.of("store.64 [&x] = 1"),
                p0("DEFINE_PER_CPU(mask_var_t, cpu_mask_map);\nlong x;", "WRITE_ONCE(x, 1);"));
        InputException e = assertThrows(InputException.class, () ->
                harness("DEFINE_PER_CPU(mask_var_t, cpu_mask_map);", "long r = READ_ONCE(*this_cpu_ptr(&cpu_mask_map));"));
        assertTrue(e.getMessage().contains("unknown type name 'mask_var_t'"), e.getMessage());
    }

    @Test
    void aStructOnlyAHeaderDefinesIsReportedAtItsUse() {
        InputException e = assertThrows(InputException.class, () ->
                harness("struct task_like *t;", "long r = READ_ONCE(t->flags);"));
        assertEquals("t.litmus:7:20: struct task_like has no definition before this use (kernel headers are not "
                + "read: define it, with the members the code uses, in the harness)", e.getMessage());
    }

    /** The code's own definition of a type the prelude gives replaces the prelude's. */
    @Test
    void theCodesDefinitionOfAPreludeTypeReplacesIt() {
        assertEquals(List.of("%t1 = load.64 [&ops]", "f = load.64 [%t1]"),
                p0("struct smp_ops_t { void (*cause_ipi)(int cpu); };\nstruct smp_ops_t *ops;",
                        "void (*f)(int) = READ_ONCE(ops)->cause_ipi;"));
        InputException twice = assertThrows(InputException.class, () ->
                harness("struct pair { long a; };\nstruct pair { int b; };", ""));
        assertTrue(twice.getMessage().endsWith("struct 'pair' is defined twice"), twice.getMessage());
    }

    @Test
    void thePreludeGivesTheIpiAndTaskWorkConstants() {
        assertEquals(List.of("store.64 [&x] = 1", "store.64 [&x] = 2", "store.64 [&x] = 1"),
                p0("long x;", "WRITE_ONCE(x, PPC_MSG_RESCHEDULE); WRITE_ONCE(x, TWA_SIGNAL); WRITE_ONCE(x, IRQ_HANDLED);"));
    }

    /** The default configuration is a ppc64le SMP build; -D and -U change it. */
    @Test
    void theDefaultConfigurationAndIsEnabled() {
        String decls = "long x;";
        String body = """
                #ifdef CONFIG_PPC_SMP_MUXED_IPI
                WRITE_ONCE(x, 1);
                #endif
                WRITE_ONCE(x, IS_ENABLED(CONFIG_SMP) + 2 * IS_ENABLED(CONFIG_NOT_SET));""";
        assertEquals(List.of("store.64 [&x] = 1", "store.64 [&x] = 1"), p0(decls, body));
        String text = "C t\n" + decls + "\n{\n}\nP0(void)\n{\n" + body + "\n}\n";
        Program p = KernelFrontend.harness(text, "t.litmus", KernelOptions.defaults()
                .withPreprocessorArgs(List.of("-U", "CONFIG_PPC_SMP_MUXED_IPI", "-U", "CONFIG_SMP")));
        assertEquals(List.of("store.64 [&x] = 0"), p.threads().get(0).code().stream().map(Instr::toString).toList());
    }

    @Test
    void interruptHandlerMacrosDefineTheHandler() {
        KernelFrontend.LoweredSource s = source("""
                long hits;
                DEFINE_INTERRUPT_HANDLER_ASYNC(doorbell_like_exception)
                {
                	WRITE_ONCE(hits, 1);
                }
                """, Set.of());
        assertEquals(List.of("doorbell_like_exception"), s.program().threads().stream().map(t -> t.name()).toList());
    }

    /** A source file is lowered function by function: one that cannot be does not hide the others. */
    @Test
    void aSourceFileIsLoweredFunctionByFunction() {
        String text = """
                struct req_like { mode_like_t mode; long done; };
                static void finish(struct req_like *r)
                {
                	WRITE_ONCE(r->done, 1);
                }
                static long mode_of(struct req_like *r)
                {
                	return r->mode;
                }
                """;
        KernelFrontend.LoweredSource s = source(text, Set.of());
        assertEquals(List.of("finish"), s.program().threads().stream().map(t -> t.name()).toList());
        assertEquals(1, s.notLowered().size());
        KernelFrontend.NotLowered failed = s.notLowered().get(0);
        assertEquals("mode_of", failed.function());
        assertTrue(failed.why().getMessage().startsWith("k.c:8:9: 'mode_like_t' is used, but its type is not known"),
                failed.why().getMessage());
        InputException first = assertThrows(InputException.class, () ->
                KernelFrontend.source(text, "k.c", KernelOptions.defaults()));
        assertEquals(failed.why().getMessage(), first.getMessage());

        assertEquals(List.of("finish"), source(text, Set.of("finish")).program().threads().stream().map(t -> t.name()).toList());
        InputException missing = assertThrows(InputException.class, () -> source(text, Set.of("finish", "start")));
        assertEquals("k.c:1:1: no function named start is defined in this file", missing.getMessage());
    }

    /** Kernel C has no implicit declarations: an undeclared name is an error, not a local. */
    @Test
    void anUndeclaredNameInASourceFileIsAnError() {
        KernelFrontend.LoweredSource s = source("void f(void)\n{\n\tirq_stat_like.count++;\n}\n", Set.of());
        assertEquals("k.c:3:2: undeclared variable 'irq_stat_like'", s.notLowered().get(0).why().getMessage());
    }

    /** A source file read on its own may miss its tree's headers; a harness may not miss its files. */
    @Test
    void aMissingLocalHeaderIsSkippedOnlyForASourceFile(@TempDir Path dir) throws IOException {
        String text = "#include \"not-here.h\"\nlong x;\nvoid f(void)\n{\n\tWRITE_ONCE(x, 1);\n}\n";
        assertEquals(1, source(text, Set.of()).program().threads().size());
        InputException e = assertThrows(InputException.class, () -> KernelFrontend.harness(
                "C t\n#include \"not-here.h\"\n{\n}\nP0(void)\n{\n}\nexists (0:r=0)\n", "t.litmus", KernelOptions.defaults()));
        assertTrue(e.getMessage().startsWith("t.litmus:2:10: "), e.getMessage());

        Files.writeString(dir.resolve("here.h"), "#define VALUE 7\n");
        Program p = KernelFrontend.harness("C t\n#include \"here.h\"\nlong x;\n{\n}\nP0(void)\n{\n\tWRITE_ONCE(x, VALUE);\n}\n",
                "t.litmus", KernelOptions.defaults().withPreprocessorArgs(List.of("-I", dir.toString())));
        assertEquals(List.of("store.64 [&x] = 7"), p.threads().get(0).code().stream().map(Instr::toString).toList());
    }

    /** A header's declaration macro is skipped; a use of what it declares says which macro that was. */
    @Test
    void aDeclarationMacroWhoseDefinitionWasNotReadIsNamedAtAUse() {
        String text = "DEFINE_TABLE_LIKE(buckets, 4);\nlong x;\nvoid f(void)\n{\n\tWRITE_ONCE(x, 1);\n}\n"
                + "void g(void)\n{\n\tWRITE_ONCE(buckets, 1);\n}\n";
        KernelFrontend.LoweredSource s = source(text, Set.of());
        assertEquals(List.of("f"), s.program().threads().stream().map(t -> t.name()).toList());
        assertEquals("k.c:9:13: undeclared variable 'buckets' (DEFINE_TABLE_LIKE at k.c:1:1 may declare it, but its "
                + "definition was not read)", s.notLowered().get(0).why().getMessage());
    }

    /** The doorbell instructions as the kernel's opcode and feature macros spell them. */
    @Test
    void opcodeAndFeatureMacrosGiveTheDoorbellInstructions() {
        assertEquals(List.of("msg = 1", "store.64 [&ipi@1] = 1", "lwsync", "lwsync"), p0("",
                """
                unsigned long msg = 1;
                asm volatile(ASM_FTR_IFSET(PPC_MSGSND(%1), PPC_MSGSNDP(%1), %0) : : "i" (CPU_FTR_HVMODE), "r" (msg));
                asm volatile(ASM_FTR_IFSET(PPC_MSGSYNC " ; lwsync", "", %0) : : "i" (CPU_FTR_HVMODE | CPU_FTR_ARCH_300));"""));
    }
}
