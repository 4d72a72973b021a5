package org.powercheck.ir;

/**
 * Bad user input (syntax error, undefined register, unknown instruction, ...). The CLI prints
 * {@link #getMessage()} as one {@code file:line:col: message} line and exits with status 2.
 */
public class InputException extends RuntimeException {
    private final SourcePos pos;
    private final String detail;

    public InputException(SourcePos pos, String detail) {
        super(pos + ": " + detail);
        this.pos = pos;
        this.detail = detail;
    }

    public SourcePos pos() {
        return pos;
    }

    public String detail() {
        return detail;
    }
}
