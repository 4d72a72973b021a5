package org.powercheck.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A harness calling an assembly function: the ELF ABI (argument in r3), byte offsets into a C
 * object, and the messages for bad assembly, each at its file:line:col with exit 2.
 */
class AssemblyCliTest {
    @TempDir
    Path dir;

    private static final String HARNESS = """
            C calls-asm
            #include "empty.h"
            PC_ASSEMBLY("store.S");
            struct pair { long a; long b; };
            struct pair p;
            void store_second(struct pair *q, long v);
            {
            }
            P0(void)
            {
            	store_second(&p, 5);
            }
            exists (p.b=5 /\\ p.a=0)
            """;

    private static final String ASSEMBLY = """
            	.text
            	.globl store_second
            store_second:
            	std r4,8(r3)	/* q->b = v: 8 bytes in, the second member */
            	blr
            """;

    private Path write(String assembly) throws IOException {
        Files.writeString(dir.resolve("empty.h"), "");
        Files.writeString(dir.resolve("store.S"), assembly);
        Path h = dir.resolve("calls-asm.litmus");
        Files.writeString(h, HARNESS);
        return h;
    }

    @Test
    void theArgumentsArriveInR3AndR4AndOffsetsAreBytes() throws IOException {
        CliRun run = CliRun.real("check", write(ASSEMBLY).toString());
        assertEquals(1, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("Observation calls-asm Always 1 0"), run.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "frobnicate r4,1|store.S:4:2: unknown instruction 'frobnicate'",
            "li r4,(1|store.S:4:2: unbalanced parentheses in 'r4,(1'",
            "b 3f|store.S:4:2: undefined label '3f' (no label 3: after it)",
            "b nowhere|store.S:4:2: undefined label 'nowhere'",
            ".macro foo a|store.S:4:2: '.macro foo' has no '.endm'",
            "ld r4,r3|store.S:4:2: 'ld' expects an address like 16(r3) but has 'r3'",
            "addi r40,r3,1|store.S:4:2: 'addi' expects a general register (r0-r31) but has 'r40'",
            ".endm|store.S:4:2: '.endm' without '.macro'",
            "stvx v0,r3|store.S:4:2: 'stvx' expects operands vS,rA,rB but has 2",
            "lfd f0,8(r3)@l|store.S:4:2: 'lfd' expects an address like 16(r3) but has '8(r3)@l'",
            "rfid|store.S:4:2: not supported yet: instruction 'rfid'",
    })
    void badAssemblyIsOneMessageAtItsPosition(String line, String message) throws IOException {
        Path h = write(ASSEMBLY.replace("\tstd r4,8(r3)\t/* q->b = v: 8 bytes in, the second member */", "\t" + line));
        CliRun run = CliRun.real("check", h.toString());
        assertEquals(2, run.status(), run.out() + run.err());
        String err = run.err().strip();
        assertTrue(err.endsWith(message), err);
        assertEquals(1, err.lines().count(), err);
    }
}
