package org.powercheck.frontend.kernel;

import java.util.List;
import org.powercheck.frontend.cparse.CExpr;
import org.powercheck.frontend.cparse.CInit;
import org.powercheck.ir.InputException;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.UnsupportedConstructException;

/**
 * Walks a C initialiser over the cells of the object it initialises: designators
 * ({@code .field =}, {@code [index] =}), nested braces, braces around a scalar and brace
 * elision. Each scalar it reaches is handed to a {@link Sink} with its cell offset; cells it does
 * not reach are zero, which the caller fills in.
 */
final class Initializers {
    /** Receives the initialised parts of the object. */
    interface Sink {
        void scalar(long cellOffset, KType type, CExpr value);

        /** A struct initialised from an expression of its type ({@code struct s a = b;}). */
        default void aggregate(long cellOffset, KType type, CExpr value) {
            throw new UnsupportedConstructException(value.pos(), "struct copy in an initialiser");
        }
    }

    private final TypeResolver resolver;
    private final Sink sink;

    private Initializers(TypeResolver resolver, Sink sink) {
        this.resolver = resolver;
        this.sink = sink;
    }

    static void walk(KType type, CInit init, TypeResolver resolver, Sink sink) {
        new Initializers(resolver, sink).walk(type, 0, init);
    }

    /** The length an initialiser gives an array declared without one ({@code int a[] = {1, 2}}). */
    static long length(CInit init, TypeResolver resolver) {
        if (!(init instanceof CInit.Braced b)) return 1;
        long next = 0, max = 0;
        for (CInit.Item item : b.items()) {
            if (!item.designators().isEmpty() && item.designators().get(0) instanceof CInit.Designator.Index i) {
                next = constant(i.index(), resolver);
            }
            max = Math.max(max, ++next);
        }
        return max;
    }

    private static long constant(CExpr e, TypeResolver resolver) {
        return resolver.constant(e);
    }

    private void walk(KType t, long offset, CInit init) {
        switch (init) {
            case CInit.Single s -> single(t, offset, s.value());
            case CInit.Braced b -> {
                if (t.isScalar()) {
                    if (b.items().isEmpty()) return;
                    if (b.items().size() > 1 || !b.items().get(0).designators().isEmpty()) {
                        throw error(b.pos(), "too many initialisers for a scalar");
                    }
                    walk(t, offset, b.items().get(0).value());
                } else if (t.isAggregate()) {
                    int used = aggregate(t, offset, b.items(), 0, true);
                    if (used < b.items().size()) throw error(b.pos(), "too many initialisers for " + t.spelling());
                } else {
                    throw error(b.pos(), "cannot initialise " + t.spelling());
                }
            }
        }
    }

    private void single(KType t, long offset, CExpr value) {
        if (t.isScalar()) {
            sink.scalar(offset, t, value);
        } else if (t instanceof KType.Struct) {
            sink.aggregate(offset, t, value);
        } else if (value instanceof CExpr.StringLit) {
            throw new UnsupportedConstructException(value.pos(), "string literal");
        } else {
            throw error(value.pos(), "cannot initialise " + t.spelling() + " with an expression");
        }
    }

    /**
     * Initialises the members of {@code t} from {@code items}, starting at item {@code i}; returns
     * the index of the first item not used. Without its own braces ({@code braced} false, brace
     * elision) it stops when its members are used up or at a designator.
     */
    private int aggregate(KType t, long offset, List<CInit.Item> items, int i, boolean braced) {
        long cursor = 0;
        while (i < items.size()) {
            CInit.Item item = items.get(i);
            List<CInit.Designator> ds = item.designators();
            if (!ds.isEmpty()) {
                if (!braced) return i;
                cursor = position(t, ds.get(0), item.value().pos());
            } else if (cursor >= members(t)) {
                if (!braced) return i;
                throw error(item.value().pos(), "too many initialisers for " + t.spelling());
            }
            KType sub = memberType(t, cursor);
            long subOffset = offset + memberOffset(t, cursor);
            if (ds.size() > 1) {
                designated(sub, subOffset, ds.subList(1, ds.size()), item.value());
                i++;
            } else if (item.value() instanceof CInit.Braced || sub.isScalar()) {
                walk(sub, subOffset, item.value());
                i++;
            } else if (sub instanceof KType.Struct && !startsElision(item)) {
                single(sub, subOffset, ((CInit.Single) item.value()).value());
                i++;
            } else {
                int next = aggregate(sub, subOffset, items, i, false);
                if (next == i) throw error(item.value().pos(), "cannot initialise " + sub.spelling());
                i = next;
            }
            cursor++;
        }
        return i;
    }

    /** A plain expression for a struct member starts an elided brace level unless it is a struct itself. */
    private static boolean startsElision(CInit.Item item) {
        if (!(item.value() instanceof CInit.Single s)) return false;
        CExpr v = s.value();
        return v instanceof CExpr.IntLit || v instanceof CExpr.Unary || v instanceof CExpr.Binary
                || v instanceof CExpr.Cast;
    }

    /** {@code .a.b = v} or {@code [1].c = v}: the designators after the first one. */
    private void designated(KType t, long offset, List<CInit.Designator> ds, CInit value) {
        long at = position(t, ds.get(0), value.pos());
        KType sub = memberType(t, at);
        long subOffset = offset + memberOffset(t, at);
        if (ds.size() > 1) {
            designated(sub, subOffset, ds.subList(1, ds.size()), value);
        } else {
            walk(sub, subOffset, value);
        }
    }

    private long position(KType t, CInit.Designator d, SourcePos pos) {
        return switch (d) {
            case CInit.Designator.Field f -> {
                if (!(t instanceof KType.Struct s)) throw error(pos, "'." + f.name() + "' designates a member of a non-struct");
                List<KType.Field> fields = s.fields();
                for (int k = 0; k < fields.size(); k++) {
                    if (fields.get(k).name().equals(f.name())) yield k;
                }
                throw error(pos, s.spelling() + " has no member '" + f.name() + "'");
            }
            case CInit.Designator.Index x -> {
                if (!(t instanceof KType.Array a)) throw error(pos, "an index designates an element of a non-array");
                long k = constant(x.index(), resolver);
                if (k < 0 || (a.length() >= 0 && k >= a.length())) throw error(x.index().pos(), "index " + k + " is out of bounds");
                yield k;
            }
            case CInit.Designator.Range r -> throw new UnsupportedConstructException(pos, "designator range '[a ... b]'");
        };
    }

    private static long members(KType t) {
        if (t instanceof KType.Array a) return a.length() < 0 ? Long.MAX_VALUE : a.length();
        if (t instanceof KType.Struct s) return s.union() ? Math.min(1, s.fields().size()) : s.fields().size();
        return 0;
    }

    private static KType memberType(KType t, long k) {
        if (t instanceof KType.Array a) return a.element();
        return ((KType.Struct) t).fields().get((int) k).type();
    }

    private static long memberOffset(KType t, long k) {
        if (t instanceof KType.Array a) return k * a.element().cells();
        return ((KType.Struct) t).fields().get((int) k).offset();
    }

    private InputException error(SourcePos pos, String message) {
        return new InputException(pos, message);
    }
}
