package org.powercheck.frontend.litmus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Plain-words wording of a parse error, shared by the litmus grammars. JavaCC's own message
 * lists every token kind it could have accepted; users need one short sentence instead.
 */
public final class SyntaxErrors {
    /** Above this many alternatives the list stops helping; only the unexpected token is named. */
    private static final int MAX_LISTED = 6;

    private SyntaxErrors() {}

    /**
     * @param expected descriptions of the acceptable tokens ({@code "';'"}, {@code "a number"})
     * @param found the offending token's text, or {@code null} at the end of the input
     */
    public static String expectedButFound(Collection<String> expected, String found) {
        return expectedBut(expected, found == null ? null : quote(found));
    }

    /**
     * Like {@link #expectedButFound} for a found token that is already worded ({@code end of line}).
     *
     * @param found the description of what was found, or {@code null} at the end of the input
     */
    public static String expectedBut(Collection<String> expected, String found) {
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(expected));
        String what = found == null ? "end of file" : found;
        if (unique.isEmpty() || unique.size() > MAX_LISTED) {
            return found == null ? "unexpected end of file (is the test truncated?)" : "unexpected " + what;
        }
        String list = join(unique);
        return found == null
                ? "unexpected end of file, expected " + list + " (is the test truncated?)"
                : "expected " + list + " but found " + what;
    }

    /** A literal token image from JavaCC's {@code tokenImage} table ({@code "\";\""}) as {@code ';'}. */
    public static String literal(String tokenImage) {
        if (tokenImage.length() >= 2 && tokenImage.startsWith("\"") && tokenImage.endsWith("\"")) {
            return quote(tokenImage.substring(1, tokenImage.length() - 1).replace("\\\\", "\\"));
        }
        return tokenImage;
    }

    public static String quote(String s) {
        return "'" + s + "'";
    }

    private static String join(List<String> items) {
        if (items.size() == 1) return items.get(0);
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }
}
