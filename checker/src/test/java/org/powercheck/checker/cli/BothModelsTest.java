package org.powercheck.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --model both}: each test on POWER and under the LKMM, both directions of a
 * difference, herd7's verdict where the LKMM side is not supported yet, the known reason, the
 * summary, and an exit status that follows the POWER verdicts.
 */
class BothModelsTest {
    @TempDir
    Path dir;

    /** Two writes each side with smp_wmb: POWER's lwsync forbids x0=1 /\\ x1=1, the LKMM allows it. */
    private static final String TWO_PLUS_TWO_W = """
            C 2+2W+o-wmb-o+o-wmb-o
            {
            }
            P0(int *x0, int *x1)
            {
            	WRITE_ONCE(*x0, 1);
            	smp_wmb();
            	WRITE_ONCE(*x1, 2);
            }
            P1(int *x0, int *x1)
            {
            	WRITE_ONCE(*x1, 1);
            	smp_wmb();
            	WRITE_ONCE(*x0, 2);
            }
            exists (x0=1 /\\ x1=1)
            """;

    /** rcu_assign_pointer of NULL: a plain store on POWER, a release under the LKMM. */
    private static final String MP_NULL = """
            C MP+o-a+a-o
            {
            int x = 0;
            int *p = &x;
            int * 1:r1;
            }
            P0(int **p, int *y)
            {
            	WRITE_ONCE(*y, 1);
            	rcu_assign_pointer(*p, (void *)0);
            }
            P1(int **p, int *y)
            {
            	int *r1; int r2;
            	r1 = smp_load_acquire(p);
            	r2 = READ_ONCE(*y);
            }
            exists (1:r1=0 /\\ 1:r2=0)
            """;

    /** Message passing through an atomic bit operation, which the LKMM's linux-kernel.def does not have. */
    private static final String MP_SET_BIT = """
            C MP+o-setbit+testbit-o
            {
            }
            P0(unsigned long *x, int *y)
            {
            	WRITE_ONCE(*y, 1);
            	set_bit(0, x);
            }
            P1(unsigned long *x, int *y)
            {
            	int r1; int r2;
            	r1 = test_bit(0, x);
            	r2 = READ_ONCE(*y);
            }
            exists (1:r1=1 /\\ 1:r2=0)
            """;

    /** Message passing with release and acquire: forbidden under both. */
    private static final String MP_RELEASE_ACQUIRE = """
            C MP+rel-acq
            {
            }
            P0(int *x, int *y)
            {
            	WRITE_ONCE(*x, 1);
            	smp_store_release(y, 1);
            }
            P1(int *x, int *y)
            {
            	int r0; int r1;
            	r0 = smp_load_acquire(y);
            	r1 = READ_ONCE(*x);
            }
            exists (1:r0=1 /\\ 1:r1=0)
            """;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void printsBothVerdictsAndEachDifferenceWithItsReason() throws IOException {
        Path a = write("a.litmus", TWO_PLUS_TWO_W);
        Path b = write("b.litmus", MP_NULL);
        Path c = write("c.litmus", MP_RELEASE_ACQUIRE);
        Path manifest = write("EXPECTED.tsv", "path\tarch\tmodel\tverdict\tobservation\tcond\tflags\n"
                + "b.litmus\tC\tlinux-kernel.cat\tForbidden\tNever\texists\t\n");
        Path known = write("differences.tsv", "path\tdirection\treason\n"
                + "b.litmus\tpower-allows-lkmm-forbids\trcu_assign_pointer(p, NULL) is WRITE_ONCE in the kernel\n");
        CliRun run = CliRun.real("check", "--model", "both", "--jobs", "1", "--expect", manifest.toString(),
                "--differences", known.toString(), a.toString(), b.toString(), c.toString());
        assertEquals(a + ": POWER Forbidden, LKMM Allowed\n"
                + "  DIFFERENCE: the LKMM allows what POWER forbids (fine: the LKMM is weaker on purpose)\n"
                + "b.litmus: POWER Allowed, LKMM Forbidden\n"
                + "  DIFFERENCE: POWER allows what the LKMM forbids (kernel mapping or model mismatch worth a mail)\n"
                + "  known (differences.tsv): rcu_assign_pointer(p, NULL) is WRITE_ONCE in the kernel\n"
                + "  on POWER, P0: nothing orders WRITE_ONCE(*y, 1) -> stw (line 9) before rcu_assign_pointer(*p, "
                + "(void *)0) -> std (line 10): no fence between them; no dependency\n"
                + c + ": POWER Forbidden, LKMM Forbidden\n"
                + "3 tests: 1 same verdict, 1 POWER allows what the LKMM forbids (1 listed), 1 the LKMM allows what "
                + "POWER forbids, 0 not compared\n", run.out());
        assertEquals(1, run.status(), "the exit status follows POWER: b's outcome is reachable there");

        CliRun quiet = CliRun.real("check", "--model", "both", "-q", a.toString(), c.toString());
        assertEquals(a + ": POWER Forbidden, LKMM Allowed\n"
                + "  DIFFERENCE: the LKMM allows what POWER forbids (fine: the LKMM is weaker on purpose)\n"
                + "2 tests: 1 same verdict, 0 POWER allows what the LKMM forbids (0 listed), 1 the LKMM allows what "
                + "POWER forbids, 0 not compared\n", quiet.out());
        assertEquals(0, quiet.status(), "no outcome POWER reaches");
    }

    @Test
    void anUnsupportedSideIsNotCompared() throws IOException {
        Path u = write("u.litmus", MP_SET_BIT);
        CliRun run = CliRun.real("check", "--model", "both", u.toString());
        assertEquals(u + ": POWER Allowed, LKMM not supported yet: set_bit (" + u + ":7:2), test_bit (" + u
                + ":12:7) at " + u + ":7:2\n"
                + "1 tests: 0 same verdict, 0 POWER allows what the LKMM forbids (0 listed), 0 the LKMM allows what "
                + "POWER forbids, 1 not compared\n", run.out());
        assertEquals(1, run.status());
    }

    @Test
    void badModelChoicesAreOneUsageLine() throws IOException {
        Path a = write("a.litmus", TWO_PLUS_TWO_W);
        CliRun unknown = CliRun.real("check", "--model", "arm", a.toString());
        assertEquals(2, unknown.status());
        assertEquals("powercheck: --model must be one of ppc, lkmm, both, not 'arm'\n", unknown.err());
        CliRun missingFiles = CliRun.real("check", "--model", "arm", "no-such-file");
        assertEquals(unknown.err(), missingFiles.err(), "the model is checked before the files");
        CliRun bench = CliRun.real("bench", "--model", "both", a.toString());
        assertEquals(2, bench.status());
        assertEquals("powercheck: --model both is only for check (it runs each test under two models)\n", bench.err());
        CliRun format = CliRun.real("check", "--model", "both", "--format", "json", a.toString());
        assertEquals(2, format.status());
        assertEquals("powercheck: --model both prints a comparison: leave out --format\n", format.err());
        CliRun differences = CliRun.real("check", "--differences", "d.tsv", a.toString());
        assertEquals(2, differences.status());
        assertEquals("powercheck: --differences is for --model both\n", differences.err());
    }
}
