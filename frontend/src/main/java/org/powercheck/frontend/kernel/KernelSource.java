package org.powercheck.frontend.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import org.powercheck.frontend.cparse.CExternal;
import org.powercheck.frontend.cparse.CSyntax;
import org.powercheck.frontend.cparse.PositionMap;
import org.powercheck.frontend.cparse.TypeNames;
import org.powercheck.frontend.preprocess.PreprocessedUnit;
import org.powercheck.frontend.preprocess.Preprocessor;
import org.powercheck.frontend.preprocess.PreprocessorOptions;
import org.powercheck.ir.SourcePos;

/**
 * Kernel C as the C grammar reads it: preprocessed as for ppc64le with the bundled headers read
 * first ({@code prelude-macros.h}: the kernel's own macros; {@code prelude.h}: types and what the
 * checker gives a meaning to), and with a few lines read after it that tell the checker the configuration the code
 * chose ({@code NR_CPUS}, {@code PC_THREADS_PER_CORE}). A harness's init block, a bare
 * {@code { ... }} the grammar does not know, is given a function header so it parses as the body
 * of {@link #INIT_FUNCTION}. Every position points at the user's files.
 */
final class KernelSource {
    /** How the bundled headers are named in positions. */
    static final String BUNDLED = "<powercheck ";
    private static final String MACROS = BUNDLED + "prelude-macros.h>";
    private static final String PRELUDE = BUNDLED + "prelude.h>";
    static final String INIT_FUNCTION = "__pc_init";
    static final String CPUS = "__pc_nr_cpus";
    static final String THREADS_PER_CORE = "__pc_threads_per_core";
    private static final String EPILOGUE = String.join("\n", "",
            "#ifdef NR_CPUS", "enum { " + CPUS + " = NR_CPUS };", "#endif",
            "#ifdef PC_THREADS_PER_CORE", "enum { " + THREADS_PER_CORE + " = PC_THREADS_PER_CORE };", "#endif", "");
    /**
     * The kernel configuration code is read with: a ppc64le POWER9 build (powernv and pseries
     * defconfigs) as far as the IPI, doorbell, task-work and io_uring code tests it. Users change
     * it with {@code -D}/{@code -U}, which come after these.
     */
    static final List<String> CONFIG = List.of("-DCONFIG_SMP=1", "-DCONFIG_64BIT=1", "-DCONFIG_PPC64=1",
            "-DCONFIG_PPC_BOOK3S=1", "-DCONFIG_PPC_BOOK3S_64=1", "-DCONFIG_PPC_POWERNV=1", "-DCONFIG_PPC_PSERIES=1",
            "-DCONFIG_PPC_SMP_MUXED_IPI=1", "-DCONFIG_PPC_DOORBELL=1", "-DCONFIG_PPC_XIVE=1", "-DCONFIG_NMI_IPI=1",
            "-DCONFIG_KVM_BOOK3S_HV_POSSIBLE=1", "-DCONFIG_PPC_FPU=1", "-DCONFIG_ALTIVEC=1", "-DCONFIG_VSX=1",
            "-DCONFIG_IO_WQ=1");
    private static final String INIT_HEADER = "void " + INIT_FUNCTION + "(void) ";
    private static final String MACROS_TEXT = resource("prelude-macros.h");
    private static final String PRELUDE_TEXT = resource("prelude.h");
    private static final String IRQ = BUNDLED + "prelude-irq.h>";
    private static final String IRQ_TEXT = resource("prelude-irq.h");
    private static final String PERCPU = BUNDLED + "prelude-percpu.h>";
    private static final String PERCPU_TEXT = resource("prelude-percpu.h");
    private static final String TREE_PRELUDE = BUNDLED + "tree-prelude.h>";
    private static final String TREE_PRELUDE_TEXT = resource("tree-prelude.h");
    private static final String TREE_INCLUDES = BUNDLED + "kernel build's -include>";
    /** The checker's own functions, which a tree's macros of the same name must not replace. */
    private static final java.util.Set<String> INTRINSIC_MACROS = java.util.Set.of("smp_processor_id",
            "raw_smp_processor_id", "__smp_processor_id");

    private KernelSource() {}

    private static String resource(String name) {
        try (InputStream in = KernelSource.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a position is in one of the bundled headers. */
    static boolean bundled(SourcePos pos) {
        return pos.file().startsWith(BUNDLED);
    }

    /**
     * Preprocesses and parses {@code text} as the file {@code file}.
     *
     * @param initBrace where a harness's init block opens, if it has one
     * @param outOfTree  whether a missing {@code #include "file"} is skipped like a kernel header (a
     *                   source file read on its own, out of its tree) rather than an error
     */
    static List<CExternal> parse(String text, String file, Optional<SourcePos> initBrace, KernelOptions kernel,
                                 boolean outOfTree) {
        if (kernel.tree().isPresent()) {
            PreprocessedUnit unit = new Preprocessor(treeOptions(kernel.tree().get(), kernel)).run(text + EPILOGUE, file);
            // a tree's headers: a declaration the grammar cannot read leaves what it declares unknown
            Parsed parsed = Parsed.of(unit, initBrace);
            return CSyntax.tolerantUnit(parsed.text(), parsed.positions(), new TypeNames()).items();
        }
        Prelude prelude = prelude(kernel, outOfTree);
        PreprocessedUnit unit = new Preprocessor(prelude.options()).run(text + EPILOGUE, file, prelude.prefix());
        List<CExternal> items = new ArrayList<>(prelude.items());
        Parsed parsed = Parsed.of(unit, initBrace);
        items.addAll(CSyntax.translationUnit(parsed.text(), parsed.positions(), prelude.types().copy()));
        return items;
    }

    /**
     * The bundled prelude, preprocessed and parsed once per preprocessor configuration: what
     * every test and harness starts with, to which its own text adds.
     */
    private record Prelude(PreprocessorOptions options, Preprocessor.Prefix prefix, List<CExternal> items, TypeNames types) { }

    private static final Map<List<String>, Prelude> PRELUDES = new ConcurrentHashMap<>();

    private static Prelude prelude(KernelOptions kernel, boolean outOfTree) {
        List<String> key = new ArrayList<>(kernel.preprocessorArgs());
        key.add(outOfTree ? "out-of-tree" : "in-tree");
        Prelude p = PRELUDES.get(key);
        if (p != null) return p;
        // the kernel's annotation, declaration and loop macros, then what the checker adds
        PreprocessorOptions options = PreprocessorOptions.builder().kernelPpc64le().arguments(CONFIG)
                .arguments(kernel.preprocessorArgs()).recordMissingQuotedIncludes(outOfTree)
                .preInclude(MACROS, MACROS_TEXT).preInclude(IRQ, IRQ_TEXT).preInclude(PRELUDE, PRELUDE_TEXT)
                .preInclude(PERCPU, PERCPU_TEXT).build();
        Preprocessor.Prefix prefix = new Preprocessor(options).prefix();
        TypeNames types = new TypeNames();
        List<CExternal> items = CSyntax.translationUnit(prefix.unit().text(), prefix.unit()::map, types);
        p = new Prelude(options, prefix, List.copyOf(items), types);
        // a run sees one or two configurations; the bound only guards a caller that varies -D per file
        if (PRELUDES.size() > 16) PRELUDES.clear();
        PRELUDES.put(key, p);
        return p;
    }

    /** The preprocessed text to parse, with a harness's init block made a function, and its positions. */
    private record Parsed(String text, PositionMap positions) {
        static Parsed of(PreprocessedUnit unit, Optional<SourcePos> initBrace) {
            int[] at = initBrace.isPresent() ? find(unit, initBrace.get()) : null;
            if (at == null) return new Parsed(unit.text(), unit::map);
            return new Parsed(insert(unit.text(), at[0], at[1], INIT_HEADER), shifted(unit, at[0], at[1], INIT_HEADER.length()));
        }
    }

    /**
     * A tree's headers: its include directories and the build's {@code -include}s, after the
     * checker's meanings ({@code tree-prelude.h}), which the tree's macros do not replace.
     */
    private static PreprocessorOptions treeOptions(KernelTree tree, KernelOptions kernel) {
        java.util.Set<String> kept = new java.util.HashSet<>(kernel.mapping().knownNames());
        kept.addAll(INTRINSIC_MACROS);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^#define\\s+([A-Za-z_][A-Za-z0-9_]*)")
                .matcher(IRQ_TEXT + TREE_PRELUDE_TEXT + PERCPU_TEXT);
        while (m.find()) kept.add(m.group(1));
        PreprocessorOptions.Builder b = PreprocessorOptions.builder().kernelPpc64le().arguments(kernel.preprocessorArgs());
        for (java.nio.file.Path dir : tree.includeDirs()) b.includeDir(dir);
        return b.asmGenericFallback(true).missingIncludesFail(true).keepMacros(kept, BUNDLED)
                .preInclude(IRQ, IRQ_TEXT).preInclude(TREE_PRELUDE, TREE_PRELUDE_TEXT).preInclude(PERCPU, PERCPU_TEXT)
                .preInclude(TREE_INCLUDES, tree.preIncludes()).build();
    }

    /** The line and column in the preprocessed text of the brace spelled at {@code brace}. */
    private static int[] find(PreprocessedUnit unit, SourcePos brace) {
        String text = unit.text();
        int line = 1, column = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\n') {
                line++;
                column = 1;
                continue;
            }
            if (ch == '{' && unit.map(line, column).equals(brace)) return new int[] {line, column};
            column++;
        }
        return null;
    }

    private static String insert(String text, int line, int column, String what) {
        int offset = 0;
        for (int l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
        offset += column - 1;
        return text.substring(0, offset) + what + text.substring(offset);
    }

    /** Positions of the text with {@code length} characters inserted at {@code line}:{@code column}. */
    private static PositionMap shifted(PreprocessedUnit unit, int line, int column, int length) {
        return (l, c) -> {
            if (l != line || c < column) return unit.map(l, c);
            if (c < column + length) return unit.map(line, column);
            return unit.map(l, c - length);
        };
    }
}
