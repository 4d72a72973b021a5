package org.powercheck.frontend.preprocess;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How to preprocess: {@code -D}/{@code -U} in command-line order, {@code -I} directories, texts to
 * read before the main file (like GCC's {@code -include}, for the bundled prelude), and the
 * answers of {@code __has_attribute}/{@code __has_builtin}.
 */
public final class PreprocessorOptions {
    /** GCC's limit; deeper nesting is almost surely a file including itself. */
    public static final int DEFAULT_MAX_INCLUDE_DEPTH = 200;

    /** One {@code -D NAME[=VALUE]} ({@code define}) or {@code -U NAME}, applied in order. */
    record MacroOption(boolean define, String spec) {
    }

    /** A text read before the main file, as if included by it. */
    public record PreInclude(String name, String text) {
    }

    private final List<MacroOption> macroOptions;
    private final List<Path> includeDirs;
    private final List<PreInclude> preIncludes;
    private final int maxIncludeDepth;
    private final Set<String> attributes;
    private final Set<String> builtins;
    private final boolean recordMissingQuotedIncludes;
    private final Set<String> keptMacros;
    private final String keptMacrosOwner;
    private final boolean asmGenericFallback;
    private final boolean missingIncludesFail;

    private PreprocessorOptions(Builder b) {
        this.missingIncludesFail = b.missingIncludesFail;
        this.keptMacros = Set.copyOf(b.keptMacros);
        this.keptMacrosOwner = b.keptMacrosOwner;
        this.asmGenericFallback = b.asmGenericFallback;
        this.macroOptions = List.copyOf(b.macroOptions);
        this.includeDirs = List.copyOf(b.includeDirs);
        this.preIncludes = List.copyOf(b.preIncludes);
        this.maxIncludeDepth = b.maxIncludeDepth;
        this.attributes = Set.copyOf(b.attributes);
        this.builtins = Set.copyOf(b.builtins);
        this.recordMissingQuotedIncludes = b.recordMissingQuotedIncludes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** No macros beyond the standard ones, no include directories. */
    public static PreprocessorOptions defaults() {
        return builder().build();
    }

    List<MacroOption> macroOptions() {
        return macroOptions;
    }

    public List<Path> includeDirs() {
        return includeDirs;
    }

    public List<PreInclude> preIncludes() {
        return preIncludes;
    }

    public int maxIncludeDepth() {
        return maxIncludeDepth;
    }

    /** A missing {@code #include "file"} is recorded as unresolved instead of being an error. */
    public boolean recordMissingQuotedIncludes() {
        return recordMissingQuotedIncludes;
    }

    /**
     * Whether a {@code #define} or {@code #undef} of {@code name} in {@code file} is ignored: the
     * macro is one whose meaning comes from the files named with {@link Builder#keepMacros}.
     */
    public boolean keeps(String name, String file) {
        return keptMacros.contains(name) && !file.startsWith(keptMacrosOwner);
    }

    /** Whether a missing {@code #include <...>} is an error (a kernel tree has every header) rather than recorded. */
    public boolean missingIncludesFail() {
        return missingIncludesFail;
    }

    /** Whether {@code <asm/x.h>} missing from the include directories is read as {@code <asm-generic/x.h>}. */
    public boolean asmGenericFallback() {
        return asmGenericFallback;
    }

    /** Whether {@code __has_attribute(name)} holds; {@code __name__} and {@code name} are the same attribute. */
    boolean hasAttribute(String name) {
        return attributes.contains(stripUnderscores(name));
    }

    boolean hasBuiltin(String name) {
        return builtins.contains(name);
    }

    private static String stripUnderscores(String name) {
        if (name.length() > 4 && name.startsWith("__") && name.endsWith("__")) {
            return name.substring(2, name.length() - 2);
        }
        return name;
    }

    public static final class Builder {
        private final List<MacroOption> macroOptions = new ArrayList<>();
        private final List<Path> includeDirs = new ArrayList<>();
        private final List<PreInclude> preIncludes = new ArrayList<>();
        private int maxIncludeDepth = DEFAULT_MAX_INCLUDE_DEPTH;
        private boolean recordMissingQuotedIncludes;
        private final Set<String> keptMacros = new LinkedHashSet<>();
        private String keptMacrosOwner = "";
        private boolean asmGenericFallback;
        private boolean missingIncludesFail;
        private final Set<String> attributes = new LinkedHashSet<>(List.of(
                "aligned", "alias", "alloc_size", "always_inline", "assume_aligned", "cold", "const",
                "copy", "deprecated", "designated_init", "error", "externally_visible", "fallthrough",
                "flatten", "format", "gnu_inline", "hot", "malloc", "mode", "noclone", "noinline",
                "noreturn", "nonnull", "nonstring", "no_instrument_function", "no_sanitize_address",
                "no_stack_protector", "packed", "pure", "section", "unused", "used", "visibility",
                "warn_unused_result", "warning", "weak"));
        private final Set<String> builtins = new LinkedHashSet<>(List.of(
                "__builtin_expect", "__builtin_constant_p", "__builtin_unreachable", "__builtin_trap",
                "__builtin_offsetof", "__builtin_types_compatible_p", "__builtin_choose_expr",
                "__builtin_memcpy", "__builtin_memset", "__builtin_return_address", "__builtin_frame_address",
                "__builtin_clz", "__builtin_clzl", "__builtin_ctz", "__builtin_ctzl", "__builtin_ffs",
                "__builtin_popcount", "__builtin_popcountl", "__builtin_bswap16", "__builtin_bswap32",
                "__builtin_bswap64", "__builtin_add_overflow", "__builtin_sub_overflow",
                "__builtin_mul_overflow", "__builtin_prefetch", "__builtin_assume_aligned"));

        private Builder() {
        }

        /** {@code -D spec}: {@code NAME} (defined as 1), {@code NAME=VALUE} or {@code NAME(args)=VALUE}. */
        public Builder define(String spec) {
            macroOptions.add(new MacroOption(true, spec));
            return this;
        }

        /** {@code -U name}. */
        public Builder undefine(String name) {
            macroOptions.add(new MacroOption(false, name));
            return this;
        }

        /** {@code -I dir}: searched for {@code <...>} includes and, after the includer's directory, for quoted ones. */
        public Builder includeDir(Path dir) {
            includeDirs.add(dir);
            return this;
        }

        public Builder preInclude(String name, String text) {
            preIncludes.add(new PreInclude(name, text));
            return this;
        }

        public Builder maxIncludeDepth(int depth) {
            if (depth < 1) {
                throw new IllegalArgumentException("include depth must be positive: " + depth);
            }
            maxIncludeDepth = depth;
            return this;
        }

        /**
         * Records a missing {@code #include "file"} like a kernel header instead of failing: for a
         * source file taken out of its tree, whose local headers the prelude stands in for.
         */
        public Builder recordMissingQuotedIncludes(boolean record) {
            recordMissingQuotedIncludes = record;
            return this;
        }

        /**
         * Macros that only files whose name starts with {@code owner} define or undefine: the
         * {@code #define} of one of them elsewhere (a kernel header) is ignored, so the meaning the
         * owner gives it stays.
         */
        public Builder keepMacros(Set<String> names, String owner) {
            keptMacros.addAll(names);
            keptMacrosOwner = owner;
            return this;
        }

        /**
         * Reads a missing {@code <asm/x.h>} as {@code <asm-generic/x.h>}, as the wrappers a kernel
         * build generates for an architecture's {@code generic-y} headers do.
         */
        public Builder asmGenericFallback(boolean fallback) {
            asmGenericFallback = fallback;
            return this;
        }

        /** Makes a missing {@code #include <...>} an error, for a tree that has all its headers. */
        public Builder missingIncludesFail(boolean fail) {
            missingIncludesFail = fail;
            return this;
        }

        /** Replaces the attributes {@code __has_attribute} reports, by bare name ({@code packed}). */
        public Builder attributes(Set<String> names) {
            attributes.clear();
            attributes.addAll(names);
            return this;
        }

        /** Replaces the builtins {@code __has_builtin} reports. */
        public Builder builtins(Set<String> names) {
            builtins.clear();
            builtins.addAll(names);
            return this;
        }

        /**
         * Applies compiler-style arguments in order: {@code -DNAME[=V]}, {@code -D NAME[=V]},
         * {@code -UNAME}, {@code -U NAME}, {@code -Idir}, {@code -I dir}.
         *
         * @throws IllegalArgumentException for any other argument or a missing operand
         */
        public Builder arguments(List<String> args) {
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                String flag = arg.length() >= 2 ? arg.substring(0, 2) : arg;
                if (!flag.equals("-D") && !flag.equals("-U") && !flag.equals("-I")) {
                    throw new IllegalArgumentException("unknown preprocessor option: " + arg);
                }
                String operand = arg.substring(2);
                if (operand.isEmpty()) {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException("missing operand after " + arg);
                    }
                    operand = args.get(++i);
                }
                switch (flag) {
                    case "-D" -> define(operand);
                    case "-U" -> undefine(operand);
                    default -> includeDir(Path.of(operand));
                }
            }
            return this;
        }

        /**
         * What a ppc64le Linux kernel build predefines besides {@code CONFIG_*}: {@code __KERNEL__}
         * and the target macros of powerpc64le-linux-gnu-gcc that kernel C code tests.
         */
        public Builder kernelPpc64le() {
            for (String spec : List.of("__KERNEL__", "__GNUC__=12", "__GNUC_MINOR__=2", "__GNUC_PATCHLEVEL__=0",
                    "__powerpc__", "__powerpc64__", "__PPC__", "__PPC64__", "__LP64__", "_LP64",
                    "__CHAR_BIT__=8", "__SIZEOF_INT__=4", "__SIZEOF_LONG__=8", "__SIZEOF_LONG_LONG__=8",
                    "__SIZEOF_POINTER__=8", "__ORDER_LITTLE_ENDIAN__=1234", "__ORDER_BIG_ENDIAN__=4321",
                    "__BYTE_ORDER__=__ORDER_LITTLE_ENDIAN__", "__LITTLE_ENDIAN__", "__CHAR_UNSIGNED__")) {
                define(spec);
            }
            return this;
        }

        public PreprocessorOptions build() {
            return new PreprocessorOptions(this);
        }
    }
}
