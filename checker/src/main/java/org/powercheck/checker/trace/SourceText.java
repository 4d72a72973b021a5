package org.powercheck.checker.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.powercheck.ir.SourcePos;

/**
 * The source text an event came from: the statement starting at its position, up to the end of
 * the statement ({@code ;} outside parentheses) or of the litmus column ({@code |}), on one line.
 */
public final class SourceText {
    private final Map<String, List<String>> files = new HashMap<>();

    /** The text at {@code pos}, or null when the file cannot be read there. */
    public String at(SourcePos pos) {
        if (pos == null || pos.line() <= 0) return null;
        List<String> lines = files.computeIfAbsent(pos.file(), SourceText::read);
        if (lines == null || pos.line() > lines.size()) return null;
        String line = lines.get(pos.line() - 1);
        int from = Math.max(0, Math.min(line.length(), pos.column() - 1));
        int depth = 0;
        int end = line.length();
        for (int i = from; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '(') depth++;
            else if (ch == ')' && --depth < 0) {
                end = i; // the statement started inside parentheses: stop where they close
                break;
            } else if ((ch == ';' && depth <= 0) || ch == '|') {
                end = i;
                break;
            }
        }
        String text = line.substring(from, end).strip().replaceAll("\\s+", " ");
        return text.isEmpty() ? null : text;
    }

    private static List<String> read(String file) {
        try {
            return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
