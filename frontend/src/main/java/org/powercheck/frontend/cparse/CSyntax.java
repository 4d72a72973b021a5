package org.powercheck.frontend.cparse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.powercheck.frontend.litmus.SyntaxErrors;
import org.powercheck.ir.InputException;
import org.powercheck.ir.SourcePos;

/** Entry points of the C grammar, with syntax errors as one {@link InputException} each. */
public final class CSyntax {
    private CSyntax() {}

    /** What a partial parse read, and where the C text ended (the first token it did not take). */
    public record Partial(List<CExternal> items, int stopLine, int stopColumn, boolean atEnd) {
        public Partial {
            items = List.copyOf(items);
        }
    }

    /** A whole translation unit. */
    public static List<CExternal> translationUnit(String text, String file, TypeNames types) {
        CParser parser = CParser.over(text, file, 1, 1, types);
        try {
            return parser.TranslationUnit();
        } catch (ParseException e) {
            throw syntaxError(parser, e, file);
        } catch (TokenMgrError e) {
            throw lexicalError(parser, file, 1, 1);
        }
    }

    /**
     * External declarations from {@code text}, whose first character is at {@code line}:{@code column}
     * of {@code file}, up to the end or to the first token spelled as one of {@code stopWords}.
     */
    public static Partial until(String text, String file, int line, int column, Set<String> stopWords,
                                TypeNames types) {
        CParser parser = CParser.over(text, file, line, column, types);
        try {
            List<CExternal> items = parser.ExternalsUntil(stopWords);
            Token stop = parser.peek();
            return new Partial(items, stop.beginLine, stop.beginColumn, stop.kind == CParserConstants.EOF);
        } catch (ParseException e) {
            throw syntaxError(parser, e, file);
        } catch (TokenMgrError e) {
            throw lexicalError(parser, file, line, column);
        }
    }

    /** The only lexical error left: every character is a token, so the input ended inside a comment. */
    private static InputException lexicalError(CParser parser, String file, int line, int column) {
        int[] start = parser.token_source.openComment();
        if (start != null) return new InputException(new SourcePos(file, start[0], start[1]), "comment is never closed");
        return new InputException(new SourcePos(file, line, column), "unreadable input");
    }

    private static InputException syntaxError(CParser parser, ParseException e, String file) {
        if (e.currentToken == null) {
            // raised by an action of the grammar: the message is already in plain words
            Token t = parser.peek();
            return new InputException(new SourcePos(file, t.beginLine, t.beginColumn), e.getMessage());
        }
        int depth = 1;
        for (int[] seq : e.expectedTokenSequences) depth = Math.max(depth, seq.length);
        Token t = e.currentToken;
        for (int i = 0; i < depth && t.next != null; i++) t = t.next;
        List<String> expected = new ArrayList<>();
        for (int[] seq : e.expectedTokenSequences) {
            if (seq.length == depth) expected.add(describe(seq[depth - 1]));
        }
        String found = t.kind == CParserConstants.EOF ? null : t.image;
        if (t.kind == CParserConstants.UNEXPECTED_CHAR) {
            return new InputException(new SourcePos(file, t.beginLine, t.beginColumn),
                    "unexpected character " + SyntaxErrors.quote(found));
        }
        String message = SyntaxErrors.expectedButFound(expected, found);
        // After a complete expression nearly every operator may follow; the missing ';' is the likely mistake.
        if (found != null && message.startsWith("unexpected") && expected.contains("';'")) {
            message = "expected ';' but found " + SyntaxErrors.quote(found);
        }
        return new InputException(new SourcePos(file, t.beginLine, t.beginColumn), message);
    }

    private static String describe(int kind) {
        return switch (kind) {
            case CParserConstants.EOF -> "end of file";
            case CParserConstants.IDENTIFIER -> "a name";
            case CParserConstants.INTEGER -> "a number";
            case CParserConstants.CHARACTER -> "a character constant";
            case CParserConstants.STRING -> "a string";
            default -> SyntaxErrors.literal(CParserConstants.tokenImage[kind]);
        };
    }
}
