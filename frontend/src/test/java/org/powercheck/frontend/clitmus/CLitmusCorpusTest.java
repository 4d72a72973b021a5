package org.powercheck.frontend.clitmus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.powercheck.ir.Program;
import org.powercheck.ir.UnsupportedConstructException;

/**
 * Every C test of the shared corpus ({@code shared/litmus/c}) either lowers to IR or is reported
 * as unsupported, never with another error. RCU and SRCU lower to their ppc64 sequences, so the
 * only unsupported tests are those whose condition the IR cannot express yet (one location
 * compared with another).
 */
class CLitmusCorpusTest {
    private static final String LOCATION_COMPARISON = "condition comparing two locations";

    private static final AtomicInteger LOWERED = new AtomicInteger();
    private static final Map<String, Integer> UNSUPPORTED = new TreeMap<>();

    static Optional<Path> corpus() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("litmus");
            if (Files.isDirectory(candidate.resolve("c"))) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    static Stream<String> tests() {
        Optional<Path> root = corpus();
        if (root.isEmpty()) return Stream.of("<no corpus>");
        try (Stream<Path> files = Files.walk(root.get().resolve("c"))) {
            return files.filter(p -> p.toString().endsWith(".litmus"))
                    .map(p -> root.get().relativize(p).toString()).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tests")
    void lowersOrIsReportedUnsupported(String path) throws IOException {
        Optional<Path> root = corpus();
        String why = "shared/litmus/c not found above the working directory";
        if (org.powercheck.frontend.ppc.SharedCorpus.requiredHere()) assertTrue(root.isPresent(), why + " (under CI it must be there)");
        assumeTrue(root.isPresent(), why + ": corpus test skipped");
        String text = Files.readString(root.get().resolve(path), StandardCharsets.UTF_8);
        try {
            Program p = CLitmusFrontend.parse(text, path);
            assertFalse(p.threads().isEmpty());
            LOWERED.incrementAndGet();
        } catch (UnsupportedConstructException e) {
            synchronized (UNSUPPORTED) {
                UNSUPPORTED.merge(e.construct(), 1, Integer::sum);
            }
            assertEquals(LOCATION_COMPARISON, e.construct(), e.report());
        }
    }

    @Test
    void unsupportedReportNamesTheConstructAndPlace() {
        UnsupportedConstructException e = org.junit.jupiter.api.Assertions.assertThrows(
                UnsupportedConstructException.class,
                () -> CLitmusFrontend.parse("C t\n{}\nP0(int *x) { rcu_barrier(); }\nexists (x=0)\n", "t.litmus"));
        assertEquals("not supported yet: rcu_barrier at t.litmus:3:14", e.report());
    }

    @AfterAll
    static void summary() {
        int unsupported = UNSUPPORTED.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("C corpus: " + LOWERED.get() + " lowered, " + unsupported + " unsupported " + UNSUPPORTED);
    }
}
