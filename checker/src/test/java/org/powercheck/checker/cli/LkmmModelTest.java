package org.powercheck.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --model lkmm}: C tests judged by the Linux-kernel memory model (its core), on both
 * engines. Expected verdicts are herd7's with the v6.6 LKMM (the first test is the kernel's
 * MP+fencewmbonceonce+fencermbonceonce, the second its SB+poonceonces, the third
 * SB+fencembonceonces, the last its MP+poonceonces).
 */
class LkmmModelTest {
    @TempDir
    Path dir;

    private Path write(String name, String body) throws IOException {
        Path f = dir.resolve(name + ".litmus");
        Files.writeString(f, "C " + name + "\n\n{}\n\n" + body);
        return f;
    }

    private static final String MP = """
            P0(int *x, int *y)
            {
            	WRITE_ONCE(*x, 1);
            	%s
            	WRITE_ONCE(*y, 1);
            }

            P1(int *x, int *y)
            {
            	int r0;
            	int r1;

            	r0 = READ_ONCE(*y);
            	%s
            	r1 = READ_ONCE(*x);
            }

            exists (1:r0=1 /\\ 1:r1=0)
            """;

    private static final String SB = """
            P0(int *x, int *y)
            {
            	int r0;

            	WRITE_ONCE(*x, 1);
            	%s
            	r0 = READ_ONCE(*y);
            }

            P1(int *x, int *y)
            {
            	int r0;

            	WRITE_ONCE(*y, 1);
            	%s
            	r0 = READ_ONCE(*x);
            }

            exists (0:r0=0 /\\ 1:r0=0)
            """;

    @Test
    void verdictsOfTheLkmm() throws IOException {
        Path mpFences = write("MP+wmb+rmb", MP.formatted("smp_wmb();", "smp_rmb();"));
        Path sb = write("SB", SB.formatted("", ""));
        Path sbMb = write("SB+mbs", SB.formatted("smp_mb();", "smp_mb();"));
        Path mp = write("MP", MP.formatted("", ""));
        for (String engine : new String[] {"sat", "explicit"}) {
            CliRun run = CliRun.real("check", "-q", "--model", "lkmm", "--engine", engine,
                    mpFences.toString(), sb.toString(), sbMb.toString(), mp.toString());
            assertEquals("""
                    Observation MP+wmb+rmb Never 0 3
                    Observation SB Sometimes 1 3
                    Observation SB+mbs Never 0 3
                    Observation MP Sometimes 1 3
                    """, run.out(), engine + ": " + run.err());
        }
    }

    private static final String LB_CTRL = """
            P0(int *x, int *y, int *z)
            {
            	int r0;

            	r0 = READ_ONCE(*x);
            	if (r0) {
            		%s
            	}
            	%s
            }

            P1(int *x, int *y)
            {
            	int r0;

            	r0 = READ_ONCE(*y);
            	smp_mb();
            	WRITE_ONCE(*x, 1);
            }

            exists (0:r0=1 /\\ 1:r0=1)
            """;

    /** herd7's C control dependency reaches the branches of the if only; on POWER it reaches everything after. */
    @Test
    void anIfControlsItsBranchesOnly() throws IOException {
        Path inside = write("LB+ctrl", LB_CTRL.formatted("WRITE_ONCE(*y, 1);", ""));
        Path after = write("LB+ctrl-after", LB_CTRL.formatted("WRITE_ONCE(*z, 1);", "WRITE_ONCE(*y, 1);"));
        for (String engine : new String[] {"sat", "explicit"}) {
            assertEquals("Observation LB+ctrl Never 0 2\nObservation LB+ctrl-after Sometimes 1 3\n",
                    CliRun.real("check", "-q", "--model", "lkmm", "--engine", engine, inside.toString(), after.toString()).out(),
                    engine);
            assertEquals("Observation LB+ctrl Never 0 2\nObservation LB+ctrl-after Never 0 3\n",
                    CliRun.real("check", "-q", "--engine", engine, inside.toString(), after.toString()).out(), engine);
        }
    }

    @Test
    void primitivesTheLkmmDoesNotHaveYetAreUnsupported() throws IOException {
        Path xchg = write("X", "P0(int *x)\n{\n\tint r0;\n\n\tr0 = xchg(x, 1);\n}\n\nexists (0:r0=0)\n");
        CliRun run = CliRun.real("check", "-q", "--model", "lkmm", xchg.toString());
        assertEquals(xchg + ":9:7: not supported yet: xchg\n", run.err());
        // the same test is fine on POWER
        assertEquals(0, CliRun.real("check", "-q", xchg.toString()).err().length());
    }
}
