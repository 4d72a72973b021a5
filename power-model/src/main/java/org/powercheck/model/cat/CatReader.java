package org.powercheck.model.cat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.powercheck.ir.InputException;
import org.powercheck.ir.SourcePos;
import org.powercheck.model.Model;

/**
 * Reads a memory model written in herd7's cat language into a {@link Model}.
 *
 * <p>Like herd7, every model starts from a standard library ({@code stdlib.cat}: {@code po-loc},
 * {@code fencerel}, ...; powercheck ships its own). Includes are looked up beside the including
 * file first, then among the files powercheck ships. {@code if "variant"} takes the branch of the
 * variants given (none by default). What powercheck cannot evaluate is reported as
 * {@code not supported yet} at its place, but only if a check depends on it.
 */
public final class CatReader {
    /** The POWER model that ships with powercheck (its own text, equal to {@link org.powercheck.model.PpcModel}). */
    public static final String POWER = "power.cat";
    /** powercheck's Linux-kernel memory model (its core: no RCU, SRCU or locks yet). */
    public static final String LKMM = "lkmm.cat";

    private CatReader() {}

    /** Reads a model from a file; a missing or unreadable file is an input error. */
    public static Model read(Path file) {
        return read(file, Set.of());
    }

    public static Model read(Path file, Set<String> variants) {
        java.util.Optional<Path> bell = bellOf(file);
        if (bell.isPresent()) return read(file, java.util.List.of(bell.get()), variants);
        CatSource source;
        try {
            source = CatSource.file(file);
        } catch (IOException e) {
            throw new InputException(new SourcePos(file.toString(), 0, 0), "cannot read cat file: " + e.getMessage());
        }
        return run(source, variants);
    }

    /**
     * Reads a model after other cat files in the same scope, as herd7 reads a bell file before
     * the model ({@code herd7 -bell linux-kernel.bell -model linux-kernel.cat}).
     */
    public static Model read(Path model, java.util.List<Path> before, Set<String> variants) {
        CatInterpreter interpreter = new CatInterpreter(variants);
        interpreter.run(CatSource.bundled("stdlib.cat").orElseThrow());
        CatSource main = null;
        for (Path p : concat(before, model)) {
            try {
                main = CatSource.file(p);
            } catch (IOException e) {
                throw new InputException(new SourcePos(p.toString(), 0, 0), "cannot read cat file: " + e.getMessage());
            }
            interpreter.run(main);
        }
        return new Model(main.name(), interpreter.checks(), interpreter.flags());
    }

    /**
     * The bell file herd7 reads before this model when run with the configuration beside it: a
     * {@code .cfg} there whose {@code model} line names the file and whose {@code bell} line
     * names a file that exists (the kernel's tools/memory-model: linux-kernel.cfg).
     */
    static java.util.Optional<Path> bellOf(Path model) {
        Path folder = model.getParent() == null ? Path.of(".") : model.getParent();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(folder)) {
            for (Path cfg : files.filter(p -> p.getFileName().toString().endsWith(".cfg")).sorted().toList()) {
                String named = null, bell = null;
                for (String line : java.nio.file.Files.readAllLines(cfg)) {
                    String[] words = line.trim().split("\\s+");
                    if (words.length != 2) continue;
                    if (words[0].equals("model")) named = words[1];
                    if (words[0].equals("bell")) bell = words[1];
                }
                if (bell != null && model.getFileName().toString().equals(named)
                        && java.nio.file.Files.isRegularFile(folder.resolve(bell))) {
                    return java.util.Optional.of(folder.resolve(bell));
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.empty();
    }

    private static java.util.List<Path> concat(java.util.List<Path> before, Path last) {
        java.util.List<Path> all = new java.util.ArrayList<>(before);
        all.add(last);
        return all;
    }

    /** Reads a model that ships with powercheck, e.g. {@link #POWER}. */
    public static Model bundled(String name) {
        CatSource source = CatSource.bundled(name)
                .orElseThrow(() -> new IllegalArgumentException("no bundled cat file " + name));
        return run(source, Set.of());
    }

    private static Model run(CatSource source, Set<String> variants) {
        CatInterpreter interpreter = new CatInterpreter(variants);
        interpreter.run(CatSource.bundled("stdlib.cat").orElseThrow());
        interpreter.run(source);
        return new Model(source.name(), interpreter.checks(), interpreter.flags());
    }
}
