package org.powercheck.checker.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the project's folders are, seen from a test running in any module directory. */
public final class ProjectPaths {
    private ProjectPaths() {}

    /** The repository root: the nearest folder up from here holding examples/litmus and pom.xml. */
    public static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.isDirectory(p.resolve("examples/litmus")) && Files.isRegularFile(p.resolve("pom.xml"))) return p;
            p = p.getParent();
        }
        throw new IllegalStateException("no project root above " + Path.of("").toAbsolutePath());
    }

    public static Path examples() {
        return root().resolve("examples/litmus");
    }

    /** The scenario harnesses (specs/: one folder per scenarios.md scenario, one manifest). */
    public static Path specs() {
        return root().resolve("specs");
    }

    /**
     * The shared reference corpus, required: missing, the calling test fails under CI (the
     * {@code CI} environment variable is set; CI has ../shared beside the clone) and is skipped,
     * saying why, elsewhere.
     */
    public static Path requireSharedLitmus(String what) {
        Optional<Path> p = sharedLitmus();
        if (p.isPresent()) return p.get();
        String why = "../shared/litmus is not beside the project: " + what;
        if (System.getenv("CI") != null) org.junit.jupiter.api.Assertions.fail(why + " (under CI it must be there)");
        return org.junit.jupiter.api.Assumptions.abort(why);
    }

    /**
     * A file of the shared cat folder ({@code ../shared/cat/RELATIVE}), required as
     * {@link #requireSharedLitmus} requires the corpus: missing, the test fails under CI and is
     * skipped, saying why, elsewhere.
     */
    public static Path requireSharedCat(String relative, String what) {
        Optional<Path> p = sharedCat().map(c -> c.resolve(relative)).filter(Files::exists);
        if (p.isPresent()) return p.get();
        String why = "../shared/cat/" + relative + " is not beside the project: " + what;
        if (System.getenv("CI") != null) org.junit.jupiter.api.Assertions.fail(why + " (under CI it must be there)");
        return org.junit.jupiter.api.Assumptions.abort(why);
    }

    /** The shared reference material beside the project, when this machine has it. */
    public static Optional<Path> sharedLitmus() {
        Path p = root().resolveSibling("shared").resolve("litmus");
        return Files.isRegularFile(p.resolve("EXPECTED.tsv")) ? Optional.of(p) : Optional.empty();
    }

    /** herd7's and the kernel's cat files in the shared reference folder, when this machine has them. */
    public static Optional<Path> sharedCat() {
        Path p = root().resolveSibling("shared").resolve("cat");
        return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }
}
