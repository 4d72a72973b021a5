package org.powercheck.checker.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.powercheck.checker.cli.CliRun;
import org.powercheck.checker.cli.ProjectPaths;

/** {@code powercheck parse} shows the IR of every kernel model and harness of {@code examples/kernel}. */
class KernelParseCommandTest {
    static Stream<String> files() throws IOException {
        Path kernel = ProjectPaths.root().resolve("examples/kernel");
        try (Stream<Path> all = Files.walk(kernel)) {
            return all.filter(Files::isRegularFile)
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
}
