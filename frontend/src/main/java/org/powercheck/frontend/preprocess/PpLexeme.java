package org.powercheck.frontend.preprocess;

import org.powercheck.ir.SourcePos;

/**
 * One immutable preprocessing token. Its position is where it is spelled in the source when
 * {@link #fromSource} holds; tokens made by macro replacement carry the position of the macro
 * invocation instead, so downstream errors point at code the user wrote.
 */
final class PpLexeme {
    final TokenKind kind;
    final String text;
    final String file;
    final int line;
    final int column;
    /** Whitespace (or a comment) separated this token from the previous one. */
    final boolean spaceBefore;
    final boolean fromSource;
    /** The token went through macro replacement as (part of) an argument, so it left its source column. */
    final boolean substituted;
    final HideSet hideSet;

    PpLexeme(TokenKind kind, String text, String file, int line, int column, boolean spaceBefore,
            boolean fromSource, HideSet hideSet) {
        this(kind, text, file, line, column, spaceBefore, fromSource, false, hideSet);
    }

    private PpLexeme(TokenKind kind, String text, String file, int line, int column, boolean spaceBefore,
                    boolean fromSource, boolean substituted, HideSet hideSet) {
        this.substituted = substituted;
        this.kind = kind;
        this.text = text;
        this.file = file;
        this.line = line;
        this.column = column;
        this.spaceBefore = spaceBefore;
        this.fromSource = fromSource;
        this.hideSet = hideSet;
    }

    static PpLexeme source(TokenKind kind, String text, String file, int line, int column, boolean spaceBefore) {
        return new PpLexeme(kind, text, file, line, column, spaceBefore, true, HideSet.EMPTY);
    }

    /** A token made by macro replacement, placed at the invocation {@code at}. */
    static PpLexeme madeAt(TokenKind kind, String text, PpLexeme at, boolean spaceBefore) {
        return new PpLexeme(kind, text, at.file, at.line, at.column, spaceBefore, false, HideSet.EMPTY);
    }

    boolean is(String punctuator) {
        return kind == TokenKind.PUNCT && text.equals(punctuator);
    }

    boolean isIdent(String name) {
        return kind == TokenKind.IDENT && text.equals(name);
    }

    boolean endsLine() {
        return kind == TokenKind.NEWLINE || kind == TokenKind.EOF;
    }

    SourcePos pos() {
        return new SourcePos(file, line, column);
    }

    PpLexeme withSpaceBefore(boolean space) {
        return space == spaceBefore ? this
                : new PpLexeme(kind, text, file, line, column, space, fromSource, substituted, hideSet);
    }

    PpLexeme withHideSet(HideSet set) {
        return set == hideSet ? this
                : new PpLexeme(kind, text, file, line, column, spaceBefore, fromSource, substituted, set);
    }

    PpLexeme withKind(TokenKind newKind) {
        return new PpLexeme(newKind, text, file, line, column, spaceBefore, fromSource, substituted, hideSet);
    }

    PpLexeme asSubstituted(boolean space) {
        return substituted && space == spaceBefore ? this
                : new PpLexeme(kind, text, file, line, column, space, fromSource, true, hideSet);
    }

    /** This token as a copy in the replacement of the macro invoked by {@code invocation}. */
    PpLexeme replacingAt(PpLexeme invocation) {
        return new PpLexeme(kind, text, invocation.file, invocation.line, invocation.column, spaceBefore, false,
                HideSet.EMPTY);
    }

    @Override
    public String toString() {
        return kind + "(" + text + ")@" + file + ":" + line + ":" + column;
    }
}
