package org.powercheck.ir;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The proposition of a final condition, over the values of a final state. */
public sealed interface Prop {
    record True() implements Prop {
        @Override public String toString() { return "true"; }
    }

    record False() implements Prop {
        @Override public String toString() { return "false"; }
    }

    record Not(Prop arg) implements Prop {
        @Override public String toString() { return "not (" + arg + ")"; }
    }

    record And(Prop left, Prop right) implements Prop {
        @Override public String toString() { return left + " /\\ " + right; }
    }

    record Or(Prop left, Prop right) implements Prop {
        @Override public String toString() { return "(" + left + " \\/ " + right + ")"; }
    }

    record Implies(Prop left, Prop right) implements Prop {
        @Override public String toString() { return "(" + left + " => " + right + ")"; }
    }

    /** {@code key = value}; the value is a constant or a cell address ({@code 1:r2=x}). */
    record Eq(StateKey key, Expr value) implements Prop {
        public Eq {
            if (!(value instanceof Expr.Const || value instanceof Expr.Addr)) {
                throw new IllegalArgumentException("condition value must be a constant or an address");
            }
        }

        @Override public String toString() {
            return key + "=" + (value instanceof Expr.Addr a ? a.cell() : value.toString());
        }
    }

    /** {@code key1 = key2}: two final values are equal ({@code 0:r1=1:r2}). */
    record SameValue(StateKey left, StateKey right) implements Prop {
        @Override public String toString() { return left + "=" + right; }
    }

    /** Evaluates this proposition on a final state, resolving addresses with {@code layout}. */
    default boolean holds(Map<StateKey, Long> state, Layout layout) {
        return switch (this) {
            case True t -> true;
            case False f -> false;
            case Not n -> !n.arg().holds(state, layout);
            case And a -> a.left().holds(state, layout) && a.right().holds(state, layout);
            case Or o -> o.left().holds(state, layout) || o.right().holds(state, layout);
            case Implies i -> !i.left().holds(state, layout) || i.right().holds(state, layout);
            case Eq e -> {
                Long actual = state.get(e.key());
                if (actual == null) throw new IllegalStateException("state lacks " + e.key());
                yield actual == layout.valueOf(e.value());
            }
            case SameValue s -> {
                Long left = state.get(s.left()), right = state.get(s.right());
                if (left == null || right == null) throw new IllegalStateException("state lacks " + s);
                yield left.longValue() == right.longValue();
            }
        };
    }

    /** The keys this proposition mentions. */
    default Set<StateKey> keys() {
        Set<StateKey> out = new TreeSet<>();
        collect(this, out);
        return out;
    }

    private static void collect(Prop p, Set<StateKey> out) {
        switch (p) {
            case True t -> { }
            case False f -> { }
            case Not n -> collect(n.arg(), out);
            case And a -> { collect(a.left(), out); collect(a.right(), out); }
            case Or o -> { collect(o.left(), out); collect(o.right(), out); }
            case Implies i -> { collect(i.left(), out); collect(i.right(), out); }
            case Eq e -> out.add(e.key());
            case SameValue s -> { out.add(s.left()); out.add(s.right()); }
        }
    }
}
