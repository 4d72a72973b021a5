package org.powercheck.frontend.preprocess;

import java.util.List;
import org.powercheck.ir.InputException;

/** The {@code #} (stringize) and {@code ##} (paste) operators of macro replacement. */
final class TokenOperators {
    private TokenOperators() {
    }

    /** The argument spelled as a string literal, placed at the invocation {@code at}. */
    static PpLexeme stringize(List<PpLexeme> arg, PpLexeme at, boolean spaceBefore) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < arg.size(); i++) {
            PpLexeme t = arg.get(i);
            if (i > 0 && t.spaceBefore) {
                sb.append(' ');
            }
            if (t.kind == TokenKind.STRING || t.kind == TokenKind.CHAR) {
                for (int k = 0; k < t.text.length(); k++) {
                    char c = t.text.charAt(k);
                    if (c == '"' || c == '\\') {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
            } else {
                sb.append(t.text);
            }
        }
        sb.append('"');
        return PpLexeme.madeAt(TokenKind.STRING, sb.toString(), at, spaceBefore);
    }

    /** {@code left ## right}; a placemarker operand yields the other operand. */
    static PpLexeme paste(PpLexeme left, PpLexeme right, PpLexeme at) {
        if (left.kind == TokenKind.PLACEMARKER) {
            return right.kind == TokenKind.PLACEMARKER ? left : right.withSpaceBefore(left.spaceBefore);
        }
        if (right.kind == TokenKind.PLACEMARKER) {
            return left;
        }
        String text = left.text + right.text;
        PpLexeme[] lexed = Lexer.lex(text, at.file);
        // A single token is followed by the NEWLINE and EOF the lexer always adds.
        if (lexed.length != 3 || !lexed[0].text.equals(text)) {
            throw new InputException(at.pos(), "pasting \"" + left.text + "\" and \"" + right.text
                    + "\" does not give a valid preprocessing token");
        }
        return PpLexeme.madeAt(lexed[0].kind, text, at, left.spaceBefore);
    }
}
