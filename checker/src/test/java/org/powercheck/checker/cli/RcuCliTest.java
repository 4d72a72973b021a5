package org.powercheck.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RCU and SRCU from the command line: verdicts under both models and engines, misuse at the call. */
class RcuCliTest {
    @TempDir
    Path dir;

    /** A reader's section that saw the updater's first write must have ended before its second (herd7: Never). */
    private static final String SRCU_GP = """
            C srcu-gp

            {}

            P0(int *x, int *y, struct srcu_struct *s)
            {
            \tint r0;
            \tint r1;
            \tint r2;

            \tr0 = srcu_read_lock(s);
            \tr1 = READ_ONCE(*x);
            \tr2 = READ_ONCE(*y);
            \tsrcu_read_unlock(s, r0);
            }

            P1(int *x, int *y, struct srcu_struct *s)
            {
            \tWRITE_ONCE(*y, 1);
            \tsynchronize_srcu(s);
            \tWRITE_ONCE(*x, 1);
            }

            exists (0:r1=1 /\\ 0:r2=0)
            """;

    /** The same with the grace period of another domain: nothing orders the reader. */
    private static final String OTHER_DOMAIN = SRCU_GP.replace("synchronize_srcu(s)", "synchronize_srcu(t)")
            .replace("struct srcu_struct *s)", "struct srcu_struct *s, struct srcu_struct *t)").replace("C srcu-gp", "C other-domain");

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @ParameterizedTest
    @CsvSource({"ppc,sat", "ppc,explicit", "lkmm,sat", "lkmm,explicit"})
    void srcuGracePeriodOrdersOnlyItsOwnDomain(String model, String engine) throws IOException {
        CliRun same = CliRun.real("check", "--model", model, "--engine", engine, write("srcu-gp.litmus", SRCU_GP).toString());
        assertEquals(0, same.status(), same.out() + same.err());
        assertTrue(same.out().contains("Observation srcu-gp Never 0 3"), same.out());
        CliRun other = CliRun.real("check", "--model", model, "--engine", engine, write("other.litmus", OTHER_DOMAIN).toString());
        assertEquals(1, other.status(), other.out() + other.err());
        assertTrue(other.out().contains("Observation other-domain Sometimes 1 3"), other.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ppc", "lkmm"})
    void misuseIsAnInputErrorAtTheCall(String model) throws IOException {
        Path wrong = write("wrong.litmus", SRCU_GP.replace("srcu_read_unlock(s, r0)", "srcu_read_unlock(s, 1)"));
        CliRun run = CliRun.real("check", "--model", model, wrong.toString());
        assertEquals(2, run.status(), run.out());
        assertEquals(wrong + ":14:2: srcu_read_unlock() given the constant index 1, not the value srcu_read_lock() returned"
                + " (herd7 flags unmatched-srcu-lock and unmatched-srcu-unlock)\n", run.err());
    }
}
