package org.powercheck.ir;

/**
 * A construct that is valid input but has no semantics in powercheck yet (for example an RCU
 * callback). Reported as "not supported yet: CONSTRUCT at file:line:col" and counted apart
 * from passes and failures.
 */
public final class UnsupportedConstructException extends InputException {
    private final String construct;

    public UnsupportedConstructException(SourcePos pos, String construct) {
        super(pos, "not supported yet: " + construct);
        this.construct = construct;
    }

    public String construct() {
        return construct;
    }

    /** The wording the reports use: {@code not supported yet: CONSTRUCT at file:line:col}. */
    public String report() {
        return "not supported yet: " + construct + " at " + pos();
    }
}
