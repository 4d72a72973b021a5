package org.powercheck.model.cat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.powercheck.model.Check;
import org.powercheck.model.Model;
import org.powercheck.model.PpcModel;

/**
 * herd7's own ppc.cat (shared/cat/herd-ppc, with its includes) reads into a model with
 * ppc.cat's checks; that it gives herd's results is checked on the corpus by the checker's tests.
 */
class HerdCatFilesTest {
    static final Path HERD_PPC = shared().resolve("herd-ppc/ppc.cat");

    /** shared/cat beside the project root (tests run in a module folder, one level down). */
    static Path shared() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && !Files.isRegularFile(p.getParent().resolve("pom.xml"))) {
                return p.resolveSibling("shared").resolve("cat");
            }
        }
        return Path.of("..", "shared", "cat");
    }

    /** The shared reference folder is required under CI ({@code CI} set), skipped without it elsewhere. */
    private static void requireShared(Path file) {
        String why = file + " is absent (the shared reference folder)";
        if (System.getenv("CI") != null) org.junit.jupiter.api.Assertions.assertTrue(Files.isRegularFile(file), why + " (under CI it must be there)");
        assumeTrue(Files.isRegularFile(file), "skipped: " + why);
    }

    @Test
    void herdPpcCatReadsWithTheSameChecks() {
        requireShared(HERD_PPC);
        Model m = CatReader.read(HERD_PPC);
        assertEquals(PpcModel.MODEL.checks().stream().map(Check::name).toList(),
                m.checks().stream().map(Check::name).toList());
        // Checks written the same way give the same trees (herd writes fre as fr \ fri, powercheck as fr & ext).
        for (String same : java.util.List.of("scperlocation", "scXX")) {
            assertEquals(check(PpcModel.MODEL, same), check(m, same), same);
        }
    }

    /**
     * The kernel's LKMM files (Linux v6.6 tools/memory-model) read whole: the bell that
     * linux-kernel.cfg names first, then linux-kernel.cat with lock.cat, every check and flag
     * of theirs in their order (with cos-opt.cat's co-base check of powercheck's stand-in).
     */
    @Test
    void kernelLkmmReadsWhole() {
        Path dir = shared().resolve("lkmm-v6.6");
        requireShared(dir.resolve("linux-kernel.cat"));
        for (String f : java.util.List.of("linux-kernel.bell", "linux-kernel.cat", "lock.cat")) {
            Path p = dir.resolve(f);
            org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> new CatGrammar(Files.readString(p), f).parseAll(), f);
        }
        Model m = CatReader.read(dir.resolve("linux-kernel.cat"));
        assertEquals(java.util.List.of("lock-nest", "unmatched-locks", "co-base", "coherence", "atomic",
                        "happens-before", "propagation", "rcu", "plain-coherence"),
                m.checks().stream().map(Check::name).toList());
        assertEquals(java.util.List.of("unmatched-rcu-lock", "unmatched-rcu-unlock", "unmatched-srcu-lock",
                        "unmatched-srcu-unlock", "multiple-srcu-matches", "invalid-sleep", "mixed-lock-accesses",
                        "unpaired-LKW", "unpaired-LKR", "lock-final", "unmatched-unlock", "mixed-accesses", "data-race"),
                m.flags().stream().map(Check::name).toList());
        Model explicit = CatReader.read(dir.resolve("linux-kernel.cat"), java.util.List.of(dir.resolve("linux-kernel.bell")),
                java.util.Set.of());
        assertEquals(explicit.checks(), m.checks());
    }

    private static Check check(Model m, String name) {
        return m.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
