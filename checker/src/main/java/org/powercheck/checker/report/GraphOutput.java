package org.powercheck.checker.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.powercheck.checker.trace.DotGraph;

/**
 * {@code --graph FILE.dot|FILE.svg}: where the picture of each test's witness goes. With one
 * test it is FILE; with several, each test's name is put before the extension (FILE-NAME.svg).
 */
public record GraphOutput(Path file, boolean svg, boolean several) {
    /** @throws IllegalArgumentException with the message for the user when FILE cannot be used */
    public static GraphOutput of(String file, boolean several) {
        return of(file, several, Graphviz.dot());
    }

    /** @param dot the {@code dot} program found on the PATH, if any */
    static GraphOutput of(String file, boolean several, java.util.Optional<Path> dot) {
        String lower = file.toLowerCase(java.util.Locale.ROOT);
        boolean svg = lower.endsWith(".svg");
        if (!svg && !lower.endsWith(".dot")) {
            throw new IllegalArgumentException("--graph needs a file ending in .dot or .svg, not '" + file + "'");
        }
        if (svg && dot.isEmpty()) throw new IllegalArgumentException(Graphviz.MISSING);
        return new GraphOutput(Path.of(file), svg, several);
    }

    /** The file of one test's picture. */
    public Path fileFor(String test) {
        if (!several) return file;
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String safe = test.replaceAll("[^A-Za-z0-9_.+-]", "_");
        return file.resolveSibling(name.substring(0, dot) + "-" + safe + name.substring(dot));
    }

    /** Writes the picture of a test's witness; returns a note for stderr when there is none. */
    public String write(TestResult.Checked c, org.powercheck.checker.CheckOptions options) throws IOException {
        var traced = TraceReport.of(c);
        String dot;
        if (traced.isPresent()) {
            dot = DotGraph.render(c.name(), traced.get().execution(), traced.get().explanation());
        } else if (TraceReport.wantsWhyForbidden(c, true)) {
            var why = TraceReport.whyForbidden(c, options);
            var byAxiom = org.powercheck.checker.trace.WhyForbiddenText.byAxiom(why);
            if (why.rejections().isEmpty()) return c.file() + ": no graph: no candidate execution reaches the outcome";
            dot = DotGraph.render(c.name(), byAxiom.values().iterator().next().get(0));
        } else {
            return c.file() + ": no graph: no execution reaches the condition's outcome";
        }
        Path target = fileFor(c.name());
        Files.writeString(target, svg ? Graphviz.svg(dot) : dot, StandardCharsets.UTF_8);
        return null;
    }
}
