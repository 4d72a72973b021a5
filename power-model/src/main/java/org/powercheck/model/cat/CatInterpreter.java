package org.powercheck.model.cat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.powercheck.ir.InputException;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.UnsupportedConstructException;
import org.powercheck.model.Check;
import org.powercheck.model.EventSet;
import org.powercheck.model.Rel;
import org.powercheck.model.cat.CatAst.*;
import org.powercheck.model.cat.CatValue.*;
import static org.powercheck.model.cat.CatAlgebra.asRel;
import static org.powercheck.model.cat.CatAlgebra.idOf;
import static org.powercheck.model.cat.CatAlgebra.isSet;

/**
 * Runs a cat file: evaluates its definitions to {@link Rel} and {@link EventSet} trees and
 * collects its checks. Relations are built, not computed: the engines evaluate the trees on each
 * execution, so this runs once per model.
 */
final class CatInterpreter {
    private final Set<String> variants;
    private final List<Check> checks = new ArrayList<>();
    private final List<Check> flags = new ArrayList<>();
    private final Set<String> included = new HashSet<>();
    private final CatEnv top = Primitives.environment();
    private int unnamed;
    /** Variables of the fixpoint being solved whose kind is not known yet, and those used as sets. */
    private final Set<String> pendingVars = new HashSet<>();
    private final Set<String> usedAsSets = new HashSet<>();

    CatInterpreter(Set<String> variants) {
        this.variants = Set.copyOf(variants);
        // herd's map and cross (the latter from its cross.cat) on symbolic members and families
        top.put("map", new BuiltinV("map", (pos, f) -> new BuiltinV("map", (at, over) -> map(at, f, over))));
        top.put("cross", new BuiltinV("cross", CatInterpreter::cross));
    }

    List<Check> checks() {
        return List.copyOf(checks);
    }

    /** The flags (checks that mark an execution without forbidding it) that could be evaluated. */
    List<Check> flags() {
        return List.copyOf(flags);
    }

    /** Runs a file in the top-level scope (the prelude, then the model: they share one scope). */
    void run(CatSource source) {
        if (!included.add(source.key())) return;
        CatFile file = new CatGrammar(source.text(), source.name()).parseAll();
        exec(file.body(), top, source);
    }

    private void exec(List<Stmt> stmts, CatEnv env, CatSource source) {
        for (Stmt s : stmts) exec(s, env, source);
    }

    private void exec(Stmt stmt, CatEnv env, CatSource source) {
        switch (stmt) {
            case LetStmt let -> bind(let.rec(), let.bindings(), env, env);
            case Test t -> test(t, env);
            case Include inc -> run(resolve(inc, source));
            case Ignored i -> { }
            case Procedure p -> env.put(p.name(), new ProcV(p, env));
            case Call c -> call(c, env, source);
            case WithFrom w -> env.put(w.name(), lazily(() -> chosen(w, env)));
            case IfVariant v -> exec(variants.contains(v.variant()) ? v.then() : v.otherwise(), env, source);
            case CatAst.Enum e -> {
                // herd names the events carrying tag 'foo-bar by the set Foo-bar.
                for (String tag : e.tags()) env.put(capitalised(tag), new SetV(new EventSet.Tagged(tag)));
            }
            case Unsupported u -> throw new UnsupportedConstructException(u.pos(), "cat " + u.what());
        }
    }

    /**
     * {@code with x from e}: herd runs the rest of the model once per member of e. The engines
     * already choose every coherence order (herd's generate_cos enumerates the same) and the rf
     * of every read, lock reads included, since powercheck gives lock events values. So
     * {@code with co from ...} is the chosen co, and {@code with x from cross(S)}, S a set of
     * families of candidate rf edges (lock.cat's one write for each lock read), is the chosen rf
     * among the candidates. Other sets of relations are not supported.
     */
    private CatValue chosen(WithFrom w, CatEnv env) {
        if (w.name().equals("co")) return new RelV(Rel.Base.CO);
        if (eval(w.from(), env) instanceof ChoiceV choice) return new RelV(Rel.Base.RF.and(choice.candidates()));
        throw new UnsupportedConstructException(w.pos(), "with " + w.name() + " from a set of relations other than cross(...)");
    }

    static String capitalised(String tag) {
        return Character.toUpperCase(tag.charAt(0)) + tag.substring(1);
    }

    private CatSource resolve(Include inc, CatSource from) {
        try {
            if (from.folder().isPresent()) {
                Path beside = from.folder().get().resolve(inc.file());
                if (Files.isRegularFile(beside)) return CatSource.file(beside);
            }
        } catch (IOException e) {
            throw new InputException(inc.pos(), "cannot read " + inc.file() + ": " + e.getMessage());
        }
        return CatSource.bundled(inc.file())
                .orElseThrow(() -> new InputException(inc.pos(), "cannot find included file " + inc.file()));
    }

    private void call(Call c, CatEnv env, CatSource source) {
        CatValue v = lookup(c.pos(), c.name(), env);
        if (!(v instanceof ProcV p)) throw new InputException(c.pos(), c.name() + " is not a procedure");
        CatEnv inner = p.env().child();
        bindParams(c.pos(), p.proc().params(), eval(c.arg(), env), inner);
        exec(p.proc().body(), inner, source);
    }

    private void test(Test t, CatEnv env) {
        if (t.use() == TestUse.REQUIRES) throw new UnsupportedConstructException(t.pos(), "cat requires");
        if (t.negated() && t.use() == TestUse.CHECK) {
            throw new UnsupportedConstructException(t.pos(), "negated check ~" + t.kind().name().toLowerCase());
        }
        String name = t.name().orElseGet(() -> t.kind().name().toLowerCase() + "-" + (++unnamed));
        if (t.use() == TestUse.FLAG) {
            // A flag only annotates a result: one powercheck cannot evaluate does not stop the model.
            // "flag ~empty r" holds when r is not empty, so it is kept as the check "empty r" that fails.
            try {
                Check c = new Check(name, kind(t), testedRelation(t, env));
                if (t.negated()) flags.add(c);
                else throw new UnsupportedConstructException(t.pos(), "flag without ~");
            } catch (InputException e) {
                // left out: see flags()
            }
            return;
        }
        checks.add(new Check(name, kind(t), testedRelation(t, env)));
    }

    private static Check.Kind kind(Test t) {
        return switch (t.kind()) {
            case ACYCLIC -> Check.Kind.ACYCLIC;
            case IRREFLEXIVE -> Check.Kind.IRREFLEXIVE;
            case EMPTY -> Check.Kind.EMPTY;
        };
    }

    /** The relation a test looks at; {@code empty S} on a set tests {@code [S]}. */
    private Rel testedRelation(Test t, CatEnv env) {
        CatValue v = eval(t.rel(), env);
        if (t.kind() == TestKind.EMPTY && isSet(v)) return idOf(v);
        return asRel(t.rel().pos(), v);
    }

    // ---- bindings ----

    /** Evaluates bindings in {@code from} and puts them into {@code into}. */
    private void bind(boolean rec, List<Binding> bindings, CatEnv from, CatEnv into) {
        if (!rec) {
            List<CatValue> values = new ArrayList<>();
            for (Binding b : bindings) values.add(lazily(() -> define(b, from)));
            for (int i = 0; i < bindings.size(); i++) bindNames(bindings.get(i), values.get(i), into);
            return;
        }
        if (bindings.stream().allMatch(b -> b.params().isPresent())) {
            // Recursive functions: each closure sees the scope they are all bound in.
            for (Binding b : bindings) into.put(b.names().get(0), new FunV(b.names().get(0), b.params().get(), b.body(), into));
            return;
        }
        fixpoint(bindings, from, into);
    }

    /**
     * {@code let rec r1 = e1 and r2 = e2}: the least fixpoint, as one {@link Rel.Fix} node. A
     * recursive set is solved as the identity relation on it; which names are sets is learnt by
     * evaluating the bodies until no name changes kind.
     */
    private void fixpoint(List<Binding> bindings, CatEnv from, CatEnv into) {
        List<String> names = new ArrayList<>();
        for (Binding b : bindings) {
            if (b.params().isPresent() || b.names().size() != 1) {
                throw new UnsupportedConstructException(b.pos(), "cat let rec mixing functions and relations");
            }
            names.add(b.names().get(0));
        }
        boolean[] isSet = new boolean[names.size()];
        List<Rel> bodies = new ArrayList<>();
        Set<String> outerPending = Set.copyOf(pendingVars);
        try {
            for (int round = 0; ; round++) {
                pendingVars.clear();
                pendingVars.addAll(outerPending);
                for (int i = 0; i < names.size(); i++) if (!isSet[i]) pendingVars.add(names.get(i));
                usedAsSets.clear();
                CatEnv inner = from.child();
                for (int i = 0; i < names.size(); i++) {
                    Rel.Var v = new Rel.Var(names.get(i));
                    inner.put(names.get(i), isSet[i] ? new IdSetV(v) : new RelV(v));
                }
                bodies.clear();
                boolean changed = false;
                List<CatValue> values = new ArrayList<>();
                for (Binding b : bindings) values.add(eval(b.body(), inner));
                for (int i = 0; i < bindings.size(); i++) {
                    CatValue v = values.get(i);
                    boolean set = isSet(v) || isSet[i] || usedAsSets.contains(names.get(i));
                    if (set && v instanceof RelV && round > 0) {
                        throw new InputException(bindings.get(i).pos(), names.get(i) + " is used as a set but defined as a relation");
                    }
                    changed |= set != isSet[i];
                    isSet[i] = set;
                    bodies.add(set && isSet(v) ? idOf(v) : asRel(bindings.get(i).body().pos(), v));
                }
                if (!changed) break;
                if (round > names.size()) {
                    throw new InputException(bindings.get(0).pos(), "recursive definitions whose kinds never settle");
                }
            }
        } catch (InputException e) {
            for (String n : names) into.put(n, new ErrV(e));
            return;
        } finally {
            pendingVars.clear();
            pendingVars.addAll(outerPending);
        }
        Set<String> vars = Set.copyOf(names);
        for (int i = 0; i < bodies.size(); i++) {
            if (!Monotone.in(bodies.get(i), vars)) {
                if (Monotone.inflationary(names, bodies)) break;
                // The engines iterate from the empty relations, as herd does; without monotony
                // that iteration ends only on equations of the shape Monotone.inflationary checks.
                ErrV err = new ErrV(new UnsupportedConstructException(bindings.get(i).pos(),
                        "cat recursive definition through a difference or complement (not monotone), "
                                + "other than accumulators (x = x | ...) defined through an acyclic rest"));
                for (String n : names) into.put(n, err);
                return;
            }
        }
        Rel.Fix fix = new Rel.Fix(names, bodies, 0);
        for (int i = 0; i < names.size(); i++) {
            into.put(names.get(i), isSet[i] ? new IdSetV(fix.component(i)) : new RelV(fix.component(i)));
        }
    }

    private CatValue define(Binding b, CatEnv env) {
        if (b.params().isPresent()) return new FunV(b.names().get(0), b.params().get(), b.body(), env);
        return eval(b.body(), env);
    }

    private void bindNames(Binding b, CatValue v, CatEnv into) {
        if (b.names().size() == 1) {
            into.put(b.names().get(0), v);
            return;
        }
        if (v instanceof ErrV) {
            for (String n : b.names()) into.put(n, v);
            return;
        }
        bindParams(b.pos(), b.names(), v, into);
    }

    private void bindParams(SourcePos pos, List<String> params, CatValue arg, CatEnv into) {
        if (params.size() == 1) {
            into.put(params.get(0), arg);
            return;
        }
        List<CatValue> items = arg instanceof TupleV t ? t.items() : params.isEmpty() && arg instanceof EmptyV ? List.of() : null;
        if (items == null || items.size() != params.size()) {
            throw new InputException(pos, "expected " + params.size() + " arguments, got " + CatValue.describe(arg));
        }
        for (int i = 0; i < params.size(); i++) into.put(params.get(i), items.get(i));
    }

    private interface Eval {
        CatValue get();
    }

    private static CatValue lazily(Eval e) {
        try {
            return e.get();
        } catch (InputException ex) {
            return new ErrV(ex);
        }
    }

    // ---- expressions ----

    CatValue eval(Expr e, CatEnv env) {
        return switch (e) {
            case Name n -> lookup(n.pos(), n.name(), env);
            case CatAst.Empty z -> new EmptyV();
            case Universe u -> new SetV(EventSet.Base.ALL);
            case CatAst.Tag t -> new TagV(t.tag());
            case SetOf s -> singleton(s, env);
            case Tuple t -> {
                List<CatValue> items = new ArrayList<>();
                for (Expr x : t.elements()) items.add(eval(x, env));
                yield new TupleV(items);
            }
            case Unary u -> CatAlgebra.unary(u, u.op() == Op1.TO_ID ? asSetIfPending(eval(u.arg(), env)) : eval(u.arg(), env));
            case Binary b -> binary(b, eval(b.left(), env), eval(b.right(), env));
            case App a -> apply(a.pos(), eval(a.fun(), env), eval(a.arg(), env));
            case Let l -> {
                CatEnv inner = env.child();
                bind(l.rec(), l.bindings(), env, inner);
                yield eval(l.body(), inner);
            }
            case Fun f -> new FunV("fun", f.params(), f.body(), env);
            case Try t -> {
                try {
                    yield eval(t.body(), env);
                } catch (InputException ex) {
                    yield eval(t.fallback(), env);
                }
            }
            case UnsupportedExpr u -> throw new UnsupportedConstructException(u.pos(), "cat " + u.what());
        };
    }

    /** {@code {r}} of a member {@code map} passes: the set it ranges over (see {@link MemberV}). */
    private CatValue singleton(SetOf s, CatEnv env) {
        if (s.elements().size() == 1 && eval(s.elements().get(0), env) instanceof MemberV m && isSet(m.of())) return m.of();
        throw new UnsupportedConstructException(s.pos(), "cat explicit set {...} (other than {x} of a member x that map passes)");
    }

    /**
     * {@code map f S}: f evaluated once on a symbolic member of S; the result is the set of the
     * values f gives, known by their union (see {@link MemberV}, {@link FamilyV}). A member of a
     * family is a relation below its union, which f is given instead.
     */
    private CatValue map(SourcePos pos, CatValue f, CatValue over) {
        return switch (over) {
            case EmptyV e -> over;
            case SetV s -> new FamilyV(apply(pos, f, new MemberV(over)));
            case IdSetV s -> new FamilyV(apply(pos, f, new MemberV(over)));
            case RelV r -> new FamilyV(apply(pos, f, new MemberV(over)));
            case FamilyV family -> new FamilyV(apply(pos, f, family.union()));
            default -> throw new InputException(pos, "map over " + CatValue.describe(over));
        };
    }

    /** {@code cross(S)} of a set of families (see {@link ChoiceV}); of the empty set, {@code {0}}. */
    private static CatValue cross(SourcePos pos, CatValue families) {
        if (families instanceof EmptyV) return new ChoiceV(new Rel.Empty());
        if (families instanceof FamilyV outer) {
            if (outer.union() instanceof EmptyV) return new ChoiceV(new Rel.Empty());
            if (outer.union() instanceof FamilyV inner) return new ChoiceV(asRel(pos, inner.union()));
        }
        throw new UnsupportedConstructException(pos, "cat cross of " + CatValue.describe(families) + " (not a set of sets of relations)");
    }

    /**
     * {@code x ++ S}, S a set: a pair added to a relation ({@code p ++ 0} is the relation with
     * only p), or a relation added to a set of relations.
     */
    private static CatValue add(Binary b, CatValue element, CatValue to) {
        if (element instanceof MemberV m && m.of() instanceof RelV pair) {
            if (to instanceof EmptyV) return pair;
            if (to instanceof RelV r) return new RelV(pair.rel().or(r.rel()));
        }
        if (element instanceof RelV || element instanceof EmptyV) {
            if (to instanceof EmptyV) return new FamilyV(element);
            if (to instanceof FamilyV f) return new FamilyV(new RelV(asRel(b.pos(), element).or(asRel(b.pos(), f.union()))));
        }
        throw new UnsupportedConstructException(b.pos(), "cat ++ of " + CatValue.describe(element) + " to " + CatValue.describe(to));
    }

    private CatValue lookup(SourcePos pos, String name, CatEnv env) {
        CatValue v = env.get(name);
        if (v == null) throw new InputException(pos, "unbound name " + name);
        if (v instanceof ErrV err) throw err.error();
        return v;
    }

    /** Calls nested deeper than this are taken for a recursion that never ends. */
    private static final int MAX_CALL_DEPTH = 2_000;
    private int callDepth;

    private CatValue apply(SourcePos pos, CatValue fun, CatValue arg) {
        return switch (fun) {
            case FunV f -> {
                if (callDepth >= MAX_CALL_DEPTH) {
                    throw new InputException(pos, "calls of " + f.name() + " nested more than " + MAX_CALL_DEPTH
                            + " deep (a recursion that never ends?)");
                }
                CatEnv inner = f.env().child();
                bindParams(pos, f.params(), arg, inner);
                callDepth++;
                try {
                    yield eval(f.body(), inner);
                } finally {
                    callDepth--;
                }
            }
            case BuiltinV b -> b.apply().apply(pos, arg);
            default -> throw new InputException(pos, "applying " + CatValue.describe(fun) + ", not a function");
        };
    }

    /** A fixpoint variable of unknown kind used where a set is needed is a set. */
    private CatValue asSetIfPending(CatValue v) {
        if (v instanceof RelV r && r.rel() instanceof Rel.Var var && pendingVars.contains(var.name())) {
            usedAsSets.add(var.name());
            return new IdSetV(var);
        }
        return v;
    }

    /** A binary operation, a fixpoint variable of unknown kind next to a set being taken for a set. */
    private CatValue binary(Binary b, CatValue l, CatValue r) {
        if (b.op() == Op2.ADD) return add(b, l, r);
        if (b.op() == Op2.CROSS) return CatAlgebra.binary(b, asSetIfPending(l), asSetIfPending(r));
        if (b.op() != Op2.SEQ && CatAlgebra.isSet(l)) r = asSetIfPending(r);
        if (b.op() != Op2.SEQ && CatAlgebra.isSet(r)) l = asSetIfPending(l);
        return CatAlgebra.binary(b, l, r);
    }

}
