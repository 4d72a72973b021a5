package org.powercheck.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every manifest of the project says, per row, whether its expectation comes from an
 * independent source: column {@code independent} is {@code yes} only for herd7's results and the
 * specification's scenarios, whose {@code source} names them; {@code no} for expectations
 * argued from a similar shape or from powercheck's own model.
 */
class ManifestProvenanceTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"examples/kernel/harness/EXPECTED.tsv", "specs/EXPECTED.tsv", "examples/litmus/EXPECTED.tsv",
            "examples/mixed/EXPECTED.tsv"})
    void everyRowSaysWhetherItsExpectationIsIndependent(String manifest) throws IOException {
        List<String> lines = Files.readAllLines(ProjectPaths.root().resolve(manifest));
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int source = header.indexOf("source"), independent = header.indexOf("independent");
        assertTrue(source >= 0 && independent >= 0, "columns source and independent: " + header);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] f = line.split("\t", -1);
            assertEquals(header.size(), f.length, line);
            String why = f[source];
            boolean fromHerdOrSpec = (why.contains("herd7") || why.startsWith("scenarios.md"))
                    && !why.startsWith("as ") && !why.contains("expectation from") && !why.startsWith("model")
                    && !why.contains("model observation");
            assertEquals(fromHerdOrSpec ? "yes" : "no", f[independent], Path.of(manifest) + ": " + line);
        }
    }
}
