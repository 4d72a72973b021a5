package org.powercheck.frontend.preprocess;

import java.util.List;

/** The file named by {@code #include} or {@code __has_include}: {@code "name"} or {@code <name>}. */
record HeaderName(String name, boolean angled) {

    /** The header name spelled by {@code tokens}, or null when they spell none. */
    static HeaderName of(List<PpLexeme> tokens) {
        if (tokens.isEmpty()) {
            return null;
        }
        PpLexeme first = tokens.get(0);
        if (first.kind == TokenKind.STRING && first.text.startsWith("\"") && first.text.length() >= 2) {
            return new HeaderName(first.text.substring(1, first.text.length() - 1), false);
        }
        if (first.is("<")) {
            for (int i = 1; i < tokens.size(); i++) {
                if (tokens.get(i).is(">")) {
                    return new HeaderName(spell(tokens.subList(1, i)), true);
                }
            }
        }
        return null;
    }

    /** The tokens as text, one space wherever the source had whitespace between them. */
    static String spell(List<PpLexeme> tokens) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            PpLexeme t = tokens.get(i);
            if (i > 0 && t.spaceBefore) {
                sb.append(' ');
            }
            sb.append(t.text);
        }
        return sb.toString();
    }
}
