package org.powercheck.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A herd C test means the same with or without an {@code #include}: both are read with the
 * standard prelude, so including it again (or a header that only names what the threads could
 * write themselves) changes neither the IR nor the result.
 */
class IncludeMeaningTest {
    private static final String THREADS = String.join("\n",
            "{ x = 0; y = 0; }",
            "P0(int *x, int *y)",
            "{",
            "\tWRITE_ONCE(*x, 1);",
            "\tRELEASE(y, 1);",
            "}",
            "P1(int *x, int *y, atomic_t *v)",
            "{",
            "\tint r0 = smp_load_acquire(y);",
            "\tint r1 = READ_ONCE(*x);",
            "\tatomic_inc(v);",
            "}",
            "exists (1:r0=1 /\\ 1:r1=0)",
            "");

    @TempDir
    Path dir;

    /** The test with {@code preamble} on its second line, and {@code release} for {@code RELEASE}. */
    private Path test(String name, String preamble, String release) throws IOException {
        Path file = dir.resolve(name + ".litmus");
        Files.writeString(file, "C MP+rel+acq\n" + preamble + "\n" + THREADS.replace("RELEASE", release));
        return file;
    }

    /** A run's output with the test's file name made neutral. */
    private static String run(String command, Path file) {
        CliRun r = CliRun.real(command, file.toString());
        return r.status() + "\n" + r.out().replace(file.toString(), "T").replace(file.getFileName().toString(), "T")
                + r.err();
    }

    @Test
    void includingThePreludeChangesNeitherTheIrNorTheResult() throws IOException {
        try (InputStream prelude = getClass().getResourceAsStream("/org/powercheck/frontend/kernel/prelude.h")) {
            Files.write(dir.resolve("prelude.h"), prelude.readAllBytes());
        }
        Path plain = test("plain", "", "smp_store_release");
        Path included = test("included", "#include \"prelude.h\"", "smp_store_release");

        String ir = run("parse", plain);
        assertTrue(ir.contains("store.32 [&x] = 1") && ir.contains("load-reserve.32 [&v]"), ir);
        assertEquals(ir, run("parse", included));
        String result = run("check", plain);
        assertTrue(result.contains("Observation MP+rel+acq Never 0"), result);
        assertEquals(withoutTimes(result), withoutTimes(run("check", included)));
    }

    @Test
    void anIncludedMacroMeansWhatTheSameMacroInTheTestMeans() throws IOException {
        Files.writeString(dir.resolve("release.h"), "#define STORE_RELEASE(p, v) smp_store_release(p, v)\n");
        Path defined = test("defined", "#define STORE_RELEASE(p, v) smp_store_release(p, v)", "STORE_RELEASE");
        Path included = test("included", "#include \"release.h\"", "STORE_RELEASE");
        String ir = run("parse", defined);
        assertTrue(ir.contains("lwsync"), ir);
        assertEquals(ir, run("parse", included));
        assertEquals(withoutTimes(run("check", defined)), withoutTimes(run("check", included)));
    }

    private static String withoutTimes(String out) {
        return out.replaceAll("(?m)^Time .*$", "");
    }
}
