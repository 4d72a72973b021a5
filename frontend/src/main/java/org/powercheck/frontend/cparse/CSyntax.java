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

    /**
     * What a tolerant parse read: every top-level item that parsed, and one error for each that
     * did not (the parse goes on after the end of the failed declaration).
     */
    public record Unit(List<CExternal> items, List<InputException> errors) {
        public Unit {
            items = List.copyOf(items);
            errors = List.copyOf(errors);
        }
    }

    /** A whole translation unit; the first syntax error ends the parse. */
    public static List<CExternal> translationUnit(String text, String file, TypeNames types) {
        return translationUnit(text, PositionMap.identity(file), types);
    }

    /** A whole translation unit whose positions {@code positions} maps to the user's sources. */
    public static List<CExternal> translationUnit(String text, PositionMap positions, TypeNames types) {
        CParser parser = CParser.over(text, positions, 1, 1, types);
        try {
            return parser.TranslationUnit();
        } catch (ParseException e) {
            throw syntaxError(parser, e, parser.peek());
        } catch (TokenMgrError e) {
            throw lexicalError(parser, 1, 1);
        } catch (StackOverflowError e) {
            throw tooDeep(parser);
        }
    }

    /**
     * A translation unit of kernel C (preprocessed, its headers not read), parsed as far as it
     * goes: with {@code PreprocessedUnit::map} as {@code positions}, every node and error points at
     * the user's sources.
     */
    public static Unit tolerantUnit(String text, PositionMap positions, TypeNames types) {
        CParser parser = CParser.over(text, positions, 1, 1, types);
        List<CExternal> items;
        try {
            items = parser.TolerantTranslationUnit();
        } catch (ParseException e) {
            throw syntaxError(parser, e, parser.peek());
        } catch (TokenMgrError e) {
            throw lexicalError(parser, 1, 1);
        } catch (StackOverflowError e) {
            throw tooDeep(parser);
        }
        List<InputException> errors = new ArrayList<>();
        for (SyntaxFailure f : parser.failures) errors.add(syntaxError(parser, f.error(), f.next()));
        return new Unit(items, errors);
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
            throw syntaxError(parser, e, parser.peek());
        } catch (TokenMgrError e) {
            throw lexicalError(parser, line, column);
        } catch (StackOverflowError e) {
            throw tooDeep(parser);
        }
    }

    /** The only lexical error left: every character is a token, so the input ended inside a comment. */
    private static InputException lexicalError(CParser parser, int line, int column) {
        int[] start = parser.token_source.openComment();
        if (start != null) return new InputException(at(parser, start[0], start[1]), "comment is never closed");
        return new InputException(at(parser, line, column), "unreadable input");
    }

    private static InputException tooDeep(CParser parser) {
        return new InputException(parser.pos(parser.token), "nested too deeply to parse");
    }

    private static SourcePos at(CParser parser, int line, int column) {
        Token t = new Token();
        t.beginLine = line;
        t.beginColumn = column;
        return parser.pos(t);
    }

    /** {@code next} is the token the parser had not taken when {@code e} was raised. */
    private static InputException syntaxError(CParser parser, ParseException e, Token next) {
        if (e.currentToken == null) {
            // raised by an action of the grammar: the message is already in plain words
            return new InputException(parser.pos(next), e.getMessage());
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
            return new InputException(parser.pos(t), "unexpected character " + SyntaxErrors.quote(found));
        }
        String message = SyntaxErrors.expectedButFound(expected, found);
        // After a complete expression nearly every operator may follow; the missing ';' is the likely mistake.
        if (found != null && message.startsWith("unexpected") && expected.contains("';'")) {
            message = "expected ';' but found " + SyntaxErrors.quote(found);
        }
        return new InputException(parser.pos(t), message);
    }

    private static String describe(int kind) {
        return switch (kind) {
            case CParserConstants.EOF -> "end of file";
            case CParserConstants.IDENTIFIER -> "a name";
            case CParserConstants.INTEGER -> "a number";
            case CParserConstants.CHARACTER -> "a character constant";
            case CParserConstants.STRING -> "a string";
            // keywords with several spellings: name the standard one
            case CParserConstants.ATTRIBUTE -> "'__attribute__'";
            case CParserConstants.ASM -> "'asm'";
            case CParserConstants.CONST -> "'const'";
            case CParserConstants.VOLATILE -> "'volatile'";
            case CParserConstants.RESTRICT -> "'restrict'";
            case CParserConstants.INLINE -> "'inline'";
            case CParserConstants.SIGNED -> "'signed'";
            case CParserConstants.TYPEOF -> "'typeof'";
            case CParserConstants.ALIGNOF -> "'_Alignof'";
            case CParserConstants.THREAD_LOCAL -> "'_Thread_local'";
            default -> SyntaxErrors.literal(CParserConstants.tokenImage[kind]);
        };
    }
}
