package org.powercheck.frontend.preprocess;

/** Kinds of preprocessing tokens, plus the markers the macro expander uses internally. */
enum TokenKind {
    IDENT,
    NUMBER,
    CHAR,
    STRING,
    PUNCT,
    /** A character that is no C token (a stray backslash, {@code @}, an unterminated quote). */
    OTHER,
    NEWLINE,
    EOF,
    /** A {@code ##} operator in a macro body (a {@code ##} reaching the body from an argument is a PUNCT). */
    PASTE,
    /** {@code #param} in a function-like macro body. */
    STRINGIZE,
    /** Stands for an empty argument next to {@code ##} (C11 6.10.3.3); removed before rescanning. */
    PLACEMARKER
}
