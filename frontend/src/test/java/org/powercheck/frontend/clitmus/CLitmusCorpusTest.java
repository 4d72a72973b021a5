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
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.powercheck.ir.Program;
import org.powercheck.ir.UnsupportedConstructException;

/**
 * Every C test of the shared corpus ({@code shared/litmus/c}) either lowers to IR or is reported
 * as unsupported, never with another error. The unsupported ones must be exactly the tests
 * that use an RCU grace period or SRCU (no POWER sequence exists for those), plus conditions
 * the IR cannot express yet (one location compared with another).
 */
class CLitmusCorpusTest {
    /** Calls with no instruction sequence, as they appear in the code of a test. */
    private static final Pattern GRACE_PERIOD_CALL =
            Pattern.compile("\\b(synchronize_\\w+|srcu_\\w+|call_s?rcu|smp_mb__after_srcu_read_unlock)\\s*\\(");
    private static final Pattern GRACE_PERIOD_NAME =
            Pattern.compile("synchronize_\\w+|srcu_\\w+|call_s?rcu|smp_mb__after_srcu_read_unlock");
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

    /** The text without comments, so that a primitive named in a comment does not count. */
    private static String code(String text) {
        return text.replaceAll("(?s)\\(\\*\\s.*?\\*\\)", " ")
                .replaceAll("(?s)/\\*.*?\\*/", " ")
                .replaceAll("//[^\\n]*", " ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tests")
    void lowersOrIsReportedUnsupported(String path) throws IOException {
        Optional<Path> root = corpus();
        String why = "shared/litmus/c not found above the working directory";
        if (org.powercheck.frontend.ppc.SharedCorpus.requiredHere()) assertTrue(root.isPresent(), why + " (under CI it must be there)");
        assumeTrue(root.isPresent(), why + ": corpus test skipped");
        String text = Files.readString(root.get().resolve(path), StandardCharsets.UTF_8);
        boolean gracePeriod = GRACE_PERIOD_CALL.matcher(code(text)).find();
        try {
            Program p = CLitmusFrontend.parse(text, path);
            assertFalse(gracePeriod, "uses an RCU grace period or SRCU but was lowered");
            assertFalse(p.threads().isEmpty());
            LOWERED.incrementAndGet();
        } catch (UnsupportedConstructException e) {
            synchronized (UNSUPPORTED) {
                UNSUPPORTED.merge(e.construct(), 1, Integer::sum);
            }
            if (gracePeriod) {
                assertTrue(GRACE_PERIOD_NAME.matcher(e.construct()).matches(), e.report());
            } else {
                assertEquals(LOCATION_COMPARISON, e.construct(), e.report());
            }
        }
    }

    @Test
    void unsupportedReportNamesTheConstructAndPlace() {
        UnsupportedConstructException e = org.junit.jupiter.api.Assertions.assertThrows(
                UnsupportedConstructException.class,
                () -> CLitmusFrontend.parse("C t\n{}\nP0(int *x) { synchronize_srcu(x); }\nexists (x=0)\n", "t.litmus"));
        assertEquals("not supported yet: synchronize_srcu at t.litmus:3:14", e.report());
    }

    @AfterAll
    static void summary() {
        int unsupported = UNSUPPORTED.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("C corpus: " + LOWERED.get() + " lowered, " + unsupported + " unsupported " + UNSUPPORTED);
    }
}
