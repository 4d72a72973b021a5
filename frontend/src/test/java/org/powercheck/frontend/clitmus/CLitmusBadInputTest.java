package org.powercheck.frontend.clitmus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.powercheck.frontend.Frontend;
import org.powercheck.ir.InputException;
import org.powercheck.ir.UnsupportedConstructException;

/**
 * Each file in {@code bad/c} holds one error; its first line says the exact message expected,
 * {@code (* expect: LINE:COL: message *)}, and loading it must raise exactly that
 * {@code file:LINE:COL: message} as bad input (not as an unsupported construct).
 */
class CLitmusBadInputTest {
    private static final Pattern EXPECT = Pattern.compile("^\\(\\* expect: (.*) \\*\\)$");

    static Stream<Path> badFiles() throws IOException, URISyntaxException {
        URL dir = CLitmusBadInputTest.class.getClassLoader().getResource("bad/c");
        try (Stream<Path> files = Files.list(Paths.get(dir.toURI()))) {
            return files.filter(p -> p.toString().endsWith(".litmus")).sorted().toList().stream();
        }
    }

    @Test
    void theMainErrorKindsHaveAFile() throws Exception {
        List<String> names = badFiles().map(p -> p.getFileName().toString()).toList();
        for (String kind : List.of("syntax-missing-semicolon", "undeclared-variable", "unknown-function",
                "condition-unknown-local", "condition-syntax")) {
            assertTrue(names.contains(kind + ".litmus"), kind);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void reportsOneClearError(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Matcher m = EXPECT.matcher(lines.get(0));
        assertTrue(m.matches(), "first line must be (* expect: LINE:COL: message *)");
        InputException e = assertThrows(InputException.class, () -> Frontend.load(file));
        assertFalse(e instanceof UnsupportedConstructException, e.getMessage());
        assertEquals(file + ":" + m.group(1), e.getMessage());
    }
}
