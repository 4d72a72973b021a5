package org.powercheck.checker.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Renders DOT to SVG with Graphviz's {@code dot}, when it is on the PATH. */
public final class Graphviz {
    public static final String MISSING = "rendering SVG needs Graphviz's 'dot' on the PATH: install the graphviz "
            + "package (apt-get install graphviz), or ask for FILE.dot";

    private Graphviz() {}

    /** The {@code dot} program on the PATH, if there is one. */
    public static Optional<Path> dot() {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, "dot");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** The SVG of a DOT graph; an IOException when dot is missing or fails. */
    public static String svg(String dotText) throws IOException {
        Path dot = dot().orElseThrow(() -> new IOException(MISSING));
        Process p = new ProcessBuilder(dot.toString(), "-Tsvg").redirectErrorStream(false).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(dotText.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String out;
        try (InputStream o = p.getInputStream(); InputStream e = p.getErrorStream()) {
            Thread drain = new Thread(() -> {
                try {
                    e.transferTo(err);
                } catch (IOException ignored) {
                    // the exit status below reports the failure
                }
            });
            drain.start();
            out = new String(o.readAllBytes(), StandardCharsets.UTF_8);
            drain.join();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rendering with dot");
        }
        try {
            if (p.waitFor() != 0) {
                throw new IOException("dot failed: " + err.toString(StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rendering with dot");
        }
        return out;
    }
}
