package org.powercheck.checker;

import org.powercheck.ir.SourcePos;

/**
 * An engine could not explore a valid program because it reached one of its own limits (the
 * encoding's size, a register computation's value combinations). The program is not wrong and
 * its constructs are supported: the result is unknown, and the message names the limit.
 */
public final class EngineLimitException extends RuntimeException {
    private final SourcePos pos;
    private final String limit;

    /** @param limit what was too large, and the limit, e.g. "more than 65536 value combinations" */
    public EngineLimitException(SourcePos pos, String limit) {
        super(pos + ": engine limit: " + limit + "; the result is unknown", null, false, false);
        this.pos = pos;
        this.limit = limit;
    }

    public SourcePos pos() {
        return pos;
    }

    public String limit() {
        return limit;
    }

    /** The wording the reports use: {@code engine limit: LIMIT at file:line:col}. */
    public String report() {
        return "engine limit: " + limit + " at " + pos;
    }
}
