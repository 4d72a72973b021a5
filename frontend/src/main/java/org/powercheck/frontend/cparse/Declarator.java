package org.powercheck.frontend.cparse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.powercheck.ir.SourcePos;

/**
 * A declarator while it is parsed: the declared name (absent in abstract declarators) and the
 * steps that derive the declared type from the specifiers' type, innermost first
 * ({@code int *a[3]}: pointer, then array of 3).
 */
final class Declarator {
    String name;
    SourcePos pos;
    /** The parameters of the function this declarator declares, if it declares one. */
    List<CParam> params;
    boolean variadic;
    private final List<Step> steps = new ArrayList<>();

    sealed interface Step {
        record PointerTo(List<String> qualifiers) implements Step {}

        record ArrayOf(Optional<CExpr> length) implements Step {}

        record FunctionReturning(List<CParam> params, boolean variadic) implements Step {}
    }

    /**
     * Adds the parts written around the name: {@code pointers} before it, {@code suffixes} after
     * it (left to right). When this is a parenthesised inner declarator, its own steps were
     * written closer to the name, so they apply last: {@code int (*fp)(void)} is a pointer to a
     * function.
     */
    void wrapAround(List<Step> pointers, List<Step> suffixes) {
        List<Step> own = new ArrayList<>(steps);
        steps.clear();
        steps.addAll(pointers);
        for (int i = suffixes.size() - 1; i >= 0; i--) steps.add(suffixes.get(i));
        steps.addAll(own);
    }

    CType apply(CType base) {
        CType t = base;
        for (Step s : steps) {
            t = switch (s) {
                case Step.PointerTo p -> new CType.Pointer(t, p.qualifiers());
                case Step.ArrayOf a -> new CType.Array(t, a.length());
                case Step.FunctionReturning f -> new CType.Function(t, f.params(), f.variadic());
            };
        }
        return t;
    }
}
