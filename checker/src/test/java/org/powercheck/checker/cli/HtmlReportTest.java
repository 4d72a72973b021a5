package org.powercheck.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercheck.checker.report.Graphviz;

/**
 * {@code --format html}: one self-contained page, parsed with jsoup: the table of tests with
 * verdicts and times, the trace of the counterexamples, the why-forbidden of the forbidden test,
 * a graph per test that has one; and the same page loaded by headless Chromium.
 */
class HtmlReportTest {
    private static final Path ROOT = ProjectPaths.root();
    private static final List<String> TESTS = List.of(
            ROOT.resolve("examples/litmus/MP+lwsync+po.litmus").toString(),
            ROOT.resolve("examples/litmus/MP+lwsync+addr.litmus").toString(),
            ROOT.resolve("specs/S2-sender-without-mb/S2-nomb-inloop.litmus").toString());
    private static CliRun run;
    private static Document page;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void report() {
        String[] args = {"check", "--jobs", "1", "--trace", "--format", "html", TESTS.get(0), TESTS.get(1), TESTS.get(2)};
        run = CliRun.real(args);
        page = Jsoup.parse(run.out());
    }

    @Test
    void theTableListsEveryTestWithItsVerdictAndTime() {
        assertEquals(1, run.status(), run.err());
        Elements rows = page.select("table#tests tbody tr");
        assertEquals(3, rows.size());
        assertEquals(List.of("MP+lwsync+po", "MP+lwsync+addr", "S2-nomb-inloop"), rows.stream().map(r -> r.child(0).text()).toList());
        assertEquals(List.of("Allowed", "Forbidden", "Allowed"), rows.stream().map(r -> r.child(2).text()).toList());
        assertEquals(List.of("counterexample", "no-counterexample", "counterexample"),
                rows.stream().map(r -> r.child(4).text()).toList());
        for (Element r : rows) assertTrue(r.child(5).text().matches("[0-9]+\\.[0-9]{2}"), r.child(5).text());
        for (Element r : rows) {
            String target = r.child(0).selectFirst("a").attr("href");
            assertTrue(target.startsWith("#") && page.getElementById(target.substring(1)) != null, "link " + target);
        }
    }

    @Test
    void eachTestHasItsTraceOrWhyForbiddenAndAGraph() {
        Elements sections = page.select("section.test");
        assertEquals(3, sections.size());
        assertTrue(sections.get(0).selectFirst("pre.trace").text().contains("nothing orders R y=1 (d) before R x=0 (e) on P1"));
        assertTrue(sections.get(1).selectFirst("pre.why").text().contains("observation (irreflexive fre;prop;hb*)"));
        assertTrue(sections.get(2).selectFirst("pre.trace").text().contains("Missing ordering"));
        for (Element s : sections) {
            boolean svg = Graphviz.dot().isPresent();
            Element graph = s.selectFirst(svg ? "div.graph svg" : "details pre.dot");
            assertTrue(graph != null, "no graph in " + s.selectFirst("h2").text());
            if (svg) assertTrue(graph.select("g.node").size() >= 4, "nodes in the graph of " + s.selectFirst("h2").text());
        }
    }

    @Test
    void thePageNeedsNothingElse() {
        assertTrue(page.select("script, link, img, iframe").isEmpty(), "the page loads nothing");
        for (Element a : page.select("a[href]")) assertTrue(a.attr("href").startsWith("#"), a.attr("href"));
    }

    /** Headless Chromium loads the page and its DOM still has the table and the graphs. */
    @Test
    void chromiumOpensIt() throws IOException, InterruptedException {
        Optional<Path> chromium = chromium();
        assumeTrue(chromium.isPresent(), "Chromium is not installed (.ci/run installs it): skipping the browser check");
        Path html = tmp.resolve("report.html");
        Files.writeString(html, run.out(), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(chromium.get().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + tmp.resolve("profile"), "--dump-dom", html.toUri().toString())
                .redirectError(tmp.resolve("chromium.err").toFile()).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        Document loaded = Jsoup.parse(dom);
        assertEquals(3, loaded.select("table#tests tbody tr").size(), "table in the DOM Chromium built: " + dom.length() + " chars");
        if (Graphviz.dot().isPresent()) assertEquals(3, loaded.select("div.graph svg").size(), "graphs in Chromium's DOM");
    }

    private static Optional<Path> chromium() {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "chromium-headless-shell", "google-chrome")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
