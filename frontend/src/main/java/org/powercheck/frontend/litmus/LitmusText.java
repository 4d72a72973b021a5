package org.powercheck.frontend.litmus;

/** Scanning steps the litmus readers share over a test's raw text. */
public final class LitmusText {
    private LitmusText() {}

    /**
     * The end of the (nested) {@code (* ... *)} comment that opens at {@code i}: the index after
     * its closing {@code *)}, or -1 when it is never closed.
     */
    public static int endOfComment(String text, int i) {
        int depth = 0;
        do {
            if (text.startsWith("(*", i)) {
                depth++;
                i += 2;
            } else if (text.startsWith("*)", i)) {
                depth--;
                i += 2;
            } else {
                i++;
            }
        } while (depth > 0 && i < text.length());
        return depth > 0 ? -1 : i;
    }

    /** The end of the preprocessor line that starts at {@code i}, backslash-newline continuations included. */
    public static int endOfDirective(String text, int i) {
        while (i < text.length() && text.charAt(i) != '\n') {
            if (text.charAt(i) == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
            i++;
        }
        return i;
    }
}
