package org.powercheck.frontend.preprocess;

import java.util.List;

/** Reads a fixed list of tokens: a macro argument or the rest of a directive line. */
final class ListTokenInput implements TokenInput {
    private final List<PpToken> tokens;
    private final PpToken end;
    private int index;

    /** @param endAt where the list ends, for errors about something missing at its end */
    ListTokenInput(List<PpToken> tokens, PpToken endAt) {
        this.tokens = tokens;
        this.end = PpToken.madeAt(TokenKind.EOF, "", endAt, false);
    }

    @Override
    public PpToken next() {
        return index < tokens.size() ? tokens.get(index++) : end;
    }
}
