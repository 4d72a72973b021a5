package org.powercheck.checker.report;

import org.powercheck.ir.Condition;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Prop;

/**
 * Prints a final condition the way herd7 does: {@code exists (1:r1=1 /\ [x]=0)}, memory keys in
 * brackets, {@code not (...)}, and parentheses only where precedence needs them
 * ({@code =>} below {@code \/} below {@code /\}), so our lines can be compared with herd's.
 */
public final class HerdCondition {
    private static final int IMPLIES = 0, OR = 1, AND = 2, ATOM = 3;

    private HerdCondition() {}

    public static String format(Condition c) {
        return c.quantifier().text + " (" + format(c.prop()) + ")";
    }

    public static String format(Prop p) {
        StringBuilder sb = new StringBuilder();
        append(sb, p);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Prop p) {
        switch (p) {
            case Prop.True t -> sb.append("true");
            case Prop.False f -> sb.append("false");
            case Prop.Eq e -> sb.append(e.key()).append('=').append(value(e.value()));
            case Prop.SameValue s -> sb.append(s.left()).append('=').append(s.right());
            case Prop.Not n -> {
                sb.append("not (");
                append(sb, n.arg());
                sb.append(')');
            }
            case Prop.And a -> {
                operand(sb, a.left(), AND);
                sb.append(" /\\ ");
                operand(sb, a.right(), AND);
            }
            case Prop.Or o -> {
                operand(sb, o.left(), OR);
                sb.append(" \\/ ");
                operand(sb, o.right(), OR);
            }
            case Prop.Implies i -> {
                operand(sb, i.left(), OR);
                sb.append(" => ");
                operand(sb, i.right(), OR);
            }
        }
    }

    /** An operand binds at least as tightly as {@code level}; a looser one gets parentheses. */
    private static void operand(StringBuilder sb, Prop p, int level) {
        boolean paren = precedence(p) < level;
        if (paren) sb.append('(');
        append(sb, p);
        if (paren) sb.append(')');
    }

    private static int precedence(Prop p) {
        return switch (p) {
            case Prop.Implies i -> IMPLIES;
            case Prop.Or o -> OR;
            case Prop.And a -> AND;
            case Prop.True t -> ATOM;
            case Prop.False f -> ATOM;
            case Prop.Eq e -> ATOM;
            case Prop.SameValue s -> ATOM;
            case Prop.Not n -> ATOM;
        };
    }

    private static String value(Expr v) {
        return v instanceof Expr.Addr a ? a.cell() : v.toString();
    }
}
