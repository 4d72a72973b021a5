package org.powercheck.frontend.preprocess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.powercheck.ir.InputException;
import org.powercheck.ir.SourcePos;

/**
 * Translation phases 1–3 for one file: splices backslash-newlines, drops comments and cuts the
 * text into preprocessing tokens, each with its physical line and column (1-based, a tab counts
 * as one column). Every logical line ends with a NEWLINE token; the file ends with EOF.
 *
 * <p>Malformed literals are not errors here: in skipped {@code #if 0} blocks they are common
 * (apostrophes in prose), and in live code the C parser reports them at the right place.
 */
final class Lexer {
    private final String file;
    /** The text with splices removed and line ends normalised to '\n'. */
    private final char[] buf;
    private final int length;
    /** physicalLineStart[k] = offset in buf where physical line k+1 begins. */
    private final int[] physicalLineStart;
    private final int physicalLines;
    private final List<PpLexeme> tokens = new ArrayList<>();
    private int lineCursor;

    private Lexer(String text, String file) {
        this.file = file;
        // A byte order mark is no character of the program.
        char[] in = (text.startsWith("\uFEFF") ? text.substring(1) : text).toCharArray();
        char[] out = new char[in.length];
        int[] starts = new int[64];
        int lines = 1;
        int m = 0;
        int i = 0;
        while (i < in.length) {
            char c = in[i];
            if (c == '\\') {
                int j = i + 1;
                while (j < in.length && (in[j] == ' ' || in[j] == '\t')) {
                    j++;
                }
                if (j < in.length && (in[j] == '\n' || in[j] == '\r')) {
                    if (in[j] == '\r' && j + 1 < in.length && in[j + 1] == '\n') {
                        j++;
                    }
                    i = j + 1;
                    if (lines == starts.length) {
                        starts = Arrays.copyOf(starts, lines * 2);
                    }
                    starts[lines++] = m;
                    continue;
                }
            }
            if (c == '\r') {
                if (i + 1 < in.length && in[i + 1] == '\n') {
                    i++;
                    continue;
                }
                c = '\n';
            }
            out[m++] = c;
            i++;
            if (c == '\n') {
                if (lines == starts.length) {
                    starts = Arrays.copyOf(starts, lines * 2);
                }
                starts[lines++] = m;
            }
        }
        this.buf = out;
        this.length = m;
        this.physicalLineStart = starts;
        this.physicalLines = lines;
    }

    static PpLexeme[] lex(String text, String file) {
        Lexer lexer = new Lexer(text, file);
        lexer.run();
        return lexer.tokens.toArray(new PpLexeme[0]);
    }

    private void run() {
        int p = 0;
        boolean space = false;
        while (p < length) {
            char c = buf[p];
            if (c == '\n') {
                add(TokenKind.NEWLINE, p, p + 1, false);
                p++;
                space = false;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\f' || c == '\u000B' || c == '\r') {
                space = true;
                p++;
                continue;
            }
            if (c == '/' && p + 1 < length && buf[p + 1] == '/') {
                p += 2;
                while (p < length && buf[p] != '\n') {
                    p++;
                }
                space = true;
                continue;
            }
            if (c == '/' && p + 1 < length && buf[p + 1] == '*') {
                int start = p;
                p += 2;
                while (p + 1 < length && !(buf[p] == '*' && buf[p + 1] == '/')) {
                    p++;
                }
                if (p + 1 >= length) {
                    throw new InputException(posOf(start), "unterminated comment");
                }
                p += 2;
                space = true;
                continue;
            }
            p = token(p, space);
            space = false;
        }
        if (tokens.isEmpty() || tokens.get(tokens.size() - 1).kind != TokenKind.NEWLINE) {
            add(TokenKind.NEWLINE, length, length, false);
        }
        add(TokenKind.EOF, length, length, false);
    }

    /** Lexes the token starting at p and returns the offset after it. */
    private int token(int p, boolean space) {
        char c = buf[p];
        if (isIdentStart(c)) {
            int end = p + 1;
            while (end < length && isIdentPart(buf[end])) {
                end++;
            }
            if (end < length && (buf[end] == '\'' || buf[end] == '"') && isLiteralPrefix(p, end)) {
                int literalEnd = quoted(end);
                if (literalEnd > 0) {
                    add(buf[end] == '"' ? TokenKind.STRING : TokenKind.CHAR, p, literalEnd, space);
                    return literalEnd;
                }
            }
            add(TokenKind.IDENT, p, end, space);
            return end;
        }
        if (isDigit(c) || (c == '.' && p + 1 < length && isDigit(buf[p + 1]))) {
            int end = p + 1;
            while (end < length) {
                char d = buf[end];
                if ((d == '+' || d == '-') && "eEpP".indexOf(buf[end - 1]) >= 0) {
                    end++;
                } else if (isIdentPart(d) || d == '.') {
                    end++;
                } else {
                    break;
                }
            }
            add(TokenKind.NUMBER, p, end, space);
            return end;
        }
        if (c == '"' || c == '\'') {
            int end = quoted(p);
            if (end > 0) {
                add(c == '"' ? TokenKind.STRING : TokenKind.CHAR, p, end, space);
                return end;
            }
            add(TokenKind.OTHER, p, p + 1, space);
            return p + 1;
        }
        int len = punctuatorLength(p);
        add(len > 0 ? TokenKind.PUNCT : TokenKind.OTHER, p, p + Math.max(len, 1), space);
        return p + Math.max(len, 1);
    }

    /** End offset of the literal whose opening quote is at p, or -1 when it is not closed on its line. */
    private int quoted(int p) {
        char quote = buf[p];
        int i = p + 1;
        while (i < length) {
            char d = buf[i];
            if (d == '\n') {
                return -1;
            }
            if (d == '\\' && i + 1 < length && buf[i + 1] != '\n') {
                i += 2;
                continue;
            }
            i++;
            if (d == quote) {
                return i;
            }
        }
        return -1;
    }

    private boolean isLiteralPrefix(int start, int end) {
        int n = end - start;
        if (n == 1) {
            char c = buf[start];
            return c == 'L' || c == 'u' || c == 'U';
        }
        return n == 2 && buf[start] == 'u' && buf[start + 1] == '8';
    }

    private int punctuatorLength(int p) {
        char c = buf[p];
        char c1 = p + 1 < length ? buf[p + 1] : '\0';
        char c2 = p + 2 < length ? buf[p + 2] : '\0';
        switch (c) {
            case '.':
                return c1 == '.' && c2 == '.' ? 3 : 1;
            case '<':
            case '>':
                if (c1 == c) {
                    return c2 == '=' ? 3 : 2;
                }
                return c1 == '=' ? 2 : 1;
            case '-':
                return c1 == '-' || c1 == '=' || c1 == '>' ? 2 : 1;
            case '+':
            case '&':
            case '|':
                return c1 == c || c1 == '=' ? 2 : 1;
            case '#':
                return c1 == '#' ? 2 : 1;
            case '*':
            case '/':
            case '%':
            case '^':
            case '=':
            case '!':
                return c1 == '=' ? 2 : 1;
            case '[':
            case ']':
            case '(':
            case ')':
            case '{':
            case '}':
            case '~':
            case '?':
            case ':':
            case ';':
            case ',':
                return 1;
            default:
                return 0;
        }
    }

    private void add(TokenKind kind, int start, int end, boolean space) {
        while (lineCursor + 1 < physicalLines && physicalLineStart[lineCursor + 1] <= start) {
            lineCursor++;
        }
        int column = start - physicalLineStart[lineCursor] + 1;
        String text = kind == TokenKind.NEWLINE ? "\n" : kind == TokenKind.EOF ? "" : new String(buf, start, end - start);
        tokens.add(PpLexeme.source(kind, text, file, lineCursor + 1, column, space));
    }

    private SourcePos posOf(int offset) {
        int line = 0;
        while (line + 1 < physicalLines && physicalLineStart[line + 1] <= offset) {
            line++;
        }
        return new SourcePos(file, line + 1, offset - physicalLineStart[line] + 1);
    }

    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || c >= 0x80;
    }

    static boolean isIdentPart(char c) {
        return isIdentStart(c) || isDigit(c);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
