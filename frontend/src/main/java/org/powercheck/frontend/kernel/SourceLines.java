package org.powercheck.frontend.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.powercheck.ir.SourcePos;

/** The text of a source line, as the user wrote it, for reports that quote an instruction. */
final class SourceLines {
    private SourceLines() {}

    /** The line at {@code pos}, without its indentation, comment or the label before it; empty if unreadable. */
    static String text(SourcePos pos) {
        try {
            List<String> lines = Files.readAllLines(Path.of(pos.file()));
            if (pos.line() < 1 || pos.line() > lines.size()) return "";
            String line = lines.get(pos.line() - 1);
            int comment = line.indexOf("/*");
            if (comment >= 0) line = line.substring(0, comment);
            line = line.replaceFirst("^\\s*\\w+:", "");
            return line.strip().replaceAll("\\s+", " ");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
