package org.powercheck.checker.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.powercheck.checker.Engine;
import org.powercheck.checker.explicit.ExplicitEngine;
import org.powercheck.checker.sat.SatEngine;
import org.powercheck.frontend.Frontend;
import org.powercheck.frontend.kernel.KernelOptions;
import org.powercheck.ir.Program;

/**
 * What the commands run: the front end that turns a file into a {@link Program} and the engines
 * by name. Tests pass their own to drive the commands in-process.
 */
public record Backends(ProgramLoader loader, Map<String, Supplier<Engine>> engines) {
    public static final String DEFAULT_ENGINE = "sat";

    public Backends {
        engines = Collections.unmodifiableMap(new LinkedHashMap<>(engines));
    }

    public static Backends standard() {
        Map<String, Supplier<Engine>> engines = new LinkedHashMap<>();
        engines.put("sat", SatEngine::new);
        engines.put("explicit", ExplicitEngine::new);
        return new Backends(Frontend::load, engines);
    }

    /**
     * The standard front end with the user's choices for kernel C ({@code --havoc}, {@code -D},
     * {@code -I}); these backends unchanged when the choices are the defaults.
     */
    public Backends withKernel(KernelOptions kernel) {
        if (kernel.equals(KernelOptions.defaults())) return this;
        return new Backends(file -> Frontend.load(file, kernel), engines);
    }

    /** A fresh engine per test: engines need not be thread-safe. */
    public Engine engine(String name) {
        Supplier<Engine> s = engines.get(name);
        if (s == null) {
            throw new UsageException("unknown engine '" + name + "' (choose from " + String.join(", ", engines.keySet()) + ")");
        }
        return s.get();
    }
}
