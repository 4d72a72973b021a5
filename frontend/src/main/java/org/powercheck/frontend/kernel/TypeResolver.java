package org.powercheck.frontend.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.powercheck.frontend.cparse.CDecl;
import org.powercheck.frontend.cparse.CExpr;
import org.powercheck.frontend.cparse.CParam;
import org.powercheck.frontend.cparse.CType;
import org.powercheck.ir.InputException;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.UnsupportedConstructException;
import org.powercheck.ir.Width;

/**
 * Turns types as written into {@link KType}s: typedef names, struct and union tags (one
 * namespace, file scope), enumeration constants. A name may be declared again with the same
 * type, as happens when the bundled prelude and a model both declare {@code u32}.
 */
final class TypeResolver {
    private final Types types;
    private final Map<String, KType> typedefs = new HashMap<>();
    private final Map<String, KType.Struct> tags = new HashMap<>();
    private final Map<String, Long> enumConstants = new HashMap<>();
    /** Evaluates the constant expressions of array lengths and enumerators. */
    private ToLongFunction<CExpr> constants = e -> {
        throw new IllegalStateException("no constant evaluator");
    };
    /** The type of an expression, for {@code typeof(expr)}. */
    private java.util.function.Function<CExpr, KType> expressionTypes = e -> {
        throw new UnsupportedConstructException(e.pos(), "typeof of an expression");
    };

    /** Tells a position in the bundled prelude, whose types the user's code may define otherwise. */
    private final java.util.function.Predicate<SourcePos> inPrelude;
    private final Map<String, SourcePos> typedefPositions = new HashMap<>();

    TypeResolver(Types types, java.util.function.Predicate<SourcePos> inPrelude) {
        this.types = types;
        this.inPrelude = inPrelude;
    }

    void useConstants(ToLongFunction<CExpr> evaluator) {
        this.constants = evaluator;
    }

    /** Sets how {@code typeof(expr)} is typed; returns the previous way, to restore it. */
    java.util.function.Function<CExpr, KType> useExpressionTypes(java.util.function.Function<CExpr, KType> typer) {
        var previous = this.expressionTypes;
        this.expressionTypes = typer;
        return previous;
    }

    long constant(CExpr e) {
        return constants.applyAsLong(e);
    }

    Types types() {
        return types;
    }

    Optional<Long> enumConstant(String name) {
        return Optional.ofNullable(enumConstants.get(name));
    }

    Optional<KType> typedef(String name) {
        return Optional.ofNullable(typedefs.get(name));
    }

    void defineTypedef(String name, KType type, SourcePos pos) {
        KType old = typedefs.get(name);
        SourcePos oldPos = typedefPositions.get(name);
        if (old != null && !same(old, type) && !(oldPos != null && inPrelude.test(oldPos))) {
            throw new ConflictingDefinitionException(pos, "conflicting types for typedef '" + name + "'");
        }
        typedefs.put(name, type);
        typedefPositions.put(name, pos);
    }

    KType resolve(CType t, SourcePos pos) {
        return switch (t) {
            case CType.Base b -> base(b.words(), pos);
            case CType.Record r -> record(r, pos);
            case CType.Enum e -> enumeration(e, pos);
            case CType.TypeOf o -> o.type().isPresent() ? resolve(o.type().get(), pos) : typeOf(o.expr().get(), pos);
            case CType.Pointer p -> new KType.Pointer(resolve(p.target(), pos));
            case CType.Array a -> new KType.Array(resolve(a.element(), pos),
                    a.length().isPresent() ? length(a.length().get()) : -1);
            case CType.Function f -> function(f.result(), f.params(), f.variadic(), pos);
        };
    }

    /**
     * {@code typeof(x)}; a lone name that is neither a variable nor a known type is a header's type
     * name (the grammar cannot tell {@code typeof(cpumask_var_t)} from an expression).
     */
    private KType typeOf(CExpr e, SourcePos pos) {
        try {
            return expressionTypes.apply(e);
        } catch (InputException failure) {
            if (e instanceof CExpr.Ident id && !(failure instanceof UnsupportedConstructException)) {
                return KType.Opaque.unknownName(id.name(), e.pos());
            }
            throw failure;
        }
    }

    KType.Function function(CType result, List<CParam> params, boolean variadic, SourcePos pos) {
        List<KType> ps = new ArrayList<>();
        for (CParam p : params) ps.add(parameter(resolve(p.type(), p.pos())));
        return new KType.Function(resolve(result, pos), ps, variadic);
    }

    /** Array and function parameters are pointers. */
    static KType parameter(KType t) {
        if (t instanceof KType.Array a) return new KType.Pointer(a.element());
        if (t instanceof KType.Function) return new KType.Pointer(t);
        return t;
    }

    private long length(CExpr e) {
        long n = constants.applyAsLong(e);
        if (n < 0) throw new InputException(e.pos(), "array length is negative");
        return n;
    }

    private KType base(List<String> words, SourcePos pos) {
        if (words.size() == 1 && !isTypeKeyword(words.get(0))) {
            KType t = typedefs.get(words.get(0));
            if (t != null) return t;
            // kernel headers are not read: the name stays opaque until code uses a value of it
            return KType.Opaque.unknownName(words.get(0), pos);
        }
        if (words.contains("void")) return Types.VOID;
        if (words.contains("float") || words.contains("double") || words.contains("__int128")) {
            throw new UnsupportedConstructException(pos, "type '" + String.join(" ", words) + "'");
        }
        boolean unsigned = words.contains("unsigned");
        String spelling = String.join(" ", words);
        if (words.contains("_Bool")) return types.boolType;
        if (words.contains("char")) {
            if (words.contains("signed")) return new KType.Scalar(Width.BYTE, true, false, spelling);
            return unsigned ? new KType.Scalar(Width.BYTE, false, false, spelling) : types.charType;
        }
        if (words.contains("short")) return new KType.Scalar(Width.HALF, !unsigned, false, spelling);
        if (words.contains("long")) return new KType.Scalar(Width.DOUBLE, !unsigned, false, spelling);
        return new KType.Scalar(Width.WORD, !unsigned, false, spelling);
    }

    private static boolean isTypeKeyword(String w) {
        return switch (w) {
            case "void", "char", "short", "int", "long", "float", "double", "signed", "__signed__", "unsigned",
                    "_Bool", "__int128" -> true;
            default -> false;
        };
    }

    /** Each definition read once: the declarators of one declaration share its record. */
    private final java.util.Map<CType.Record, KType.Struct> resolvedRecords = new java.util.IdentityHashMap<>();

    private KType record(CType.Record r, SourcePos pos) {
        KType.Struct known = resolvedRecords.get(r);
        if (known != null) return known;
        KType.Struct s = recordOnce(r, pos);
        if (r.members().isPresent()) resolvedRecords.put(r, s);
        return s;
    }

    private KType.Struct recordOnce(CType.Record r, SourcePos pos) {
        KType.Struct s;
        if (r.tag().isPresent()) {
            String tag = r.tag().get();
            s = tags.get(tag);
            if (s == null || (r.members().isPresent() && s.complete())) {
                KType.Struct fresh = new KType.Struct(r.tag(), r.union());
                if (s != null) {
                    // a second definition of the same tag: allowed when it says the same, or when the
                    // first is the prelude's and the code knows the type better
                    defineMembers(fresh, r.members().get(), pos);
                    if (inPrelude.test(s.definedAt())) {
                        tags.put(tag, fresh);
                        return fresh;
                    }
                    if (!same(s, fresh)) {
                        throw new ConflictingDefinitionException(pos, (r.union() ? "union" : "struct") + " '" + tag
                                + "' is defined twice");
                    }
                    return s;
                }
                s = fresh;
                tags.put(tag, s);
            }
        } else {
            s = new KType.Struct(Optional.empty(), r.union());
        }
        if (r.members().isPresent() && !s.complete()) defineMembers(s, r.members().get(), pos);
        return s;
    }

    private void defineMembers(KType.Struct s, List<CDecl> members, SourcePos pos) {
        List<String> names = new ArrayList<>();
        List<KType> ts = new ArrayList<>();
        List<Boolean> bitFields = new ArrayList<>();
        boolean padding = false;
        for (CDecl m : members) {
            KType t = member(m);
            if (m.name().isEmpty() && !(t instanceof KType.Struct)) {
                padding = true; // unnamed bit-field padding: no member, but the bytes after it are unknown
                continue;
            }
            if (t instanceof KType.Array a && a.length() < 0) t = new KType.Array(a.element(), 0); // flexible array
            names.add(m.name());
            ts.add(t);
            bitFields.add(padding || m.bitWidth().isPresent());
            padding = false;
        }
        s.define(names, ts, bitFields, pos);
    }

    /**
     * A member's type; one that cannot be read (an array whose length is a header's constant, say)
     * is opaque, so that the struct is still usable through its other members.
     */
    private KType member(CDecl m) {
        return orOpaque(m.type().toString(), () -> {
            KType t = resolve(m.type(), m.pos());
            checkLayout(t, m.pos());
            return t;
        });
    }

    /**
     * The type {@code read} gives, or an opaque type saying why it cannot be read (a header's
     * constant, say): what the code uses of it fails there. Conflicting definitions still fail here.
     */
    static KType orOpaque(String spelling, java.util.function.Supplier<KType> read) {
        try {
            return read.get();
        } catch (ConflictingDefinitionException e) {
            throw e;
        } catch (InputException e) {
            return KType.Opaque.unreadable(spelling, e);
        }
    }

    /** Rejects objects whose layout cells cannot represent (see {@link KType}). */
    void checkLayout(KType t, SourcePos pos) {
        if (t instanceof KType.Array a) {
            if (a.element() instanceof KType.Scalar s && s.width() == Width.BYTE && a.length() > 1) {
                throw new UnsupportedConstructException(pos,
                        "array of '" + s.spelling() + "' (every element needs its own byte address)");
            }
            checkLayout(a.element(), pos);
        }
    }

    private KType enumeration(CType.Enum e, SourcePos pos) {
        if (e.enumerators().isPresent()) {
            long next = 0;
            for (CType.Enumerator en : e.enumerators().get()) {
                long v = en.value().isPresent() ? constants.applyAsLong(en.value().get()) : next;
                Long old = enumConstants.get(en.name());
                if (old != null && old != v) {
                    throw new ConflictingDefinitionException(en.pos(), "enumerator '" + en.name() + "' is defined twice");
                }
                enumConstants.put(en.name(), v);
                next = v + 1;
            }
        }
        return types.intType;
    }

    /** Whether two types are the same type, comparing structs by their members. */
    static boolean same(KType a, KType b) {
        return same(a, b, new IdentityHashMap<>());
    }

    private static boolean same(KType a, KType b, IdentityHashMap<KType.Struct, KType.Struct> assumed) {
        if (a == b) return true;
        if (a instanceof KType.Struct x && b instanceof KType.Struct y) {
            if (x.union() != y.union() || !x.tag().equals(y.tag())) return false;
            if (!x.complete() || !y.complete()) return true;
            if (assumed.get(x) == y) return true;
            assumed.put(x, y);
            if (x.fields().size() != y.fields().size()) return false;
            for (int i = 0; i < x.fields().size(); i++) {
                KType.Field f = x.fields().get(i), g = y.fields().get(i);
                if (!f.name().equals(g.name()) || !same(f.type(), g.type(), assumed)) return false;
            }
            return true;
        }
        if (a instanceof KType.Pointer x && b instanceof KType.Pointer y) return same(x.target(), y.target(), assumed);
        if (a instanceof KType.Array x && b instanceof KType.Array y) {
            return x.length() == y.length() && same(x.element(), y.element(), assumed);
        }
        if (a instanceof KType.Function x && b instanceof KType.Function y) {
            if (x.params().size() != y.params().size() || x.variadic() != y.variadic()) return false;
            for (int i = 0; i < x.params().size(); i++) {
                if (!same(x.params().get(i), y.params().get(i), assumed)) return false;
            }
            return same(x.result(), y.result(), assumed);
        }
        if (a instanceof KType.Opaque x && b instanceof KType.Opaque y) return x.spelling().equals(y.spelling());
        if (a instanceof KType.Scalar x && b instanceof KType.Scalar y) {
            return x.width() == y.width() && x.signed() == y.signed() && x.bool() == y.bool();
        }
        return a instanceof KType.Void && b instanceof KType.Void;
    }
}
