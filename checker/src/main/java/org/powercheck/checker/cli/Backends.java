package org.powercheck.checker.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.powercheck.checker.Engine;
import org.powercheck.ir.Program;

/**
 * What the commands run: the front end that turns a file into a {@link Program} and the engines
 * by name (the first is the default). Tests pass their own to drive the commands in-process.
 */
public record Backends(ProgramLoader loader, Map<String, Supplier<Engine>> engines) {
    public static final String DEFAULT_ENGINE = "sat";

    public Backends {
        engines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(engines));
    }

    public static Backends standard() {
        Map<String, Supplier<Engine>> engines = new LinkedHashMap<>();
        engines.put("sat", () -> newEngine("org.powercheck.checker.sat.SatEngine"));
        engines.put("explicit", () -> newEngine("org.powercheck.checker.explicit.ExplicitEngine"));
        return new Backends(Backends::loadWithFrontend, engines);
    }

    /** A fresh engine per test: engines need not be thread-safe. */
    public Engine engine(String name) {
        Supplier<Engine> s = engines.get(name);
        if (s == null) throw new UsageException("unknown engine '" + name + "' (choose from " + String.join(", ", engines.keySet()) + ")");
        return s.get();
    }

    // The engines and the front end are looked up by name so that this module builds while they
    // are being written; once all exist this becomes plain constructor calls.
    private static Engine newEngine(String className) {
        try {
            return (Engine) Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new UsageException("engine " + className + " is not part of this build");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + className, e);
        }
    }

    private static volatile Method frontendLoad;

    private static Program loadWithFrontend(Path file) {
        try {
            if (frontendLoad == null) {
                frontendLoad = Class.forName("org.powercheck.frontend.Frontend").getMethod("load", Path.class);
            }
            return (Program) frontendLoad.invoke(null, file);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new UsageException("the litmus front end is not part of this build");
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
