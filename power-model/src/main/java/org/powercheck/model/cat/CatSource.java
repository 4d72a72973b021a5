package org.powercheck.model.cat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a cat file's text comes from: a file on disk (its includes are looked up beside it
 * first) or a model that ships with powercheck.
 */
record CatSource(String name, String text, Optional<Path> folder) {
    static final String BUNDLED = "/org/powercheck/model/cat/";

    static CatSource file(Path path) throws IOException {
        Path abs = path.toAbsolutePath().normalize();
        return new CatSource(path.toString(), Files.readString(abs, StandardCharsets.UTF_8),
                Optional.ofNullable(abs.getParent()));
    }

    /** A bundled model or library file, or empty when powercheck ships none of that name. */
    static Optional<CatSource> bundled(String name) {
        try (InputStream in = CatSource.class.getResourceAsStream(BUNDLED + name)) {
            if (in == null) return Optional.empty();
            return Optional.of(new CatSource(name, new String(in.readAllBytes(), StandardCharsets.UTF_8), Optional.empty()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A key that names the same file however it was reached. */
    String key() {
        return folder.map(f -> f.resolve(Path.of(name).getFileName()).toString()).orElse("bundled:" + name);
    }
}
