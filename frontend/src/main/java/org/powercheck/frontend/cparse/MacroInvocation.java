package org.powercheck.frontend.cparse;

import java.util.List;
import java.util.Optional;

/**
 * A declaration-like use of a macro whose definition was not read: its storage words
 * ({@code static}), name, arguments as written (each argument's tokens, spaced), and an
 * initialiser when one follows ({@code DEFINE_PER_CPU(int, n) = 1}).
 */
public record MacroInvocation(List<String> storage, String name, List<String> args, Optional<CInit> init) {
    public MacroInvocation {
        storage = List.copyOf(storage);
        args = List.copyOf(args);
    }

    @Override public String toString() {
        return name + "(" + String.join(", ", args) + ")" + init.map(i -> " = " + i).orElse("");
    }
}
