package org.powercheck.frontend.preprocess;

import org.powercheck.ir.SourcePos;

/**
 * One immutable preprocessing token. Its position is where it is spelled in the source when
 * {@link #fromSource} holds; tokens made by macro replacement carry the position of the macro
 * invocation instead, so downstream errors point at code the user wrote.
 */
final class PpToken {
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

    PpToken(TokenKind kind, String text, String file, int line, int column, boolean spaceBefore,
            boolean fromSource, HideSet hideSet) {
        this(kind, text, file, line, column, spaceBefore, fromSource, false, hideSet);
    }

    private PpToken(TokenKind kind, String text, String file, int line, int column, boolean spaceBefore,
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

    static PpToken source(TokenKind kind, String text, String file, int line, int column, boolean spaceBefore) {
        return new PpToken(kind, text, file, line, column, spaceBefore, true, HideSet.EMPTY);
    }

    /** A token made by macro replacement, placed at the invocation {@code at}. */
    static PpToken madeAt(TokenKind kind, String text, PpToken at, boolean spaceBefore) {
        return new PpToken(kind, text, at.file, at.line, at.column, spaceBefore, false, HideSet.EMPTY);
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

    PpToken withSpaceBefore(boolean space) {
        return space == spaceBefore ? this
                : new PpToken(kind, text, file, line, column, space, fromSource, substituted, hideSet);
    }

    PpToken withHideSet(HideSet set) {
        return set == hideSet ? this
                : new PpToken(kind, text, file, line, column, spaceBefore, fromSource, substituted, set);
    }

    PpToken withKind(TokenKind newKind) {
        return new PpToken(newKind, text, file, line, column, spaceBefore, fromSource, substituted, hideSet);
    }

    PpToken asSubstituted(boolean space) {
        return substituted && space == spaceBefore ? this
                : new PpToken(kind, text, file, line, column, space, fromSource, true, hideSet);
    }

    /** This token as a copy in the replacement of the macro invoked by {@code invocation}. */
    PpToken replacingAt(PpToken invocation) {
        return new PpToken(kind, text, invocation.file, invocation.line, invocation.column, spaceBefore, false,
                HideSet.EMPTY);
    }

    @Override
    public String toString() {
        return kind + "(" + text + ")@" + file + ":" + line + ":" + column;
    }
}
