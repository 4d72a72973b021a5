package org.powercheck.frontend.litmus;

/**
 * Parses the tail of a herd litmus test: {@code locations [...]}, {@code filter P} and the final
 * condition ({@code exists}, {@code ~exists}, {@code forall}, {@code final ... ; with ...}); a
 * test without a condition gets herd's {@code forall (true)}. Bad input raises one
 * {@link org.powercheck.ir.InputException} with its position in the whole file.
 */
public final class ConditionTailParser {
    private ConditionTailParser() {}

    /**
     * @param tail the text of the tail alone
     * @param line the 1-based line of the tail's first character in {@code file}
     * @param column the 1-based column of the tail's first character
     */
    public static ConditionTail parse(String tail, String file, int line, int column, KeyResolver resolver) {
        return new ConditionTailGrammar(tail, file, line, column, resolver).parseAll();
    }

    /** Parses {@code text} from {@code offset} to its end; positions count from the start of {@code text}. */
    public static ConditionTail parseFrom(String text, int offset, String file, KeyResolver resolver) {
        TextPositions positions = new TextPositions(text);
        return parse(text.substring(offset), file, positions.line(offset), positions.column(offset), resolver);
    }
}
