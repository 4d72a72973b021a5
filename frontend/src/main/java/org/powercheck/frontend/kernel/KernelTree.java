package org.powercheck.frontend.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An unconfigured kernel source tree read with its own headers ({@code --kernel-tree}): the
 * include directories a ppc64 build searches, and the headers a configured build would have
 * generated, written once to a directory of their own: {@code generated/autoconf.h} from the
 * configuration, {@code generated/bounds.h} with the values of a ppc64le build, and
 * {@code generated/asm-offsets.h} empty, so that a use of one of its constants is reported as an
 * undeclared name.
 */
public final class KernelTree {
    private final Path root;
    private final KernelConfig config;
    private final Path generated;

    private KernelTree(Path root, KernelConfig config, Path generated) {
        this.root = root;
        this.config = config;
        this.generated = generated;
    }

    /**
     * @param dotConfig a {@code .config} to configure the tree with, instead of the default configuration
     * @throws IllegalArgumentException when {@code dir} is not a kernel source tree with powerpc headers
     * @throws org.powercheck.ir.InputException for a {@code .config} that cannot be read or names an unknown option
     */
    public static KernelTree open(Path dir, Optional<Path> dotConfig) {
        Path root = dir.toAbsolutePath().normalize();
        for (String required : List.of("include/linux/kconfig.h", "include/linux/compiler_types.h",
                "arch/powerpc/include/asm/ppc_asm.h", "Kconfig")) {
            if (!Files.isRegularFile(root.resolve(required))) {
                throw new IllegalArgumentException(dir + " is not a kernel source tree with powerpc headers (no "
                        + required + ")");
            }
        }
        KernelConfig config = dotConfig.map(p -> KernelConfig.read(p, root)).orElseGet(() -> KernelConfig.defaults(root));
        return new KernelTree(root, config, writeGenerated(config));
    }

    public Path root() {
        return root;
    }

    /** The {@code -I} directories of a ppc64 build, in its order, the generated ones first. */
    List<Path> includeDirs() {
        return List.of(root.resolve("arch/powerpc/include"), generated.resolve("arch/powerpc/include/generated"),
                root.resolve("include"), generated, root.resolve("arch/powerpc/include/uapi"),
                generated.resolve("arch/powerpc/include/generated/uapi"), root.resolve("include/uapi"),
                generated.resolve("generated/uapi"));
    }

    /** What the build reads before every file ({@code -include}): the configuration and the compiler's macros. */
    String preIncludes() {
        return "#include <linux/compiler-version.h>\n#include <linux/kconfig.h>\n#include <linux/compiler_types.h>\n";
    }

    KernelConfig config() {
        return config;
    }

    private static Path writeGenerated(KernelConfig config) {
        try {
            Path dir = Files.createTempDirectory("powercheck-tree");
            Map<String, String> files = new java.util.LinkedHashMap<>();
            files.put("generated/autoconf.h", config.autoconf());
            // include/linux/page-flags.h and mmzone.h size their enums with these (kernel/bounds.c)
            files.put("generated/bounds.h", String.join("\n", "#define NR_PAGEFLAGS 22", "#define MAX_NR_ZONES 3",
                    "#define NR_CPUS_BITS 2", "#define SPINLOCK_SIZE 4", ""));
            files.put("generated/asm-offsets.h", "/* offsets are opaque: a use is an undeclared name */\n");
            files.put("generated/timeconst.h", "");
            files.put("generated/utsrelease.h", "#define UTS_RELEASE \"6.1.0\"\n");
            files.put("generated/compile.h", "");
            files.put("generated/uapi/linux/version.h", String.join("\n",
                    "#define LINUX_VERSION_CODE 393472", "#define KERNEL_VERSION(a,b,c) (((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))",
                    "#define LINUX_VERSION_MAJOR 6", "#define LINUX_VERSION_PATCHLEVEL 1", "#define LINUX_VERSION_SUBLEVEL 0", ""));
            // syscall numbers, generated from syscall.tbl: opaque
            files.put("arch/powerpc/include/generated/uapi/asm/unistd_64.h", "");
            files.put("arch/powerpc/include/generated/uapi/asm/unistd_32.h", "");
            files.put("arch/powerpc/include/generated/asm/syscall_table_64.h", "");
            for (var e : files.entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
            }
            deleteOnExit(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteOnExit(Path dir) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Stream<Path> all = Files.walk(dir)) {
                List<Path> paths = new ArrayList<>(all.toList());
                paths.sort(Comparator.reverseOrder());
                for (Path p : paths) Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temporary directory left behind
            }
        }));
    }
}
