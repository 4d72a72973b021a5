package org.powercheck.frontend.preprocess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds included files: quoted names next to the includer first, then in the {@code -I} directories. */
final class IncludeResolver {
    private final List<Path> includeDirs;

    private final boolean asmGenericFallback;

    IncludeResolver(List<Path> includeDirs, boolean asmGenericFallback) {
        this.includeDirs = includeDirs;
        this.asmGenericFallback = asmGenericFallback;
    }

    /** @param includerDir the directory of the including file, or null for the working directory */
    Path findQuoted(String name, Path includerDir) {
        Path candidate = (includerDir == null ? Path.of(name) : includerDir.resolve(name)).normalize();
        return Files.isRegularFile(candidate) ? candidate : findAngled(name);
    }

    /** The file in the first {@code -I} directory that has it, or null: kernel headers are not searched for elsewhere. */
    Path findAngled(String name) {
        for (Path dir : includeDirs) {
            Path candidate = dir.resolve(name).normalize();
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        if (asmGenericFallback && name.startsWith("asm/")) return findAngled("asm-generic/" + name.substring(4));
        return null;
    }
}
