package org.powercheck.frontend.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.powercheck.frontend.cparse.CDecl;
import org.powercheck.frontend.cparse.CExternal;
import org.powercheck.frontend.cparse.CFunction;
import org.powercheck.frontend.cparse.CInit;
import org.powercheck.ir.InputException;
import org.powercheck.ir.SourcePos;

/**
 * The file-scope names of a translation unit: global variables (with their initialisers) and
 * functions (with their bodies when defined), read in order. Declarations of the same name are
 * merged as C merges them ({@code extern} then definition, prototype then body); a definition
 * in the bundled prelude gives way to one in the user's code.
 */
final class Declarations {
    /** A global variable; {@code perCpu} for {@code DEFINE_PER_CPU} ({@code __thread}) variables. */
    record Global(String name, KType type, Optional<CInit> init, boolean perCpu, boolean defined, SourcePos pos) {}

    /** A function; {@code body} is empty for a prototype. */
    record Function(String name, KType.Function type, Optional<CFunction> body, boolean fromPrelude, SourcePos pos) {}

    private final TypeResolver resolver;
    private final Predicate<SourcePos> inPrelude;
    private final Map<String, Global> globals = new LinkedHashMap<>();
    private final Map<String, Function> functions = new LinkedHashMap<>();
    private final List<CExternal.MacroDeclaration> unreadMacros = new ArrayList<>();
    /** Functions whose definition could not be read (a type in its signature), with the reason. */
    private final Map<String, InputException> unreadable = new LinkedHashMap<>();
    /** Whether a bundled body stays when a kernel tree's header defines the function again. */
    private boolean bundledWins;

    /** @param inPrelude tells a position (after mapping) in the bundled prelude */
    Declarations(TypeResolver resolver, Predicate<SourcePos> inPrelude) {
        this.resolver = resolver;
        this.inPrelude = inPrelude;
    }

    /** A kernel tree's headers are read: the checker's bundled definitions are kept over theirs. */
    void keepBundledDefinitions() {
        bundledWins = true;
    }

    /** Why the definition of {@code name} could not be read, if it could not. */
    Optional<InputException> unreadable(String name) {
        return functions.containsKey(name) ? Optional.empty() : Optional.ofNullable(unreadable.get(name));
    }

    TypeResolver resolver() {
        return resolver;
    }

    Optional<Global> global(String name) {
        return Optional.ofNullable(globals.get(name));
    }

    Optional<Function> function(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    /**
     * The declaration macro whose definition was not read that names {@code name} among its
     * arguments ({@code DEFINE_HASHTABLE(table, 4)} for {@code table}), if any: it may be what
     * declares an otherwise unknown name.
     */
    Optional<CExternal.MacroDeclaration> unreadDeclarationOf(String name) {
        return unreadMacros.stream().filter(m -> m.macro().args().contains(name)).findFirst();
    }

    List<Function> functions() {
        return new ArrayList<>(functions.values());
    }

    List<Global> globals() {
        return new ArrayList<>(globals.values());
    }

    void addAll(List<CExternal> items) {
        for (CExternal item : items) {
            switch (item) {
                case CFunction f -> define(f);
                case CExternal.Declaration d -> d.decls().forEach(this::declare);
                // a header's macro that declares something: what it declares stays unknown
                case CExternal.MacroDeclaration m -> unreadMacros.add(m);
            }
        }
    }

    private void define(CFunction f) {
        boolean prelude = inPrelude.test(f.pos());
        Function old = functions.get(f.name());
        // a tree header's definition gives way to the bundled one; the harness's own does not
        if (bundledWins && old != null && old.fromPrelude() && !prelude && f.pos().file().endsWith(".h")) return;
        KType.Function type;
        try {
            type = resolver.function(f.result().orElse(org.powercheck.frontend.cparse.CType.Base.of("int")),
                    f.params(), f.variadic(), f.pos());
        } catch (InputException e) {
            if (!bundledWins) throw e;
            unreadable.put(f.name(), e);
            return;
        }
        if (old != null && old.body().isPresent() && !old.fromPrelude()) {
            throw new InputException(f.pos(), "function '" + f.name() + "' is defined twice (first at "
                    + old.pos() + ")");
        }
        functions.put(f.name(), new Function(f.name(), type, Optional.of(f), prelude, f.pos()));
    }

    /** One declared name at file scope (or a block-scope {@code typedef}/{@code extern}). */
    void declare(CDecl d) {
        KType type = TypeResolver.orOpaque(d.type().toString(), () -> resolver.resolve(d.type(), d.pos()));
        if (d.name().isEmpty()) return; // "struct s { ... };" or "enum { ... };": the type is the point
        if (d.isTypedef()) {
            resolver.defineTypedef(d.name(), type, d.pos());
            return;
        }
        if (type instanceof KType.Function f) {
            if (!functions.containsKey(d.name())) {
                functions.put(d.name(), new Function(d.name(), f, Optional.empty(), inPrelude.test(d.pos()), d.pos()));
            }
            return;
        }
        boolean perCpu = d.storage().contains("__thread") || d.storage().contains("_Thread_local");
        boolean extern = d.storage().contains("extern");
        KType written = type;
        type = TypeResolver.orOpaque(written.spelling(), () -> {
            KType t = written;
            if (t instanceof KType.Array a && a.length() < 0 && d.init().isPresent()) {
                t = new KType.Array(a.element(), Initializers.length(d.init().get(), resolver));
            }
            resolver.checkLayout(t, d.pos());
            return t;
        });
        Global old = globals.get(d.name());
        if (old != null) {
            if (old.init().isPresent() && d.init().isPresent()) {
                throw new InputException(d.pos(), "'" + d.name() + "' is initialised twice (first at "
                        + old.pos() + ")");
            }
            if (extern || (old.defined() && d.init().isEmpty())) {
                // a later declaration adds nothing, except completing an array's length
                if (old.type() instanceof KType.Array a && a.length() < 0) {
                    globals.put(d.name(), new Global(old.name(), type, old.init(), old.perCpu(), old.defined(), old.pos()));
                }
                return;
            }
        }
        globals.put(d.name(), new Global(d.name(), type, d.init(), perCpu || (old != null && old.perCpu()),
                !extern, d.pos()));
    }
}
