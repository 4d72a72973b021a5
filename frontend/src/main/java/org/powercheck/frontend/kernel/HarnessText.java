package org.powercheck.frontend.kernel;

import org.powercheck.frontend.litmus.LitmusText;
import org.powercheck.frontend.litmus.TextPositions;
import org.powercheck.ir.InputException;
import org.powercheck.ir.SourcePos;

/**
 * The litmus layer of a harness: the {@code C name} line and the {@code (* ... *)} comments
 * after it, the init block, and the condition tail after the last thread. What remains is C,
 * handed to the preprocessor with the litmus parts blanked out (so every position stays where
 * it is in the file).
 *
 * @param cText      the file with the name line, its comments and the tail replaced by blanks
 * @param initBrace  offset of the init block's {@code {}, or -1 when there is none
 * @param tail       offset where the condition starts, or -1 when there is none
 */
record HarnessText(String name, SourcePos namePos, String cText, int initBrace, int tail) {
    private static final java.util.Set<String> TAIL_WORDS =
            java.util.Set.of("exists", "forall", "locations", "filter", "final", "~exists", "~");

    static HarnessText split(String text, String file) {
        TextPositions positions = new TextPositions(text);
        int i = skipLitmusComments(text, 0, file, positions);
        if (!text.startsWith("C", i) || (i + 1 < text.length() && isWordChar(text.charAt(i + 1)))) {
            throw new InputException(new SourcePos(file, positions.line(i), positions.column(i)),
                    "expected 'C' and the test name as the first line");
        }
        int nameStart = i + 1;
        while (nameStart < text.length() && (text.charAt(nameStart) == ' ' || text.charAt(nameStart) == '\t')) nameStart++;
        int nameEnd = nameStart;
        while (nameEnd < text.length() && !Character.isWhitespace(text.charAt(nameEnd))) nameEnd++;
        if (nameEnd == nameStart) {
            throw new InputException(new SourcePos(file, positions.line(nameStart), positions.column(nameStart)),
                    "expected a test name but found end of line");
        }
        String name = text.substring(nameStart, nameEnd);
        SourcePos namePos = new SourcePos(file, positions.line(nameStart), positions.column(nameStart));
        int cStart = skipLitmusComments(text, nameEnd, file, positions);
        Scan scan = new Scan(text, cStart, file, positions);
        scan.run();
        StringBuilder c = new StringBuilder(text);
        blank(c, 0, cStart);
        if (scan.tail >= 0) blank(c, scan.tail, text.length());
        return new HarnessText(name, namePos, c.toString(), scan.initBrace, scan.tail);
    }

    /** Skips blanks and (nested) {@code (* ... *)} comments from {@code i}. */
    private static int skipLitmusComments(String text, int i, String file, TextPositions positions) {
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
            } else if (text.startsWith("(*", i)) {
                int start = i;
                i = LitmusText.endOfComment(text, i);
                if (i < 0) {
                    throw new InputException(new SourcePos(file, positions.line(start), positions.column(start)),
                            "comment is never closed");
                }
            } else {
                break;
            }
        }
        return i;
    }

    private static void blank(StringBuilder sb, int from, int to) {
        for (int i = from; i < to; i++) {
            char ch = sb.charAt(i);
            if (ch != '\n' && ch != '\r') sb.setCharAt(i, ' ');
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /**
     * Finds the init block and the tail in the C text: top-level braces and the tokens before
     * them, skipping comments, literals and preprocessor lines. The init block is a top-level
     * {@code {} after a {@code ;} or {@code }} (not after a declarator, {@code =} or a tag); the
     * tail is a condition word at top level right after a {@code }}.
     */
    private static final class Scan {
        private final String text;
        private final String file;
        private final TextPositions positions;
        private int i;
        int initBrace = -1;
        int tail = -1;

        Scan(String text, int start, String file, TextPositions positions) {
            this.text = text;
            this.i = start;
            this.file = file;
            this.positions = positions;
        }

        void run() {
            int depth = 0;
            char previous = ';';
            boolean lineStart = true;
            while (i < text.length()) {
                char ch = text.charAt(i);
                if (ch == '\n') {
                    lineStart = true;
                    i++;
                    continue;
                }
                if (Character.isWhitespace(ch)) {
                    i++;
                    continue;
                }
                if (lineStart && ch == '#') {
                    i = LitmusText.endOfDirective(text, i);
                    continue;
                }
                lineStart = false;
                if (text.startsWith("//", i)) {
                    while (i < text.length() && text.charAt(i) != '\n') i++;
                    continue;
                }
                if (text.startsWith("/*", i)) {
                    int end = text.indexOf("*/", i + 2);
                    if (end < 0) throw error(i, "comment is never closed");
                    i = end + 2;
                    continue;
                }
                if (depth == 0 && previous == '}' && tail < 0 && startsTailWord()) {
                    tail = i;
                    return;
                }
                if (ch == '"' || ch == '\'') {
                    skipLiteral(ch);
                    previous = 'x';
                    continue;
                }
                if (ch == '{') {
                    if (depth == 0 && initBrace < 0 && (previous == ';' || previous == '}')) initBrace = i;
                    depth++;
                } else if (ch == '}') {
                    depth--;
                }
                previous = Character.isLetterOrDigit(ch) || ch == '_' ? 'x' : ch;
                i++;
            }
        }

        private boolean startsTailWord() {
            int end = i;
            if (end < text.length() && text.charAt(end) == '~') end++;
            while (end < text.length() && isWordChar(text.charAt(end))) end++;
            String word = text.substring(i, end);
            return TAIL_WORDS.contains(word);
        }

        private void skipLiteral(char quote) {
            int start = i++;
            while (i < text.length() && text.charAt(i) != quote && text.charAt(i) != '\n') {
                if (text.charAt(i) == '\\') i++;
                i++;
            }
            if (i >= text.length() || text.charAt(i) != quote) throw error(start, "literal is never closed");
            i++;
        }

        private InputException error(int at, String message) {
            return new InputException(new SourcePos(file, positions.line(at), positions.column(at)), message);
        }
    }
}
