package org.powercheck.frontend.preprocess;

import java.util.List;
import org.powercheck.ir.SourcePos;

/**
 * A macro definition with its body compiled for substitution: {@code ##} operators are PASTE
 * tokens, {@code #param} is one STRINGIZE token, and {@link #paramOf} gives for each body token
 * the index of the parameter it names (or -1).
 */
final class Macro {
    /** Name the variadic parameter has inside the body when the definition does not name it. */
    static final String VA_ARGS = "__VA_ARGS__";

    final String name;
    final boolean functionLike;
    final List<String> params;
    /** The last parameter collects the remaining arguments ({@code ...} or GNU {@code args...}). */
    final boolean variadic;
    final PpLexeme[] body;
    final int[] paramOf;
    final BuiltinMacro builtin;
    final SourcePos pos;

    /**
     * {@code #define X X} or {@code #define X(v) X((v))}: how a kernel header says it has
     * {@code X} (the fallbacks test {@code #ifndef X}); expanding it still calls {@code X}.
     */
    boolean isSelfReference() {
        return builtin == null && body.length >= 1 && body[0].text.equals(name);
    }

    Macro(String name, boolean functionLike, List<String> params, boolean variadic, PpLexeme[] body, int[] paramOf,
          BuiltinMacro builtin, SourcePos pos) {
        this.name = name;
        this.functionLike = functionLike;
        this.params = List.copyOf(params);
        this.variadic = variadic;
        this.body = body;
        this.paramOf = paramOf;
        this.builtin = builtin;
        this.pos = pos;
    }

    static Macro builtin(BuiltinMacro kind) {
        return new Macro(kind.macroName, kind.functionLike, kind.functionLike ? List.of("x") : List.of(), false,
                new PpLexeme[0], new int[0], kind, new SourcePos("<built-in>", 0, 0));
    }

    int variadicIndex() {
        return variadic ? params.size() - 1 : -1;
    }

    /** The body is the single token {@code text} (used by the Kconfig tests). */
    boolean bodyIs(String text) {
        return builtin == null && !functionLike && body.length == 1 && body[0].text.equals(text);
    }
}
