package org.powercheck.frontend.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each {@code NAME.c} in {@code src/test/resources/preprocess/golden} preprocesses to exactly
 * {@code NAME.expected}. A first line {@code // flags: -D... -I...} gives the options. Run with
 * {@code -Dpowercheck.regenerate=true} to rewrite the expected files, then review the diff.
 */
class GoldenOutputTest {
    private static final Path DIR = Path.of("src", "test", "resources", "preprocess", "golden");
    private static final String FLAGS = "// flags:";

    static Stream<Path> sources() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            List<Path> sorted = files.filter(f -> f.toString().endsWith(".c")).sorted().toList();
            return sorted.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void outputMatchesTheExpectedFile(Path source) throws IOException {
        String firstLine = Files.readAllLines(source).get(0);
        List<String> flags = firstLine.startsWith(FLAGS)
                ? Arrays.asList(firstLine.substring(FLAGS.length()).trim().split("\\s+")) : List.of();
        PreprocessorOptions options = PreprocessorOptions.builder().arguments(flags).build();
        String actual = new Preprocessor(options).run(source).text();
        Path expected = source.resolveSibling(source.getFileName().toString().replaceFirst("\\.c$", ".expected"));
        if (Boolean.getBoolean("powercheck.regenerate")) {
            Files.writeString(expected, actual);
        }
        assertEquals(Files.readString(expected), actual);
    }
}
