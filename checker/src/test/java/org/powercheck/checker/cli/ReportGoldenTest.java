package org.powercheck.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.powercheck.checker.report.Graphviz;

/**
 * The whole text, JSON and DOT outputs of the reports, against examples/reports/NAME.FORMAT
 * (times masked, paths relative to the project); regenerate with -Dpowercheck.regenerate=true
 * and review the diff. Cases: an allowed and a forbidden litmus test, and an IPI scenario.
 */
class ReportGoldenTest {
    /** name in examples/reports, and the test it reports on (relative to the project root) */
    private static final List<String[]> CASES = List.of(
            new String[] {"MP+lwsync+po", "examples/litmus/MP+lwsync+po.litmus"},
            new String[] {"MP+lwsync+addr", "examples/litmus/MP+lwsync+addr.litmus"},
            new String[] {"S2-nomb-inloop", "specs/S2-sender-without-mb/S2-nomb-inloop.litmus"},
            new String[] {"S7-save-all", "specs/S7-fp-register-save/S7-save-all.litmus"});

    @TempDir
    Path tmp;

    private static Path reports() {
        return ProjectPaths.root().resolve("examples/reports");
    }

    private static String relative(String output) {
        String root = ProjectPaths.root().toAbsolutePath().normalize() + "/";
        return output.replace(root, "");
    }

    static String mask(String output) {
        return GoldenFiles.maskTime(relative(output))
                .replaceAll("\"(time_ms|solver_ms)\":[0-9.]+", "\"$1\":0");
    }

    @TestFactory
    Stream<DynamicTest> outputsMatchTheGoldenFiles() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] c : CASES) {
            Path test = ProjectPaths.root().resolve(c[1]);
            tests.add(DynamicTest.dynamicTest(c[0] + ".txt", () ->
                    compare(c[0] + ".txt", CliRun.real("check", "--jobs", "1", "--trace", test.toString()).out())));
            tests.add(DynamicTest.dynamicTest(c[0] + ".json", () ->
                    compare(c[0] + ".json", CliRun.real("check", "--jobs", "1", "--trace", "--format", "json",
                            test.toString()).out())));
            tests.add(DynamicTest.dynamicTest(c[0] + ".dot", () -> {
                Path dot = tmp.resolve(c[0] + ".dot");
                CliRun run = CliRun.real("check", "--jobs", "1", "--graph", dot.toString(), test.toString());
                compare(c[0] + ".dot", Files.isRegularFile(dot) ? Files.readString(dot) : "(no graph) " + run.err());
            }));
        }
        return tests.stream();
    }

    private static void compare(String name, String actual) throws IOException {
        Path golden = reports().resolve(name);
        String masked = mask(actual);
        if (GoldenFiles.REGENERATE) {
            Files.writeString(golden, masked, StandardCharsets.UTF_8);
            return;
        }
        String expected = Files.isRegularFile(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : "(missing " + golden + ")";
        assertEquals(expected, masked, name);
    }

    /** The SVG of the IPI counterexample has a node for every event and an edge for every edge of the trace. */
    @Test
    void svgHasEveryEventAndEdgeOfTheTrace() throws IOException {
        assumeTrue(Graphviz.dot().isPresent(), "Graphviz's dot is not on the PATH (.ci/run installs graphviz)");
        Path test = ProjectPaths.specs().resolve("S2-sender-without-mb/S2-nomb-inloop.litmus");
        Path svg = tmp.resolve("s2.svg");
        CliRun run = CliRun.real("check", "--jobs", "1", "--graph", svg.toString(), test.toString());
        assertEquals(1, run.status(), run.err());
        Document doc = Jsoup.parse(Files.readString(svg), "", Parser.xmlParser());
        Set<String> titles = new HashSet<>();
        for (Element t : doc.select("g > title")) titles.add(t.text());
        List<String> trace = run.out().lines().toList();
        int events = 0, edges = 0;
        for (String line : trace) {
            var event = java.util.regex.Pattern.compile("^  ([a-z]+) +[RWF] ").matcher(line);
            if (event.find()) {
                assertTrue(titles.contains(event.group(1)), "no node for event " + event.group(1) + " in " + titles);
                events++;
            }
            var edge = java.util.regex.Pattern.compile("^  (rf|co|fr) +([a-z]+|init) -> ([a-z]+):").matcher(line);
            if (edge.find()) {
                String from = edge.group(2).equals("init") ? null : edge.group(2);
                boolean found = titles.stream().anyMatch(t -> t.endsWith("->" + edge.group(3))
                        && (from == null ? t.startsWith("init_") : t.startsWith(from + "->")));
                assertTrue(found, "no edge " + line.strip() + " in the SVG");
                edges++;
            }
        }
        assertTrue(events > 20 && edges > 5, "the trace was read: " + events + " events, " + edges + " edges");
    }
}
