package org.powercheck.frontend.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.powercheck.ir.InputException;

/**
 * One file per kind of bad input in {@code src/test/resources/preprocess/bad}; its first line is
 * {@code // error: LINE:COL: message}, the one error the preprocessor must report.
 */
class BadInputTest {
    private static final Path DIR = Path.of("src", "test", "resources", "preprocess", "bad");
    private static final String MARKER = "// error: ";

    static Stream<Path> badFiles() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            List<Path> sorted = files.filter(f -> f.toString().endsWith(".c")).sorted().toList();
            return sorted.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void reportsOneErrorAtThePlaceOfTheMistake(Path file) throws IOException {
        String firstLine = Files.readAllLines(file).get(0);
        assertTrue(firstLine.startsWith(MARKER), file + " must start with " + MARKER);
        String expected = file + ":" + firstLine.substring(MARKER.length());
        InputException e = assertThrows(InputException.class,
                () -> new Preprocessor(PreprocessorOptions.defaults()).run(file));
        assertEquals(expected, e.getMessage());
    }
}
