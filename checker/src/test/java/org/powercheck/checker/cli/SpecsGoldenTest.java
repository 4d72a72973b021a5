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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.Judgement;
import org.powercheck.checker.Outcome;
import org.powercheck.checker.report.ManifestKey;
import org.powercheck.checker.report.Tsv;
import org.powercheck.checker.sat.SatEngine;
import org.powercheck.frontend.Frontend;
import org.powercheck.frontend.kernel.KernelOptions;
import org.powercheck.ir.FenceKind;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Program;
import org.powercheck.model.mapping.AcquireEncoding;
import org.powercheck.model.mapping.KernelMapping;

/**
 * The scenario harnesses of specs/ (one folder per scenarios.md scenario): every
 * specs/.../NAME.litmus against its golden NAME.expected (see {@link GoldenFiles}; regenerate with
 * {@code -Dpowercheck.regenerate=true} and review the diff), every verdict against
 * specs/EXPECTED.tsv, whose verdicts come from scenarios.md and herd7's results on the core shapes,
 * the lock harnesses with the other PPC_ACQUIRE_BARRIER encoding, and the folder's bookkeeping:
 * each harness listed in the manifest, each scenario folder with a README.md that names each of
 * its harness files.
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
        assertEquals(harnesses().size() + " passed, 0 failed, 0 unsupported, 0 unknown", lines.get(lines.size() - 1), run.out());
        assertEquals(0, run.status(), run.out());
        assertEquals("", run.err());
    }

    /**
     * The command line checks harnesses with PPC_ACQUIRE_BARRIER = lwsync (what POWER9 runs); the
     * lock harnesses keep their verdicts with the source-text encoding, ctrl+isync, too
     * (scenarios.md S9 lock-cs: safe with both; herd7: LOCK+isync Never, and the SB-unlock-lock
     * cores do not depend on the lock's acquire barrier).
     */
    @ParameterizedTest(name = "{0} with acquire=ctrl+isync")
    @CsvSource({
        "S9-classic-shapes/lock-cs.litmus, Never",
        "S9-classic-shapes/SB-unlock-lock.litmus, Sometimes",
        "S9-classic-shapes/SB-unlock-lock-mbafter.litmus, Never",
    })
    void lockHarnessesKeepTheirVerdictsWithTheIsyncAcquireEncoding(String harness, String observation) throws Exception {
        KernelOptions isync = KernelOptions.defaults().withMapping(new KernelMapping(AcquireEncoding.CTRL_ISYNC));
        Program p = Frontend.load(specs().resolve(harness), isync);
        assertTrue(p.threads().stream().flatMap(th -> th.code().stream())
                .anyMatch(i -> i instanceof Instr.Fence f && f.kind() == FenceKind.ISYNC), harness + " has no isync");
        Outcome o = new SatEngine().run(p, CheckOptions.defaults());
        assertFalse(o.boundCut(), harness + ": some execution needs more loop iterations than the default bound");
        assertEquals(observation, Judgement.of(o).observation(), harness + ": states " + o.states());
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
