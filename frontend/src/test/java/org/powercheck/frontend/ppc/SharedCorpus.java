package org.powercheck.frontend.ppc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The shared litmus corpus ({@code shared/litmus}), found by walking up from the working directory. */
public final class SharedCorpus {
    private SharedCorpus() {}

    static Optional<Path> root() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("litmus");
            if (Files.isDirectory(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /**
     * Whether a missing corpus fails the test rather than skipping it: under CI (the {@code CI}
     * environment variable is set), where ../shared is always beside the clone.
     */
    public static boolean requiredHere() {
        return System.getenv("CI") != null;
    }

    /** Every {@code .litmus} file under {@code sub}, sorted, or none when the corpus is absent. */
    static Stream<Path> tests(String sub) {
        Optional<Path> root = root();
        if (root.isEmpty() || !Files.isDirectory(root.get().resolve(sub))) return Stream.empty();
        try (Stream<Path> files = Files.walk(root.get().resolve(sub))) {
            return files.filter(p -> p.toString().endsWith(".litmus")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** EXPECTED.tsv rows keyed by path, each a map from column name to value. */
    static Map<String, Map<String, String>> expected(Path root) {
        try {
            List<String> lines = Files.readAllLines(root.resolve("EXPECTED.tsv"), StandardCharsets.UTF_8);
            String[] header = lines.get(0).split("\t", -1);
            Map<String, Map<String, String>> rows = new HashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split("\t", -1);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.length && i < cells.length; i++) row.put(header[i], cells[i]);
                rows.put(cells[0], row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** herd7's output for a test, with anything after {@code #STDERR} dropped. */
    static List<String> herdOutput(Path root, String relativePath) {
        try {
            List<String> lines = Files.readAllLines(root.resolve("herd-out").resolve(relativePath + ".out"));
            int stderr = lines.indexOf("#STDERR");
            return stderr < 0 ? lines : lines.subList(0, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
