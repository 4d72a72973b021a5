package org.powercheck.frontend.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.powercheck.ir.InputException;
import org.powercheck.ir.InterruptSource;
import org.powercheck.ir.Interrupts;
import org.powercheck.ir.Program;

/** PC_INTERRUPT and its settings: what a harness declares, and the errors at the declaration. */
class InterruptDeclarationsTest {
    private static Program harness(String declarations) {
        String text = """
                C irq
                int x;
                int seen;

                void handler(void)
                {
                	WRITE_ONCE(seen, READ_ONCE(x));
                }

                static void with_regs(struct pt_regs *regs)
                {
                	WRITE_ONCE(seen, 2);
                }

                void declared_only(void);

                %s

                {
                }

                P0(void)
                {
                	WRITE_ONCE(x, 1);
                }

                P1(void)
                {
                	WRITE_ONCE(x, 2);
                }

                exists (seen=1)
                """.formatted(declarations);
        return KernelFrontend.harness(text, "irq.litmus", KernelOptions.defaults());
    }

    private static List<String> code(InterruptSource s) {
        return s.handler().code().stream().map(Object::toString).toList();
    }

    @Test
    void anIpiSourceNamesItsHandlerAndTheTargetsTriggerCell() {
        Program p = harness("PC_INTERRUPT(1, IPI, handler);");
        Interrupts irq = p.interrupts();
        assertEquals(1, irq.sources().size());
        InterruptSource s = irq.sources().get(0);
        assertEquals("handler", s.name());
        assertEquals(1, s.cpu());
        assertEquals(InterruptSource.Kind.IPI, s.kind());
        assertEquals(Optional.of("ipi@1"), s.trigger());
        // the handler's body, lowered for CPU1 with registers of its own
        assertEquals(List.of("%t1 = load.32 [&x]", "store.32 [&seen] = %t1"), code(s));
        assertEquals(Map.of(), irq.maxPerCpu());
        assertEquals(Optional.empty(), irq.entry());
        assertEquals(Optional.empty(), irq.points());
    }

    @Test
    void anAsynchronousSourceHasNoTriggerAndAHandlersParametersAreNull() {
        Program p = harness("PC_INTERRUPT(1, ASYNC, with_regs);");
        InterruptSource s = p.interrupts().sources().get(0);
        assertEquals(InterruptSource.Kind.ASYNC, s.kind());
        assertEquals(Optional.empty(), s.trigger());
        assertEquals(List.of("store.32 [&seen] = 2"), code(s));
    }

    @Test
    void settingsAreRead() {
        Program p = harness("""
                PC_INTERRUPT(1, IPI, handler);
                PC_MAX_INTERRUPTS(1, 3);
                PC_IPI_ENTRY(CTRLISYNC);
                PC_INTERRUPT_POINTS(ANYWHERE);
                """);
        assertEquals(Map.of(1, 3), p.interrupts().maxPerCpu());
        assertEquals(Optional.of(Interrupts.Entry.CTRLISYNC), p.interrupts().entry());
        assertEquals(Optional.of(Interrupts.Points.ANYWHERE), p.interrupts().points());
    }

    private static String error(String declarations) {
        return assertThrows(InputException.class, () -> harness(declarations)).getMessage();
    }

    @Test
    void badDeclarationsAreErrorsAtTheDeclaration() {
        assertEquals("irq.litmus:17:1: PC_INTERRUPT takes a CPU, IPI or ASYNC, and the handler's name, as in "
                + "PC_INTERRUPT(1, IPI, doorbell_exception)", error("PC_INTERRUPT(1, IPI);"));
        assertEquals("irq.litmus:17:1: no function 'nosuch' to handle the interrupt",
                error("PC_INTERRUPT(1, IPI, nosuch);"));
        assertEquals("irq.litmus:17:1: the handler 'declared_only' has no body",
                error("PC_INTERRUPT(1, IPI, declared_only);"));
        assertEquals("irq.litmus:17:1: an interrupt source names its handler function, not '&handler'",
                error("PC_INTERRUPT(1, IPI, &handler);"));
        assertEquals("irq.litmus:17:1: no CPU 2 to interrupt: the harness has P0 to P1",
                error("PC_INTERRUPT(2, IPI, handler);"));
        assertEquals("irq.litmus:17:1: an interrupt source is IPI or ASYNC, not 'NMI'",
                error("PC_INTERRUPT(1, NMI, handler);"));
        assertEquals("irq.litmus:18:1: PC_MAX_INTERRUPTS needs a count of at least 1",
                error("PC_INTERRUPT(1, IPI, handler);\nPC_MAX_INTERRUPTS(1, 0);"));
        assertEquals("irq.litmus:17:1: PC_MAX_INTERRUPTS for CPU 0, which has no PC_INTERRUPT",
                error("PC_MAX_INTERRUPTS(0, 2);"));
        assertEquals("irq.litmus:17:1: PC_IPI_ENTRY takes one of PLAIN, CTRLISYNC", error("PC_IPI_ENTRY(fast);"));
    }
}
