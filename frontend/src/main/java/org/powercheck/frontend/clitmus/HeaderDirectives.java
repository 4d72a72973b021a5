package org.powercheck.frontend.clitmus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.powercheck.frontend.litmus.LitmusText;

/**
 * The preprocessor lines ({@code #include}, {@code #define}) between a C test's name line and its
 * init section. herd's format has none; a test may have them and still be herd's format: they
 * apply to its threads, which are read with them. A test with C declarations there is a harness.
 */
final class HeaderDirectives {
    /** A directive's characters, {@code [start, end)}. */
    record Range(int start, int end) {}

    private HeaderDirectives() {}

    /**
     * The directives before the init section, or empty when C other than directives and comments
     * comes first (the test is a harness).
     */
    static Optional<List<Range>> find(String text) {
        List<Range> out = new ArrayList<>();
        int i = text.indexOf('\n');
        if (i < 0) return Optional.of(out);
        boolean lineStart = true;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch == '\n') {
                lineStart = true;
                i++;
            } else if (Character.isWhitespace(ch)) {
                i++;
            } else if (text.startsWith("(*", i)) {
                int end = LitmusText.endOfComment(text, i);
                i = end < 0 ? text.length() : end;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 2;
            } else if (text.startsWith("//", i)) {
                while (i < text.length() && text.charAt(i) != '\n') i++;
            } else if (ch == '#' && lineStart) {
                int start = i;
                i = LitmusText.endOfDirective(text, i);
                out.add(new Range(start, i));
            } else if (ch == '{') {
                return Optional.of(out);
            } else {
                // herd's format allows free text before the init section only without directives
                return out.isEmpty() ? Optional.of(out) : Optional.empty();
            }
            if (ch != '\n' && !Character.isWhitespace(ch)) lineStart = false;
        }
        return Optional.of(out);
    }
}
