package org.powercheck.frontend.preprocess;

/**
 * Lays the expanded tokens out as text the C parser reads, and records the {@link SourceMap}.
 * A token from a later source line starts a new output line, and blank lines stand for skipped
 * source lines of the same file, so a file without includes keeps its line numbers; a token
 * spelled in the source goes to its source column when the line has room, so unexpanded lines
 * keep their columns too.
 */
final class OutputWriter {
    private final StringBuilder text = new StringBuilder(1 << 16);
    private final SourceMap map = new SourceMap();
    private String file;
    private int line;
    private boolean lineOpen;
    /** The next token starts a new line even if it comes from the current line (a file read again). */
    private boolean breakBeforeNext;
    /** Everything on the current output line so far is spelled, in order, on its source line. */
    private boolean lineVerbatim;
    /** The 1-based column the next character goes to. */
    private int column = 1;
    private PpLexeme previous;

    /** @param firstFile the file whose lines the output starts with, so leading skipped lines become blank lines */
    OutputWriter(String firstFile) {
        this.file = firstFile;
    }

    void write(PpLexeme t) {
        boolean sameFile = t.file.equals(file);
        if (!lineOpen || breakBeforeNext || !sameFile || t.line > line) {
            startLine(t, sameFile);
            padTo(t.column);
        } else if (lineVerbatim && isVerbatim(t) && column < t.column) {
            padTo(t.column);
        } else if (t.spaceBefore || joins(previous, t)) {
            text.append(' ');
            column++;
        }
        lineVerbatim &= isVerbatim(t);
        map.addSegment(column, t);
        text.append(t.text);
        column += t.text.length();
        previous = t;
    }

    /** Reading moved to another file (or another reading of the same file): start a new line. */
    void breakLine() {
        breakBeforeNext = lineOpen;
    }

    String text() {
        if (lineOpen) {
            text.append('\n');
            lineOpen = false;
        }
        return text.toString();
    }

    SourceMap sourceMap() {
        return map;
    }

    private void startLine(PpLexeme t, boolean sameFile) {
        if (lineOpen) {
            text.append('\n');
        }
        if (sameFile) {
            for (int skipped = line + 1; skipped < t.line; skipped++) {
                map.startLine(file, skipped);
                text.append('\n');
            }
        }
        file = t.file;
        line = t.line;
        map.startLine(file, line);
        lineOpen = true;
        breakBeforeNext = false;
        lineVerbatim = true;
        column = 1;
        previous = null;
    }

    private boolean isVerbatim(PpLexeme t) {
        return t.fromSource && !t.substituted && t.line == line;
    }

    private void padTo(int target) {
        while (column < target) {
            text.append(' ');
            column++;
        }
    }

    private static boolean joins(PpLexeme previous, PpLexeme t) {
        if (previous == null || previous.text.isEmpty() || t.text.isEmpty()) {
            return false;
        }
        char a = previous.text.charAt(previous.text.length() - 1);
        char b = t.text.charAt(0);
        if (Lexer.isIdentPart(a) && Lexer.isIdentPart(b)) {
            return true;
        }
        if (previous.kind == TokenKind.IDENT && (t.kind == TokenKind.STRING || t.kind == TokenKind.CHAR)) {
            return true; // L "x" must not become the wide string L"x"
        }
        if (previous.kind == TokenKind.NUMBER && (b == '.' || b == '+' || b == '-')) {
            return true;
        }
        if (a == '.' && Lexer.isDigit(b)) {
            return true;
        }
        return joiningPair(a, b);
    }

    /** Whether "ab" starts a longer punctuator or a comment, so a and b must not be written adjacent. */
    private static boolean joiningPair(char a, char b) {
        return switch (a) {
            case '+', '&', '|' -> b == a || b == '=';
            case '-' -> b == '-' || b == '=' || b == '>';
            case '<' -> b == '<' || b == '=' || b == ':' || b == '%';
            case '>' -> b == '>' || b == '=';
            case '*', '!', '^' -> b == '=';
            case '=' -> b == '=';
            case '/' -> b == '=' || b == '/' || b == '*';
            case '%' -> b == '=' || b == '>' || b == ':';
            case '#' -> b == '#';
            case '.' -> b == '.';
            case ':' -> b == '>';
            default -> false;
        };
    }
}
