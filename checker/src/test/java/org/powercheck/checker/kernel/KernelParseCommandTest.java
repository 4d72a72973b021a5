package org.powercheck.checker.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.powercheck.checker.cli.CliRun;
import org.powercheck.checker.cli.ProjectPaths;

/** {@code powercheck parse} shows the IR of every kernel model and harness of {@code examples/kernel}. */
class KernelParseCommandTest {
    static Stream<String> files() throws IOException {
        Path kernel = ProjectPaths.root().resolve("examples/kernel");
        try (Stream<Path> all = Files.walk(kernel)) {
            // realtree/ reads a kernel tree's files: KernelTreeHarnessTest checks it when a tree is given
            return all.filter(Files::isRegularFile).filter(p -> !kernel.relativize(p).startsWith("realtree"))
                    .filter(p -> p.toString().endsWith(".c") || p.toString().endsWith(".h")
                            || p.toString().endsWith(".litmus"))
                    .map(p -> kernel.relativize(p).toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void parseShowsTheLoweredCode(String name) {
        Path file = ProjectPaths.root().resolve("examples/kernel").resolve(name);
        CliRun run = CliRun.real("parse", file.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith("C "), run.out());
        assertTrue(run.out().contains("memory (cell=initial value/bits):"), run.out());
    }

    @Test
    void parseErrorsAreOneLineWithThePosition() throws IOException {
        Path bad = Files.createTempFile("broken", ".c");
        try {
            Files.writeString(bad, "int f(void)\n{\n\treturn g(1);\n}\n");
            CliRun run = CliRun.real("parse", bad.toString());
            assertEquals(0, run.status(), run.err());
            assertTrue(run.out().contains("havoc"), run.out());
            Files.writeString(bad, "int f(void)\n{\n\treturn 1 +;\n}\n");
            CliRun error = CliRun.real("parse", bad.toString());
            assertEquals(2, error.status());
            assertEquals(1, error.errLines());
            assertTrue(error.err().startsWith(bad + ":3:"), error.err());
        } finally {
            Files.delete(bad);
        }
    }

    /**
     * A kernel file read out of its tree: the functions that lower are printed, each one that does
     * not is named on stdout and its error is one line on stderr; the status is then 2.
     */
    @Test
    void aFunctionThatCannotBeLoweredIsReportedAndTheOthersPrinted(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ipi_like.c");
        Files.writeString(file, String.join("\n",
                "#include \"local_header.h\"",
                "struct msgs { long word; };",
                "static DEFINE_PER_CPU(struct msgs, ipi_msgs);",
                "void set_message(int cpu)",
                "{",
                "\tsmp_mb();",
                "\tWRITE_ONCE(per_cpu(ipi_msgs, cpu).word, 1);",
                "}",
                "static irq_stat_like_t demux(void)",
                "{",
                "\tirq_stat_like_t all = xchg(&this_cpu_ptr(&ipi_msgs)->word, 0);",
                "\tif (all)",
                "\t\tsmp_mb();",
                "\treturn all;",
                "}",
                ""));
        CliRun run = CliRun.real("parse", file.toString());
        assertEquals(2, run.status(), run.err());
        assertTrue(run.out().contains("set_message (thread 0)"), run.out());
        assertTrue(run.out().contains("  6:2      sync\n"), run.out());
        assertTrue(run.out().contains("not lowered: 1 of 2 functions (errors on stderr): demux\n"), run.out());
        assertEquals(1, run.errLines(), run.err());
        assertTrue(run.err().startsWith(file + ":12:6: 'irq_stat_like_t' is used, but its type is not known"),
                run.err());
        assertTrue(run.err().endsWith("(function 'demux' is not lowered)\n"), run.err());

        CliRun one = CliRun.real("parse", "--function", "set_message", file.toString());
        assertEquals(0, one.status(), one.err());
        assertEquals("", one.err());
        assertTrue(!one.out().contains("not lowered"), one.out());
    }

    /** -D reaches the preprocessor of a harness: here it chooses between two barriers. */
    @Test
    void defineFlagsChooseTheConfiguration(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mp_config.litmus");
        Files.writeString(dir.resolve("none.h"), "/* nothing */\n");
        Files.writeString(file, String.join("\n",
                "C mp_config",
                "#include \"none.h\"",
                "long data, flag;",
                "{",
                "}",
                "P0(void)",
                "{",
                "\tWRITE_ONCE(data, 1);",
                "#ifdef CONFIG_STRONG",
                "\tsmp_wmb();",
                "#endif",
                "\tWRITE_ONCE(flag, 1);",
                "}",
                "P1(void)",
                "{",
                "\tlong f = READ_ONCE(flag);",
                "\tsmp_rmb();",
                "\tlong d = READ_ONCE(data);",
                "}",
                "exists (1:f=1 /\\ 1:d=0)",
                ""));
        CliRun weak = CliRun.real("check", "-q", file.toString());
        assertEquals(1, weak.status(), weak.out() + weak.err());
        CliRun strong = CliRun.real("check", "-q", "-D", "CONFIG_STRONG", file.toString());
        assertEquals(0, strong.status(), strong.out() + strong.err());
    }
}
