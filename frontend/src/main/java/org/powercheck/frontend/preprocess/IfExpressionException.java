package org.powercheck.frontend.preprocess;

/** An error found while evaluating an {@code #if} expression, at a column of the expression text. */
final class IfExpressionException extends RuntimeException {
    final int column;

    IfExpressionException(String message, int column) {
        super(message);
        this.column = column;
    }
}
