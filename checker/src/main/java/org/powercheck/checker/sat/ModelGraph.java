package org.powercheck.checker.sat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.powercheck.model.Check;
import org.powercheck.model.EventSet;
import org.powercheck.model.Model;
import org.powercheck.model.Rel;

/**
 * A model compiled once into a graph of numbered, hash-consed relation nodes so that every
 * program reuses it and equal sub-relations (fre, hb*, ...) are evaluated once per program.
 * Rewrites: {@code r*} = {@code (r+)?}; {@code acyclic r} = {@code irreflexive r+}. Fixpoint
 * variables become edges to their component nodes, so a recursive definition is a cycle of the
 * graph; {@link #sccs} lists the strongly connected components children first.
 */
final class ModelGraph {
    enum Kind { EMPTY, BASE, IDENTITY, CROSS, UNION, INTER, DIFF, SEQ, INVERSE, PLUS, OPT, COMPONENT }

    enum SetKind { BASE, FENCES, TAGGED, UNION, INTER, DIFF }

    record SetNode(SetKind kind, EventSet.Base base, org.powercheck.ir.FenceKind fence, String tag, int left, int right) { }

    record CheckNode(String name, Check.Kind kind, int rel) { }

    final List<Kind> kinds = new ArrayList<>();
    final List<int[]> children = new ArrayList<>();
    final List<Rel.Base> bases = new ArrayList<>();
    /** IDENTITY: set; CROSS: left set, right set */
    final List<int[]> sets = new ArrayList<>();
    final List<SetNode> setNodes = new ArrayList<>();
    final List<CheckNode> checks = new ArrayList<>();
    /**
     * The model's flags ({@code flag ~empty r as name}: raised by an allowed execution where r
     * has a pair), each an EMPTY node. Their relations are compiled apart from the checks' (see
     * {@link #flagSpace}) and encoded so that a flag's literal is true only on a pair the
     * execution really has ({@link PolarityCheck}).
     */
    final List<CheckNode> flags = new ArrayList<>();
    /**
     * Per node: compiled for a flag. Such nodes share only base relations and event sets with
     * the checks', so that the checks keep their one-way encodings and a program none of whose
     * flags can be raised pays nothing for them.
     */
    boolean[] flagSpace;
    /** strongly connected components, children before parents */
    List<int[]> sccs;
    /** true for nodes in a cyclic component (recursive definitions) */
    boolean[] recursive;
    /**
     * true for nodes in a cyclic component that is not monotone: a difference in it has its right
     * side in it too (an inflationary system, which herd and the engines solve by iteration)
     */
    boolean[] antitone;
    /** for a cyclic component: its non-component nodes, children first, components as leaves */
    Map<Integer, int[]> sccBodyOrder = new HashMap<>();
    /** for a component of an antitone system: the nodes of its body in it, children first */
    Map<Integer, int[]> componentBodyOrder = new HashMap<>();
    /** nodes that must be encoded exactly ({@link PolarityCheck}) */
    boolean[] exact;

    private final Map<List<Object>, Integer> interned = new HashMap<>();
    private final Map<EventSet, Integer> setIds = new HashMap<>();
    private final IdentityHashMap<Rel, Integer> closedMemo = new IdentityHashMap<>();
    private final Map<List<Object>, int[]> fixGroups = new HashMap<>();
    /** "" while compiling the checks, "flag" while compiling the flags: part of every non-base node's key */
    private String space = "";
    private final List<Boolean> inFlagSpace = new ArrayList<>();

    private static final Map<Model, ModelGraph> CACHE = java.util.Collections.synchronizedMap(new IdentityHashMap<>());

    static ModelGraph of(Model model) {
        ModelGraph g = CACHE.get(model);
        if (g == null) {
            g = new ModelGraph(model);
            // Models are few (ppc.cat, test models); the bound only guards against callers
            // that build a fresh Model object per run.
            if (CACHE.size() > 32) CACHE.clear();
            CACHE.put(model, g);
        }
        return g;
    }

    private ModelGraph(Model model) {
        for (Check c : model.checks()) {
            int r = compile(c.rel(), Map.of());
            if (c.kind() == Check.Kind.ACYCLIC) {
                checks.add(new CheckNode(c.name(), Check.Kind.IRREFLEXIVE, node(Kind.PLUS, null, null, r)));
            } else {
                checks.add(new CheckNode(c.name(), c.kind(), r));
            }
        }
        space = "flag";
        closedMemo.clear();
        for (Check f : model.flags()) {
            int r = compile(f.rel(), Map.of());
            flags.add(new CheckNode(f.name(), f.kind(), f.kind() == Check.Kind.ACYCLIC ? node(Kind.PLUS, null, null, r) : r));
        }
        space = "";
        closedMemo.clear();
        for (Check c : model.checks()) compile(c.rel(), Map.of());
        flagSpace = new boolean[size()];
        for (int v = 0; v < size(); v++) flagSpace[v] = inFlagSpace.get(v);
        computeSccs();
        exact = PolarityCheck.exactNodes(this);
    }

    int size() {
        return kinds.size();
    }

    /** The node a closed relation of the model compiled to, or null. */
    Integer idOf(Rel r) {
        return closedMemo.get(r);
    }

    Kind kind(int node) {
        return kinds.get(node);
    }

    int[] children(int node) {
        return children.get(node);
    }

    private int node(Kind k, Object payload, int[] setArgs, int... kids) {
        List<Object> key = List.of(k, payload == null ? "" : payload,
                setArgs == null ? List.of() : Arrays.stream(setArgs).boxed().toList(),
                Arrays.stream(kids).boxed().toList(), k == Kind.BASE ? "" : space);
        Integer id = interned.get(key);
        if (id != null) return id;
        id = kinds.size();
        kinds.add(k);
        inFlagSpace.add(k != Kind.BASE && !space.isEmpty());
        children.add(kids);
        bases.add(payload instanceof Rel.Base b ? b : null);
        sets.add(setArgs);
        interned.put(key, id);
        return id;
    }

    private int compile(Rel r, Map<String, Integer> env) {
        if (env.isEmpty()) {
            Integer id = closedMemo.get(r);
            if (id != null) return id;
            id = compile0(r, env);
            closedMemo.put(r, id);
            return id;
        }
        return compile0(r, env);
    }

    private int compile0(Rel r, Map<String, Integer> env) {
        return switch (r) {
            case Rel.Base b -> node(Kind.BASE, b, null);
            case Rel.Empty e -> node(Kind.EMPTY, null, null);
            case Rel.Identity i -> node(Kind.IDENTITY, null, new int[] {set(i.set())});
            case Rel.Cross x -> node(Kind.CROSS, null, new int[] {set(x.left()), set(x.right())});
            case Rel.Union u -> nary(Kind.UNION, u, env);
            case Rel.Inter i -> nary(Kind.INTER, i, env);
            case Rel.Diff d -> node(Kind.DIFF, null, null, compile(d.left(), env), compile(d.right(), env));
            case Rel.Seq s -> node(Kind.SEQ, null, null, compile(s.left(), env), compile(s.right(), env));
            case Rel.Inverse i -> node(Kind.INVERSE, null, null, compile(i.rel(), env));
            case Rel.Plus p -> node(Kind.PLUS, null, null, compile(p.rel(), env));
            case Rel.Star s -> node(Kind.OPT, null, null, node(Kind.PLUS, null, null, compile(s.rel(), env)));
            case Rel.Opt o -> node(Kind.OPT, null, null, compile(o.rel(), env));
            case Rel.Var v -> {
                Integer id = env.get(v.name());
                if (id == null) throw new IllegalArgumentException("unbound relation variable " + v.name());
                yield id;
            }
            case Rel.Fix f -> fix(f, env)[f.index()];
        };
    }

    /** Flattens nested binary unions (intersections) into one n-ary node. */
    private int nary(Kind k, Rel r, Map<String, Integer> env) {
        List<Integer> kids = new ArrayList<>();
        flatten(k, r, env, kids);
        List<Integer> distinct = kids.stream().distinct().sorted().toList();
        if (distinct.size() == 1) return distinct.get(0);
        return node(k, null, null, distinct.stream().mapToInt(Integer::intValue).toArray());
    }

    private void flatten(Kind k, Rel r, Map<String, Integer> env, List<Integer> out) {
        if (k == Kind.UNION && r instanceof Rel.Union u) {
            flatten(k, u.left(), env, out);
            flatten(k, u.right(), env, out);
        } else if (k == Kind.INTER && r instanceof Rel.Inter i) {
            flatten(k, i.left(), env, out);
            flatten(k, i.right(), env, out);
        } else {
            out.add(compile(r, env));
        }
    }

    private int[] fix(Rel.Fix f, Map<String, Integer> env) {
        List<Object> key = List.of(f.names(), f.bodies(), env, space);
        int[] ids = fixGroups.get(key);
        if (ids != null) return ids;
        int k = f.names().size();
        ids = new int[k];
        Map<String, Integer> inner = new HashMap<>(env);
        for (int i = 0; i < k; i++) {
            // Components are unique nodes; the body edge is filled in below.
            ids[i] = kinds.size();
            kinds.add(Kind.COMPONENT);
            inFlagSpace.add(!space.isEmpty());
            children.add(new int[] {-1});
            bases.add(null);
            sets.add(null);
            inner.put(f.names().get(i), ids[i]);
        }
        fixGroups.put(key, ids);
        for (int i = 0; i < k; i++) {
            children.get(ids[i])[0] = compile(f.bodies().get(i), Map.copyOf(inner));
        }
        return ids;
    }

    private int set(EventSet s) {
        Integer id = setIds.get(s);
        if (id != null) return id;
        SetNode n = switch (s) {
            case EventSet.Base b -> new SetNode(SetKind.BASE, b, null, null, -1, -1);
            case EventSet.Fences f -> new SetNode(SetKind.FENCES, null, f.kind(), null, -1, -1);
            case EventSet.Tagged t -> new SetNode(SetKind.TAGGED, null, null, t.tag(), -1, -1);
            case EventSet.Union u -> new SetNode(SetKind.UNION, null, null, null, set(u.left()), set(u.right()));
            case EventSet.Inter i -> new SetNode(SetKind.INTER, null, null, null, set(i.left()), set(i.right()));
            case EventSet.Diff d -> new SetNode(SetKind.DIFF, null, null, null, set(d.left()), set(d.right()));
        };
        id = setNodes.size();
        setNodes.add(n);
        setIds.put(s, id);
        return id;
    }

    // Tarjan's algorithm; emits components children first.
    private int index;
    private int[] idx, low;
    private boolean[] onStack;
    private int[] stack;
    private int sp;

    private void computeSccs() {
        int n = size();
        idx = new int[n];
        low = new int[n];
        Arrays.fill(idx, -1);
        onStack = new boolean[n];
        stack = new int[n];
        sccs = new ArrayList<>();
        recursive = new boolean[n];
        antitone = new boolean[n];
        for (int v = 0; v < n; v++) if (idx[v] < 0) strong(v);
        for (int[] scc : sccs) {
            boolean cyclic = scc.length > 1;
            if (!cyclic) for (int ch : children(scc[0])) if (ch == scc[0]) cyclic = true;
            if (!cyclic) continue;
            for (int v : scc) recursive[v] = true;
            sccBodyOrder.put(scc[0], bodyOrder(scc));
            java.util.Set<Integer> members = new java.util.HashSet<>();
            for (int v : scc) members.add(v);
            boolean notMonotone = false;
            for (int v : scc) notMonotone |= kind(v) == Kind.DIFF && members.contains(children(v)[1]);
            if (notMonotone) {
                for (int v : scc) antitone[v] = true;
                for (int v : scc) {
                    if (kind(v) != Kind.COMPONENT) continue;
                    List<Integer> order = new ArrayList<>();
                    int body = children(v)[0];
                    if (members.contains(body) && kind(body) != Kind.COMPONENT) post(body, members, new java.util.HashSet<>(), order);
                    componentBodyOrder.put(v, order.stream().mapToInt(Integer::intValue).toArray());
                }
            }
        }
    }

    private void strong(int v) {
        idx[v] = low[v] = index++;
        stack[sp++] = v;
        onStack[v] = true;
        for (int w : children(v)) {
            if (idx[w] < 0) {
                strong(w);
                low[v] = Math.min(low[v], low[w]);
            } else if (onStack[w]) {
                low[v] = Math.min(low[v], idx[w]);
            }
        }
        if (low[v] == idx[v]) {
            List<Integer> comp = new ArrayList<>();
            int w;
            do {
                w = stack[--sp];
                onStack[w] = false;
                comp.add(w);
            } while (w != v);
            sccs.add(comp.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    private int[] bodyOrder(int[] scc) {
        java.util.Set<Integer> members = new java.util.HashSet<>();
        for (int v : scc) members.add(v);
        List<Integer> order = new ArrayList<>();
        java.util.Set<Integer> done = new java.util.HashSet<>();
        for (int v : scc) if (kind(v) != Kind.COMPONENT) post(v, members, done, order);
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    private void post(int v, java.util.Set<Integer> members, java.util.Set<Integer> done, List<Integer> order) {
        if (!done.add(v)) return;
        for (int w : children(v)) {
            if (members.contains(w) && kind(w) != Kind.COMPONENT) post(w, members, done, order);
        }
        order.add(v);
    }
}
