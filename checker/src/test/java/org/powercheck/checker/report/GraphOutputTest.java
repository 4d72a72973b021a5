package org.powercheck.checker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.powercheck.checker.cli.CliRun;

/** Where --graph writes, and the messages when it cannot. */
class GraphOutputTest {
    @Test
    void svgWithoutDotNamesTheGraphvizPackage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GraphOutput.of("out.svg", false, Optional.empty()));
        assertEquals("rendering SVG needs Graphviz's 'dot' on the PATH: install the graphviz package "
                + "(apt-get install graphviz), or ask for FILE.dot", e.getMessage());
        assertEquals(Path.of("out.dot"), GraphOutput.of("out.dot", false, Optional.empty()).file());
    }

    @Test
    void severalTestsGetOneFileEach() {
        GraphOutput g = GraphOutput.of("pics/run.dot", true, Optional.empty());
        assertEquals(Path.of("pics/run-MP+lwsync+po.dot"), g.fileFor("MP+lwsync+po"));
        assertEquals(Path.of("pics/run-a_b.dot"), g.fileFor("a/b"));
        assertEquals(Path.of("pics/run.dot"), GraphOutput.of("pics/run.dot", false, Optional.empty()).fileFor("x"));
    }

    @Test
    void anotherExtensionIsAUsageError() {
        CliRun run = CliRun.real("check", "--graph", "out.png", org.powercheck.checker.cli.ProjectPaths.examples().resolve("MP.litmus").toString());
        assertEquals(2, run.status());
        assertEquals("powercheck: --graph needs a file ending in .dot or .svg, not 'out.png'\n", run.err());
    }
}
