package org.powercheck.frontend.kernel;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.powercheck.frontend.cparse.CStmt;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;

/**
 * One function being lowered: the thread's own function, or an instance of a function inlined
 * into it. Names are made unique per instance: the thread function's locals are registers named
 * as in the source (so {@code 1:taken} in a condition is local {@code taken} of P1); an inlined
 * function's locals are prefixed with its name ({@code task_work_add.head}), with a depth
 * ({@code f#2.x}) when it calls itself; its labels carry the instance number when it is inlined
 * more than once in the thread.
 */
final class Frame {
    /** Where {@code break} and {@code continue} go; {@code next} is null inside a switch. */
    record Targets(String exit, String next) {}

    final String function;
    final boolean top;
    final Set<String> escaped;
    /** The locals the function assigns after declaring them; null: treat every local as assigned. */
    private final Set<String> assigned;
    /** The register the result goes to (non-void callees), the label {@code return} jumps to. */
    final Reg result;
    final KType resultType;
    final String exit;
    boolean exitUsed;
    final Deque<Targets> targets = new ArrayDeque<>();
    final Map<CStmt, String> caseLabels = new IdentityHashMap<>();
    final Map<String, SourcePos> gotos = new LinkedHashMap<>();
    final Set<String> labels = new HashSet<>();

    private final String registerPrefix;
    private final String labelSuffix;
    private final String objectPrefix;
    private final Deque<Map<String, Binding>> scopes = new ArrayDeque<>();
    private final Map<String, Integer> shadowCounts = new HashMap<>();
    private final Set<String> registerNames = new LinkedHashSet<>();

    /** herd's scoping: one flat scope for the whole thread. */
    private final boolean flat;

    private Frame(String function, boolean top, boolean flat, Set<String> escaped, Set<String> assigned,
                  String registerPrefix, String labelSuffix, String objectPrefix, Reg result, KType resultType,
                  String exit) {
        this.function = function;
        this.assigned = assigned;
        this.flat = flat;
        this.top = top;
        this.escaped = escaped;
        this.registerPrefix = registerPrefix;
        this.labelSuffix = labelSuffix;
        this.objectPrefix = objectPrefix;
        this.result = result;
        this.resultType = resultType;
        this.exit = exit;
        scopes.push(new HashMap<>());
    }

    /** The frame of a thread's own function ({@code P0}); {@code thread} names its memory locals. */
    static Frame thread(String function, String thread, Set<String> escaped) {
        return new Frame(function, true, false, escaped, null, "", "", thread + ".", null, Types.VOID, null);
    }

    /** The frame of a litmus thread: one scope, as herd has. */
    static Frame litmusThread(String function) {
        return new Frame(function, true, true, Set.of(), null, "", "", function + ".", null, Types.VOID, null);
    }

    /** An inlined instance: {@code depth} counts the active instances of the function, {@code instance} all of them. */
    static Frame inlined(String function, String thread, int depth, int instance, Set<String> escaped,
                         Set<String> assigned, Reg result, KType resultType, String exit) {
        String prefix = depth == 1 ? function + "." : function + "#" + depth + ".";
        String suffix = instance == 1 ? "" : "#" + instance;
        return new Frame(function, false, false, escaped, assigned, prefix, suffix, thread + "." + prefix, result,
                resultType, exit);
    }

    /** Whether a local keeps the value it was declared with (so a known value may stand for it). */
    boolean readOnly(String name) {
        return assigned != null && !assigned.contains(name) && !escaped.contains(name);
    }

    Optional<Binding> lookup(String name) {
        for (Map<String, Binding> scope : scopes) {
            Binding b = scope.get(name);
            if (b != null) return Optional.of(b);
        }
        return Optional.empty();
    }

    void bind(String name, Binding b) {
        scopes.peek().put(name, b);
        if (b instanceof Binding.Local l) registerNames.add(l.reg().name());
    }

    /**
     * The register for a new local. The thread function reuses one register per name (as herd
     * does); an inlined function gets a fresh one when the name shadows a live local.
     */
    Reg register(String name) {
        if (top) return new Reg(name);
        boolean shadows = lookup(name).isPresent() && !scopes.peek().containsKey(name);
        if (!shadows) return new Reg(registerPrefix + name);
        int k = shadowCounts.merge(name, 1, Integer::sum) + 1;
        return new Reg(registerPrefix + name + "#" + k);
    }

    /** The name of the memory object of a local; the thread and the instance make it unique. */
    String objectName(String name) {
        int k = shadowCounts.getOrDefault("&" + name, 0);
        shadowCounts.put("&" + name, k + 1);
        return objectPrefix + name + (k == 0 ? "" : "#" + (k + 1));
    }

    String label(String user) {
        return top ? user : function + "." + user + labelSuffix;
    }

    void pushScope() {
        if (!flat) scopes.push(new HashMap<>());
    }

    void popScope() {
        if (!flat) scopes.pop();
    }

    /** Every register a local of this frame was given. */
    Set<String> registerNames() {
        return registerNames;
    }
}
