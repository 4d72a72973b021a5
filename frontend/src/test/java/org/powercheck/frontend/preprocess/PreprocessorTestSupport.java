package org.powercheck.frontend.preprocess;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.powercheck.ir.InputException;

/** Runs the preprocessor on a text given in a test, as the file {@code t.c}. */
final class PreprocessorTestSupport {
    static final String FILE = "t.c";

    private PreprocessorTestSupport() {
    }

    static PreprocessedUnit run(String source, String... arguments) {
        PreprocessorOptions options = PreprocessorOptions.builder().arguments(List.of(arguments)).build();
        return new Preprocessor(options).run(source, FILE);
    }

    static String expand(String source, String... arguments) {
        return run(source, arguments).text();
    }

    /** The message of the InputException the source raises. */
    static String error(String source, String... arguments) {
        return assertThrows(InputException.class, () -> run(source, arguments)).getMessage();
    }
}
