package org.powercheck.frontend.cparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.powercheck.frontend.preprocess.PreprocessedUnit;
import org.powercheck.frontend.preprocess.Preprocessor;
import org.powercheck.frontend.preprocess.PreprocessorOptions;
import org.powercheck.ir.InputException;

/**
 * Real kernel sources, which the project does not ship: every {@code .c} and {@code .h} file under
 * the directory named by the system property {@code powercheck.kernelSources} must parse with the
 * prelude. Opt-in: skipped unless the property names a directory
 * ({@code mvn test -Dpowercheck.kernelSources=DIR}), because kernel text is not ours to ship.
 */
class KernelSourcesTest {
    @Test
    void kernelSourcesParse() throws IOException {
        String dir = System.getProperty("powercheck.kernelSources");
        assumeTrue(dir != null, "set -Dpowercheck.kernelSources=DIR to parse real kernel sources");
        Path root = Path.of(dir);
        assumeTrue(Files.isDirectory(root), "no kernel sources at " + root);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".c") || p.toString().endsWith(".h")).sorted().toList();
        }
        assumeTrue(!files.isEmpty(), "no kernel sources at " + root);
        String prelude = KernelPreludeTest.resource(KernelPreludeTest.PRELUDE);
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            PreprocessorOptions options = PreprocessorOptions.builder().kernelPpc64le().define("CONFIG_SMP")
                    .define("CONFIG_PPC64").define("CONFIG_PPC_BOOK3S_64").define("CONFIG_PPC_BOOK3S")
                    .recordMissingQuotedIncludes(true).preInclude("prelude-macros.h", prelude).build();
            PreprocessedUnit pp;
            try {
                pp = new Preprocessor(options).run(file);
            } catch (InputException e) {
                problems.add("preprocessing: " + e.getMessage());
                continue;
            }
            CSyntax.Unit unit = CSyntax.tolerantUnit(pp.text(), pp::map, new TypeNames());
            for (InputException e : unit.errors()) {
                assertTrue(e.getMessage().matches("[^\\n]+:\\d+:\\d+: [^\\n]+"), e.getMessage());
                problems.add(e.getMessage());
            }
            System.out.printf("%s: %d lines, %d items%n", root.relativize(file), pp.lineCount(), unit.items().size());
        }
        assertEquals(List.of(), problems);
    }
}
