package org.powercheck.frontend.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powercheck.ir.InputException;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.UnsupportedConstructException;

/**
 * The calls of one lowering that have neither a body nor semantics: functions nobody defined, and
 * kernel primitives powercheck has no sequence for. Lowering goes on past them (a call is taken
 * as havoc'd meanwhile, so the code after it lowers as it would with {@code --havoc}), and the
 * end of the lowering reports them all in one error, so that one run names every one, each with
 * its first call.
 */
final class MissingFunctions {
    private final Map<String, SourcePos> unknown = new LinkedHashMap<>();
    private final Map<String, SourcePos> unsupported = new LinkedHashMap<>();
    /** functions without a body taken as unconstrained, when a lone file is shown ({@code parse}) */
    private final Map<String, SourcePos> havocked = new LinkedHashMap<>();
    /** what {@link #throwIfAny} threw, which names them all already */
    private InputException thrown;

    /** A function without a body or semantics, called at {@code pos}. */
    void unknown(String name, SourcePos pos) {
        unknown.putIfAbsent(name, pos);
    }

    /** A kernel primitive that has no modelled sequence, called at {@code pos}. */
    void unsupported(String name, SourcePos pos) {
        unsupported.putIfAbsent(name, pos);
    }

    /** A function without a body whose calls are taken as unconstrained (a lone file's lowering). */
    void havocked(String name, SourcePos pos) {
        havocked.putIfAbsent(name, pos);
    }

    /** The functions {@link #havocked} names, each with its first call. */
    Map<String, SourcePos> havocked() {
        return havocked;
    }

    boolean isEmpty() {
        return unknown.isEmpty() && unsupported.isEmpty();
    }

    /** Throws the error that names every missing function, if there is one. */
    void throwIfAny() {
        if (isEmpty()) return;
        thrown = error();
        throw thrown;
    }

    /**
     * {@code error}, thrown by the lowering after some missing functions were met, with those
     * named too: a run that stops at another error still names every missing one it passed.
     */
    InputException along(InputException error) {
        if (isEmpty() || error == thrown) return error;
        String before = "; before it, " + error().detail();
        if (error instanceof UnsupportedConstructException u) {
            return new UnsupportedConstructException(u.pos(), u.construct() + before);
        }
        return new InputException(error.pos(), error.detail() + before);
    }

    /** The unknown functions (an input error), or else the unsupported primitives. */
    private InputException error() {
        if (unknown.isEmpty()) {
            SourcePos first = unsupported.values().iterator().next();
            return new UnsupportedConstructException(first,
                    unsupported.size() == 1 ? unsupported.keySet().iterator().next() : listed(unsupported, ""));
        }
        SourcePos first = unknown.values().iterator().next();
        String names = String.join(",", unknown.keySet());
        String detail = unknown.size() == 1
                ? "unknown function '" + names + "' (give it a body or pass --havoc " + names + ")"
                : unknown.size() + " unknown functions: " + listed(unknown, "'") + " (give them bodies or pass --havoc "
                        + names + ")";
        if (!unsupported.isEmpty()) detail += "; not supported yet: " + listed(unsupported, "");
        return new InputException(first, detail);
    }

    /** {@code 'f' (file:line:col), 'g' (file:line:col)}, the names in {@code quote}s. */
    private static String listed(Map<String, SourcePos> names, String quote) {
        List<String> out = new ArrayList<>();
        names.forEach((name, pos) -> out.add(quote + name + quote + " (" + pos + ")"));
        return String.join(", ", out);
    }
}
