package org.powercheck.frontend.ppc;

import org.powercheck.ir.Condition;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Prop;

/**
 * Prints a condition as herd7's "Condition" line does: parentheses only where precedence needs
 * them ({@code \/} weakest, then {@code /\}, then {@code =>}). Lets tests compare the parsed
 * condition with herd's own reading of it.
 */
final class HerdConditionFormat {
    private static final int OR = 1;
    private static final int AND = 2;
    private static final int IMPLIES = 3;
    private static final int ATOM = 4;

    private HerdConditionFormat() {}

    static String format(Condition c) {
        return c.quantifier().text + " (" + format(c.prop(), 0) + ")";
    }

    private static String format(Prop p, int context) {
        return switch (p) {
            case Prop.True t -> "true";
            case Prop.False f -> "false";
            case Prop.Not n -> "not (" + format(n.arg(), 0) + ")";
            case Prop.And a -> wrap(format(a.left(), AND) + " /\\ " + format(a.right(), AND), AND, context);
            case Prop.Or o -> wrap(format(o.left(), OR) + " \\/ " + format(o.right(), OR), OR, context);
            case Prop.Implies i -> wrap(format(i.left(), ATOM) + " => " + format(i.right(), IMPLIES), IMPLIES, context);
            case Prop.Eq e -> e.key() + "=" + (e.value() instanceof Expr.Addr a ? a.cell() : e.value().toString());
            case Prop.SameValue v -> v.left() + "=" + v.right();
        };
    }

    private static String wrap(String s, int level, int context) {
        return level < context ? "(" + s + ")" : s;
    }
}
