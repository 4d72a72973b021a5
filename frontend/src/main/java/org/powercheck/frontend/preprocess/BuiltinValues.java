package org.powercheck.frontend.preprocess;

import java.util.List;

/** The replacements of builtin macros. */
final class BuiltinValues {
    private BuiltinValues() {
    }

    static PpLexeme number(boolean value, PpLexeme at) {
        return PpLexeme.madeAt(TokenKind.NUMBER, value ? "1" : "0", at, at.spaceBefore);
    }

    static PpLexeme objectLike(BuiltinMacro kind, PpLexeme at, ExpansionContext context) {
        return switch (kind) {
            case FILE -> string(at.file, at);
            case BASE_FILE -> string(context.baseFile, at);
            case LINE -> PpLexeme.madeAt(TokenKind.NUMBER, Integer.toString(at.line), at, at.spaceBefore);
            case COUNTER -> PpLexeme.madeAt(TokenKind.NUMBER, Integer.toString(context.nextCounter()), at,
                    at.spaceBefore);
            case INCLUDE_LEVEL -> PpLexeme.madeAt(TokenKind.NUMBER, Integer.toString(context.includeLevel()), at,
                    at.spaceBefore);
            // Fixed, so that output does not depend on when it was made.
            case DATE -> PpLexeme.madeAt(TokenKind.STRING, "\"Jan  1 1970\"", at, at.spaceBefore);
            case TIME -> PpLexeme.madeAt(TokenKind.STRING, "\"00:00:00\"", at, at.spaceBefore);
            default -> throw new IllegalArgumentException("not an object-like builtin: " + kind);
        };
    }

    /**
     * IS_BUILTIN(X): X is defined as 1 (or y); IS_MODULE(X): X_MODULE is; IS_ENABLED: either;
     * IS_REACHABLE: built in, or a module while compiling a module.
     */
    static PpLexeme kconfigTest(BuiltinMacro kind, List<PpLexeme> rawArg, List<PpLexeme> expandedArg, PpLexeme at,
                               MacroTable macros) {
        boolean builtIn = expandedArg.size() == 1 && isOn(expandedArg.get(0).text);
        boolean module = false;
        if (rawArg.size() == 1 && rawArg.get(0).kind == TokenKind.IDENT) {
            Macro m = macros.get(rawArg.get(0).text + "_MODULE");
            module = m != null && (m.bodyIs("1") || m.bodyIs("y"));
        }
        boolean value = switch (kind) {
            case IS_BUILTIN -> builtIn;
            case IS_MODULE -> module;
            case IS_ENABLED -> builtIn || module;
            case IS_REACHABLE -> builtIn || (module && macros.isDefined("MODULE"));
            default -> throw new IllegalArgumentException("not a Kconfig test: " + kind);
        };
        return number(value, at);
    }

    private static boolean isOn(String text) {
        return text.equals("1") || text.equals("y");
    }

    private static PpLexeme string(String text, PpLexeme at) {
        String escaped = text.replace("\\", "\\\\").replace("\"", "\\\"");
        return PpLexeme.madeAt(TokenKind.STRING, "\"" + escaped + "\"", at, at.spaceBefore);
    }
}
