package org.powercheck.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interrupt options and declarations on the command line: verdicts, overrides, bad input. */
class InterruptCliTest {
    @TempDir
    Path dir;

    /** CPU1 masks around two stores; CPU0's IPI handler reads both (scenarios.md S11's shape). */
    private static final String MASKED = """
            C masked
            #include "empty.h"
            int a;
            int b;
            int seen_a;
            int seen_b;

            void handler(void)
            {
            	WRITE_ONCE(seen_a, READ_ONCE(a));
            	WRITE_ONCE(seen_b, READ_ONCE(b));
            }

            %s

            {
            }

            P0(void)
            {
            	pc_ipi_trigger(1);
            }

            P1(void)
            {
            	unsigned long flags;

            	local_irq_save(flags);
            	WRITE_ONCE(a, 1);
            	WRITE_ONCE(b, 1);
            	local_irq_restore(flags);
            }

            ~exists (seen_a=1 /\\ seen_b=0)
            """;

    private Path harness(String declarations) throws IOException {
        Files.writeString(dir.resolve("empty.h"), "");
        Path f = dir.resolve("masked.litmus");
        Files.writeString(f, MASKED.formatted(declarations));
        return f;
    }

    @Test
    void softMaskingHidesTheMiddleOfTheRegionAndAnywhereFindsItFlagged() throws IOException {
        Path f = harness("PC_INTERRUPT(1, IPI, handler);");
        for (String engine : new String[] {"sat", "explicit"}) {
            CliRun safe = CliRun.real("check", "--engine", engine, f.toString());
            assertEquals(0, safe.status(), safe.out() + safe.err());
            assertTrue(safe.out().contains("Interrupts masked: --ipi-entry=plain --interrupt-points=enabled "
                    + "--max-interrupts=P1:1\n"), safe.out());
            CliRun any = CliRun.real("check", "--engine", engine, "--interrupt-points", "anywhere", f.toString());
            assertEquals(1, any.status(), any.out() + any.err());
            assertTrue(any.out().contains("Interrupt masked: P1 took handler after " + f + ":29:2 (store.32 [&a] = 1)"),
                    any.out());
            assertTrue(any.out().contains("; a masked point: spurious under soft-masking semantics\n"), any.out());
        }
    }

    @Test
    void theHarnessSettingIsOverriddenByTheOption() throws IOException {
        Path f = harness("PC_INTERRUPT(1, IPI, handler);\nPC_INTERRUPT_POINTS(ANYWHERE);");
        assertEquals(1, CliRun.real("check", f.toString()).status());
        assertEquals(0, CliRun.real("check", "--interrupt-points", "enabled", f.toString()).status());
    }

    @Test
    void badOptionsAndDeclarationsAreOneLineAndExitTwo() throws IOException {
        Path f = harness("PC_INTERRUPT(1, IPI, handler);");
        CliRun negative = CliRun.real("check", "--max-interrupts", "-1", f.toString());
        assertEquals(2, negative.status());
        assertEquals("powercheck: --max-interrupts needs a positive whole number, not '-1'\n", negative.err());
        CliRun entry = CliRun.real("check", "--ipi-entry", "fast", f.toString());
        assertEquals(2, entry.status());
        assertEquals(1, entry.errLines(), entry.err());
        CliRun missing = CliRun.real("check", harness("PC_INTERRUPT(1, IPI, nosuch);").toString());
        assertEquals(2, missing.status());
        assertEquals(f + ":14:1: no function 'nosuch' to handle the interrupt\n", missing.err());
        CliRun unnamed = CliRun.real("check", harness("PC_INTERRUPT(1, IPI);").toString());
        assertEquals(2, unnamed.status());
        assertEquals(f + ":14:1: PC_INTERRUPT takes a CPU, IPI or ASYNC, and the handler's name, as in "
                + "PC_INTERRUPT(1, IPI, doorbell_exception)\n", unnamed.err());
    }
}
