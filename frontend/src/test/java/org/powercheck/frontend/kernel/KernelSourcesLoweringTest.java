package org.powercheck.frontend.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.powercheck.ir.InputException;

/**
 * Real kernel sources, which the project does not ship, read out of their tree the way
 * {@code powercheck parse FILE.c} reads them: every {@code .c} file under the directory named by
 * {@code powercheck.kernelSources} lowers function by function, and each function that does not
 * lower gives one {@code file:line:col: message} error; nothing else may go wrong (no crash, no
 * error without a position). Opt-in ({@code mvn test -Dpowercheck.kernelSources=DIR}).
 */
class KernelSourcesLoweringTest {
    private static final String POSITIONED = "[^\\n]+:\\d+:\\d+: [^\\n]+";

    @Test
    void kernelSourcesLowerFunctionByFunction() throws IOException {
        String dir = System.getProperty("powercheck.kernelSources");
        assumeTrue(dir != null, "set -Dpowercheck.kernelSources=DIR to lower real kernel sources");
        Path root = Path.of(dir);
        assumeTrue(Files.isDirectory(root), "no kernel sources at " + root);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".c")).sorted().toList();
        }
        List<String> problems = new ArrayList<>();
        int lowered = 0;
        int total = 0;
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            KernelFrontend.LoweredSource s;
            try {
                s = KernelFrontend.sourceFunctions(text, file.toString(), KernelOptions.defaults(), Set.of());
            } catch (InputException e) {
                // the whole file is refused (a syntax error, say): still one positioned message
                if (!e.getMessage().matches(POSITIONED)) problems.add(e.getMessage());
                System.out.printf("%s: not read: %s%n", root.relativize(file), e.getMessage());
                continue;
            } catch (RuntimeException e) {
                problems.add(file + ": " + e);
                continue;
            }
            for (KernelFrontend.NotLowered n : s.notLowered()) {
                if (!n.why().getMessage().matches(POSITIONED)) problems.add(n.why().getMessage());
            }
            int here = s.program().threads().size();
            lowered += here;
            total += here + s.notLowered().size();
            System.out.printf("%s: %d of %d functions lowered%n", root.relativize(file), here,
                    here + s.notLowered().size());
        }
        System.out.printf("all: %d of %d functions lowered in %d files%n", lowered, total, files.size());
        assertEquals(List.of(), problems);
    }
}
