package org.powercheck.checker;

/**
 * How large the SAT engine's problem was: candidate events, variables and clauses once the
 * program and the model are encoded (before the final states are enumerated). The explicit
 * engine has none ({@link #NONE}).
 */
public record EncodingSize(int events, int variables, long clauses) {
    public static final EncodingSize NONE = new EncodingSize(0, 0, 0);

    public boolean known() {
        return variables > 0;
    }
}
