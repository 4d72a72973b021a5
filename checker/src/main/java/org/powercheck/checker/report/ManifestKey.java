package org.powercheck.checker.report;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where a test file sits in a manifest: its {@code path} key and the folder the key is relative
 * to. That folder is the manifest's own, or, for manifests in a subfolder of a corpus whose
 * paths start at the corpus root (scaling/EXPECTED.tsv: {@code scaling/IRIW-sync/...}), the
 * nearest folder above it from which the key is listed.
 */
public record ManifestKey(Path base, String key) {
    public static Optional<ManifestKey> locate(Path manifestDir, Path file, Predicate<String> listed) {
        Path abs = file.toAbsolutePath().normalize();
        for (Path base = manifestDir; base != null; base = base.getParent()) {
            if (!abs.startsWith(base)) continue;
            String key = relative(base, abs);
            if (listed.test(key)) return Optional.of(new ManifestKey(base, key));
        }
        return Optional.empty();
    }

    /** The path of {@code file} relative to {@code dir}, with '/' separators. */
    public static String relative(Path dir, Path file) {
        return dir.relativize(file.toAbsolutePath().normalize()).toString().replace(File.separatorChar, '/');
    }
}
