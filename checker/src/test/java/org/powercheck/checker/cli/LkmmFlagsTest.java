package org.powercheck.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LKMM's flags as herd7 prints them: a {@code Flag NAME} line when some allowed execution
 * raises the flag, on both engines; a plain store that races with a read raises
 * {@code data-race}, the same store marked does not, and the verdict is the same either way.
 */
class LkmmFlagsTest {
    @TempDir
    Path dir;

    private static final String MP = """
            C %s

            {}

            P0(int *x, int *y)
            {
            	%s;
            	smp_store_release(y, 1);
            }

            P1(int *x, int *y)
            {
            	int r0;
            	int r1;

            	r0 = smp_load_acquire(y);
            	r1 = READ_ONCE(*x);
            }

            exists (1:r0=1 /\\ 1:r1=0)
            """;

    private Path write(String name, String store) throws IOException {
        Path f = dir.resolve(name + ".litmus");
        Files.writeString(f, MP.formatted(name, store));
        return f;
    }

    @Test
    void aPlainStoreReadConcurrentlyIsADataRace() throws IOException {
        Path plain = write("MP+plain", "*x = 1");
        Path marked = write("MP+once", "WRITE_ONCE(*x, 1)");
        for (String engine : new String[] {"sat", "explicit"}) {
            CliRun quiet = CliRun.real("check", "-q", "--model", "lkmm", "--engine", engine, plain.toString(), marked.toString());
            assertEquals("""
                    Observation MP+plain Never 0 3 (Flag data-race)
                    Observation MP+once Never 0 3
                    """, quiet.out(), engine + ": " + quiet.err());
            assertEquals(0, quiet.status(), engine);
            CliRun full = CliRun.real("check", "--model", "lkmm", "--engine", engine, plain.toString());
            assertEquals("""
                    Test MP+plain Allowed
                    States 3
                    1:r0=0; 1:r1=0;
                    1:r0=0; 1:r1=1;
                    1:r0=1; 1:r1=1;
                    No
                    Witnesses
                    Positive: 0 Negative: 3
                    Flag data-race
                    Condition exists (1:r0=1 /\\ 1:r1=0)
                    Observation MP+plain Never 0 3
                    Time MP+plain T

                    """, full.out().replaceAll("(?m)^Time (\\S+) \\S+$", "Time $1 T"), engine);
        }
    }

    @Test
    void jsonListsTheRaisedFlags() throws IOException {
        CliRun plain = CliRun.real("check", "--format", "json", "--model", "lkmm", write("MP+plain", "*x = 1").toString());
        assertEquals(1, plain.out().split("\"flags\":\\[\"data-race\"\\]", -1).length - 1, plain.out());
        CliRun marked = CliRun.real("check", "--format", "json", "--model", "lkmm", write("MP+once", "WRITE_ONCE(*x, 1)").toString());
        assertEquals(false, marked.out().contains("\"flags\""), marked.out());
    }

    @Test
    void powerHasNoFlags() throws IOException {
        CliRun run = CliRun.real("check", "-q", write("MP+plain", "*x = 1").toString());
        assertEquals("Observation MP+plain Never 0 3\n", run.out(), run.err());
    }
}
