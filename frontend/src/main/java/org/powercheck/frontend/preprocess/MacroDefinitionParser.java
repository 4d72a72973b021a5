package org.powercheck.frontend.preprocess;

import java.util.ArrayList;
import java.util.List;
import org.powercheck.ir.InputException;

/** Turns the tokens of a {@code #define} line into a {@link Macro}, rejecting malformed definitions. */
final class MacroDefinitionParser {
    private MacroDefinitionParser() {
    }

    /**
     * @param directive the {@code define} token, for errors about a missing name
     * @param line the tokens after {@code define}, without the line end
     */
    static Macro parse(PpLexeme directive, List<PpLexeme> line) {
        if (line.isEmpty()) {
            throw new InputException(directive.pos(), "no macro name given in #define directive");
        }
        PpLexeme nameToken = line.get(0);
        checkMacroName(nameToken);
        List<String> params = new ArrayList<>();
        boolean functionLike = false;
        boolean variadic = false;
        int i = 1;
        if (i < line.size() && line.get(i).is("(") && !line.get(i).spaceBefore) {
            functionLike = true;
            i++;
            i = parseParameters(nameToken, line, i, params);
            variadic = params.size() > 0 && params.get(params.size() - 1).endsWith("...");
            if (variadic) {
                String last = params.remove(params.size() - 1);
                params.add(last.equals("...") ? Macro.VA_ARGS : last.substring(0, last.length() - 3));
            }
        }
        List<PpLexeme> body = line.subList(i, line.size());
        return compile(nameToken, functionLike, params, variadic, body);
    }

    static void checkMacroName(PpLexeme nameToken) {
        if (nameToken.kind != TokenKind.IDENT) {
            throw new InputException(nameToken.pos(), "macro names must be identifiers");
        }
        if (nameToken.text.equals("defined")) {
            throw new InputException(nameToken.pos(), "\"defined\" cannot be used as a macro name");
        }
    }

    /** Parses the list after '(' and returns the index after ')'; a variadic parameter keeps a "..." suffix. */
    private static int parseParameters(PpLexeme nameToken, List<PpLexeme> line, int i, List<String> params) {
        if (i < line.size() && line.get(i).is(")")) {
            return i + 1;
        }
        while (true) {
            if (i >= line.size()) {
                throw new InputException(nameToken.pos(), "missing ')' in macro parameter list");
            }
            PpLexeme t = line.get(i);
            if (t.is("...")) {
                params.add("...");
                i++;
                return expectClose(nameToken, line, i, "missing ')' after \"...\"");
            }
            if (t.kind != TokenKind.IDENT) {
                throw new InputException(t.pos(), "expected parameter name, found \"" + t.text + "\"");
            }
            if (t.text.equals(Macro.VA_ARGS)) {
                throw new InputException(t.pos(), "__VA_ARGS__ can not be used as a parameter name");
            }
            if (params.contains(t.text) || params.contains(t.text + "...")) {
                throw new InputException(t.pos(), "duplicate macro parameter \"" + t.text + "\"");
            }
            i++;
            if (i < line.size() && line.get(i).is("...")) {
                params.add(t.text + "...");
                return expectClose(nameToken, line, i + 1, "missing ')' after \"...\"");
            }
            params.add(t.text);
            if (i < line.size() && line.get(i).is(",")) {
                i++;
                continue;
            }
            if (i < line.size() && line.get(i).is(")")) {
                return i + 1;
            }
            if (i >= line.size()) {
                throw new InputException(nameToken.pos(), "missing ')' in macro parameter list");
            }
            throw new InputException(line.get(i).pos(), "expected ',' or ')', found \"" + line.get(i).text + "\"");
        }
    }

    private static int expectClose(PpLexeme nameToken, List<PpLexeme> line, int i, String message) {
        if (i < line.size() && line.get(i).is(")")) {
            return i + 1;
        }
        throw new InputException(i < line.size() ? line.get(i).pos() : nameToken.pos(), message);
    }

    private static Macro compile(PpLexeme nameToken, boolean functionLike, List<String> params, boolean variadic,
                                 List<PpLexeme> body) {
        List<PpLexeme> compiled = new ArrayList<>(body.size());
        List<Integer> paramOf = new ArrayList<>(body.size());
        for (int j = 0; j < body.size(); j++) {
            PpLexeme t = body.get(j);
            if (j == 0) {
                t = t.withSpaceBefore(false);
            }
            if (t.is("##")) {
                if (j == 0 || j == body.size() - 1) {
                    throw new InputException(t.pos(), "'##' cannot appear at either end of a macro expansion");
                }
                compiled.add(t.withKind(TokenKind.PASTE));
                paramOf.add(-1);
            } else if (functionLike && t.is("#")) {
                int param = j + 1 < body.size() ? parameterIndex(params, body.get(j + 1)) : -1;
                if (param < 0) {
                    throw new InputException(t.pos(), "'#' is not followed by a macro parameter");
                }
                compiled.add(PpLexeme.source(TokenKind.STRINGIZE, "#" + body.get(j + 1).text, t.file, t.line,
                        t.column, t.spaceBefore));
                paramOf.add(param);
                j++;
            } else {
                compiled.add(t);
                paramOf.add(functionLike ? parameterIndex(params, t) : -1);
                if (variadic && t.isIdent("__VA_OPT__")) {
                    checkVaOpt(body, j);
                }
            }
        }
        int[] paramIndexes = new int[paramOf.size()];
        for (int k = 0; k < paramIndexes.length; k++) {
            paramIndexes[k] = paramOf.get(k);
        }
        return new Macro(nameToken.text, functionLike, params, variadic, compiled.toArray(new PpLexeme[0]),
                paramIndexes, null, nameToken.pos());
    }

    private static int parameterIndex(List<String> params, PpLexeme t) {
        return t.kind == TokenKind.IDENT ? params.indexOf(t.text) : -1;
    }

    private static void checkVaOpt(List<PpLexeme> body, int at) {
        if (at + 1 >= body.size() || !body.get(at + 1).is("(")) {
            throw new InputException(body.get(at).pos(), "__VA_OPT__ must be followed by an open parenthesis");
        }
        if (matchingParen(body, at + 1) < 0) {
            throw new InputException(body.get(at).pos(), "unterminated __VA_OPT__");
        }
    }

    /** Index of the ')' matching the '(' at {@code open}, or -1. */
    private static int matchingParen(List<PpLexeme> tokens, int open) {
        int depth = 0;
        for (int k = open; k < tokens.size(); k++) {
            if (tokens.get(k).is("(")) {
                depth++;
            } else if (tokens.get(k).is(")") && --depth == 0) {
                return k;
            }
        }
        return -1;
    }
}
