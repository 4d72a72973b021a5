package org.powercheck.frontend.ppc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.powercheck.frontend.Frontend;
import org.powercheck.ir.Program;
import org.powercheck.ir.StateKey;

/**
 * Every PPC test of the shared corpus parses, with the name herd7 reports, the thread count its
 * header row shows, the quantifier EXPECTED.tsv records, the condition herd7 prints and exactly
 * the keys herd7 prints in its final states.
 */
class PpcCorpusTest {
    private static final Pattern HEADER_ROW = Pattern.compile("(?m)^\\s*P0\\s*[|;].*$");
    private static Path root;
    private static Map<String, Map<String, String>> expected;

    @BeforeAll
    static void findCorpus() {
        root = SharedCorpus.root().orElse(null);
        if (root != null) expected = SharedCorpus.expected(root);
    }

    static Stream<Path> ppcTests() {
        return SharedCorpus.tests("ppc");
    }

    @Test
    void corpusIsPresent() {
        String why = "shared/litmus not found above the working directory";
        if (SharedCorpus.requiredHere()) assertNotNull(root, why + " (under CI it must be there)");
        Assumptions.assumeTrue(root != null, why + ": corpus tests skipped");
        assertTrue(ppcTests().count() > 1000, "the PPC corpus should hold over 1000 tests");
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("ppcTests")
    void parsesLikeHerd(Path file) throws IOException {
        String relative = root.relativize(file).toString().replace('\\', '/');
        Map<String, String> row = expected.get(relative);
        assertNotNull(row, "EXPECTED.tsv has no row for " + relative);

        Program program = Frontend.load(file);

        assertEquals(row.get("name"), program.name());
        assertEquals(Program.Arch.PPC, program.arch());
        assertEquals(headerThreadCount(file), program.threads().size(), "thread count");
        assertEquals(row.get("cond"), program.condition().quantifier().text, "quantifier");
        assertEquals(herdKeys(relative), keys(program), "observed keys");
        assertEquals(herdCondition(relative), HerdConditionFormat.format(program.condition()), "condition");
    }

    private static String herdCondition(String relative) {
        return SharedCorpus.herdOutput(root, relative).stream()
                .filter(l -> l.startsWith("Condition ")).findFirst().orElseThrow().substring("Condition ".length());
    }

    private static int headerThreadCount(Path file) throws IOException {
        Matcher m = HEADER_ROW.matcher(Files.readString(file, StandardCharsets.ISO_8859_1));
        assertTrue(m.find(), "no P0 header row in " + file);
        return m.group().split("\\|").length;
    }

    /** The keys of herd's first final state ({@code 0:r1=0; [x]=1;}). */
    private static List<String> herdKeys(String relative) {
        List<String> out = SharedCorpus.herdOutput(root, relative);
        int states = -1;
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).startsWith("States ")) states = i;
        }
        assertTrue(states >= 0, "no States line in herd output");
        List<String> keys = new ArrayList<>();
        for (String binding : out.get(states + 1).split(";")) {
            String b = binding.trim();
            if (!b.isEmpty()) keys.add(b.substring(0, b.lastIndexOf('=')));
        }
        return keys;
    }

    private static List<String> keys(Program program) {
        return program.observedKeys().stream().map(StateKey::toString).toList();
    }
}
