package org.powercheck.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.powercheck.checker.report.ManifestKey;
import org.powercheck.checker.report.Tsv;

/**
 * The scenario harnesses of specs/ (one folder per scenarios.md scenario): every
 * specs/.../NAME.litmus against its golden NAME.expected (see {@link GoldenFiles}; regenerate with
 * {@code -Dpowercheck.regenerate=true} and review the diff), every verdict against
 * specs/EXPECTED.tsv, whose verdicts come from scenarios.md and herd7's results on the core shapes,
 * and the folder's bookkeeping: each harness listed in the manifest, each scenario folder with a
 * README.md that names each of its harness files.
 */
class SpecsGoldenTest {
    private static Path specs() {
        return ProjectPaths.specs();
    }

    /** Every harness under specs/, at any depth, sorted. */
    private static List<Path> harnesses() throws IOException {
        try (Stream<Path> files = Files.walk(specs())) {
            return files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".litmus"))
                    .sorted().collect(Collectors.toList());
        }
    }

    /** The scenario folders: the folders directly under specs/. */
    private static List<Path> scenarioFolders() throws IOException {
        try (Stream<Path> entries = Files.list(specs())) {
            return entries.filter(Files::isDirectory).sorted().collect(Collectors.toList());
        }
    }

    @TestFactory
    Stream<DynamicTest> outputsMatchTheGoldenFiles() throws IOException {
        List<Path> tests = harnesses();
        assertFalse(tests.isEmpty(), "no harness under " + specs());
        return tests.stream().map(t -> DynamicTest.dynamicTest(ManifestKey.relative(specs(), t), () -> GoldenFiles.compare(t)));
    }

    @Test
    void verdictsMatchTheManifest() throws IOException {
        CliRun run = CliRun.real("check", "--expect", specs().resolve("EXPECTED.tsv").toString(), specs().toString());
        List<String> lines = run.out().lines().toList();
        assertEquals(harnesses().size() + " passed, 0 failed, 0 unsupported", lines.get(lines.size() - 1), run.out());
        assertEquals(0, run.status(), run.out());
        assertEquals("", run.err());
    }

    @Test
    void everyHarnessIsInTheManifestAndEveryRowIsAHarness() throws IOException {
        Set<String> listed = new TreeSet<>(Tsv.read(specs().resolve("EXPECTED.tsv"), "path", List.of("path", "verdict")).keys());
        Set<String> present = harnesses().stream().map(h -> ManifestKey.relative(specs(), h))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> unlisted = new TreeSet<>(present);
        unlisted.removeAll(listed);
        Set<String> missing = new TreeSet<>(listed);
        missing.removeAll(present);
        assertEquals(Set.of(), unlisted, "harnesses not in specs/EXPECTED.tsv");
        assertEquals(Set.of(), missing, "rows of specs/EXPECTED.tsv without a harness");
    }

    @Test
    void everyScenarioFolderHasAReadmeNamingItsHarnesses() throws IOException {
        List<Path> folders = scenarioFolders();
        assertFalse(folders.isEmpty(), "no scenario folder under " + specs());
        List<String> problems = new ArrayList<>();
        String index = Files.readString(specs().resolve("README.md"), StandardCharsets.UTF_8);
        for (Path folder : folders) {
            String name = folder.getFileName().toString();
            if (!index.contains(name + "/")) problems.add("specs/README.md does not link " + name + "/");
            Path readme = folder.resolve("README.md");
            if (!Files.isRegularFile(readme)) {
                problems.add(name + " has no README.md");
                continue;
            }
            String text = Files.readString(readme, StandardCharsets.UTF_8);
            try (Stream<Path> files = Files.walk(folder)) {
                files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".litmus")).sorted()
                        .filter(f -> !text.contains(f))
                        .forEach(f -> problems.add(name + "/README.md does not mention " + f));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
