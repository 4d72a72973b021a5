package org.powercheck.frontend.preprocess;

import java.util.List;

/** Reads a fixed list of tokens: a macro argument or the rest of a directive line. */
final class ListTokenInput implements TokenInput {
    private final List<PpLexeme> tokens;
    private final PpLexeme end;
    private int index;

    /** @param endAt where the list ends, for errors about something missing at its end */
    ListTokenInput(List<PpLexeme> tokens, PpLexeme endAt) {
        this.tokens = tokens;
        this.end = PpLexeme.madeAt(TokenKind.EOF, "", endAt, false);
    }

    @Override
    public PpLexeme next() {
        return index < tokens.size() ? tokens.get(index++) : end;
    }
}
