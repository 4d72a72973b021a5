package org.powercheck.frontend.ppc;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * Each file in {@code bad/ppc} holds one error; its first line says the exact message expected,
 * {@code (* expect: LINE:COL: message *)}, and loading it must raise exactly that
 * {@code file:LINE:COL: message}.
 */
class PpcBadInputTest {
    private static final Pattern EXPECT = Pattern.compile("^\\(\\* expect: (.*) \\*\\)$");

    static Stream<Path> badFiles() throws IOException, URISyntaxException {
        URL dir = PpcBadInputTest.class.getClassLoader().getResource("bad/ppc");
        try (Stream<Path> files = Files.list(Paths.get(dir.toURI()))) {
            return files.filter(p -> p.toString().endsWith(".litmus")).sorted().toList().stream();
        }
    }

    @Test
    void everyErrorKindHasAFile() throws Exception {
        assertTrue(badFiles().count() >= 20, "bad/ppc should cover every error kind");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void reportsOneClearError(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Matcher m = EXPECT.matcher(lines.get(0));
        assertTrue(m.matches(), "first line must be (* expect: LINE:COL: message *)");
        InputException e = assertThrows(InputException.class, () -> Frontend.load(file));
        assertEquals(file + ":" + m.group(1), e.getMessage());
    }

    @Test
    void missingFileIsAnInputError() {
        Path missing = Paths.get("no-such-dir", "missing.litmus");
        InputException e = assertThrows(InputException.class, () -> Frontend.load(missing));
        assertEquals(missing + ":1:1: cannot read the test: no such file", e.getMessage());
    }

    @Test
    void directoryIsAnInputError() throws Exception {
        Path dir = badFiles().findFirst().orElseThrow().getParent();
        InputException e = assertThrows(InputException.class, () -> Frontend.load(dir));
        assertEquals(dir + ":1:1: cannot read the test: it is a directory", e.getMessage());
    }

    @Test
    void unknownCharactersNeverEscapeAsLexerErrors() {
        String text = "PPC t\n{ 0:r2=x; }\n P0 ;\n li r1,1 ;\nexists (x=1 @ y=2)\n";
        InputException e = assertThrows(InputException.class, () -> PpcFrontend.parse(text, "t.litmus"));
        assertEquals("t.litmus:5:13: expected '/\\', '\\/', '=>' or ')' but found '@'", e.getMessage());
    }
}
