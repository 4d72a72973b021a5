package org.powercheck.frontend.clitmus;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.powercheck.ir.Reg;

/**
 * The names a litmus thread can use: its locals, which are registers named as in the source
 * (so {@code 1:r0} in the condition is local {@code r0} of P1), and its parameters, which point
 * to the shared cells of the same name.
 */
final class ThreadScope {
    private final Map<String, Reg> locals = new LinkedHashMap<>();
    private final Set<String> shared;

    ThreadScope(List<String> parameters) {
        this.shared = new LinkedHashSet<>(parameters);
    }

    Optional<Reg> local(String name) {
        return Optional.ofNullable(locals.get(name));
    }

    /** Declares a local; declaring the same name again (another block) gives the same register. */
    Reg declare(String name) {
        return locals.computeIfAbsent(name, Reg::new);
    }

    boolean isShared(String name) {
        return shared.contains(name);
    }

    boolean knows(Reg reg) {
        return locals.containsKey(reg.name());
    }
}
