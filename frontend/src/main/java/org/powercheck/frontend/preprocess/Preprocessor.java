package org.powercheck.frontend.preprocess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.powercheck.ir.InputException;
import org.powercheck.ir.SourcePos;

/**
 * A C preprocessor for kernel sources: macros (with GNU variadics and {@code __VA_OPT__}),
 * conditional compilation, quoted includes, and the Kconfig tests. Kernel headers ({@code
 * #include <...>} not found in an {@code -I} directory) are not read but listed in the result.
 *
 * <pre>{@code
 * PreprocessedUnit unit = new Preprocessor(PreprocessorOptions.builder()
 *         .kernelPpc64le().define("CONFIG_SMP").build()).run(Path.of("kernel/task_work.c"));
 * }</pre>
 *
 * Bad input raises one {@link InputException} at the offending position.
 */
public final class Preprocessor {
    /** What every C11 compiler predefines; the kernel is built as GNU C11. */
    private static final String BUILT_IN = """
            #define __STDC__ 1
            #define __STDC_VERSION__ 201112L
            """;

    private final PreprocessorOptions options;

    public Preprocessor(PreprocessorOptions options) {
        this.options = options;
    }

    public PreprocessedUnit run(Path file) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(new SourcePos(file.toString(), 1, 1), "no such file");
        } catch (IOException e) {
            throw new InputException(new SourcePos(file.toString(), 1, 1), "cannot read file: " + e);
        }
        return run(text, file.toString());
    }

    /** Preprocesses {@code text} as the file {@code fileName}; quoted includes are looked for next to that name. */
    public PreprocessedUnit run(String text, String fileName) {
        MacroTable macros = MacroTable.withBuiltins();
        SourceReader reader = new SourceReader(macros, options, fileName);
        open(reader, text, fileName);
        List<PreprocessorOptions.PreInclude> preIncludes = options.preIncludes();
        openPrefix(reader);
        return expand(reader, preIncludes.isEmpty() ? fileName : preIncludes.get(0).name());
    }

    /**
     * What every file read with these options starts with: the built-ins, the command line and
     * the pre-includes, read once. {@link #run(String, String, Prefix)} then reads only the file,
     * which gives the same macros and, after the prefix's own text, the same output as
     * {@link #run(String, String)}.
     */
    public Prefix prefix() {
        MacroTable macros = MacroTable.withBuiltins();
        List<PreprocessorOptions.PreInclude> preIncludes = options.preIncludes();
        String name = preIncludes.isEmpty() ? "<command-line>" : preIncludes.get(0).name();
        SourceReader reader = new SourceReader(macros, options, name);
        openPrefix(reader);
        PreprocessedUnit unit = expand(reader, name);
        return new Prefix(unit, macros.copy(), reader.context().counter());
    }

    /** Preprocesses {@code text} as the file {@code fileName} after {@code prefix}: its output only. */
    public PreprocessedUnit run(String text, String fileName, Prefix prefix) {
        MacroTable macros = prefix.macros.copy();
        SourceReader reader = new SourceReader(macros, options, fileName);
        reader.context().startCounterAt(prefix.counter);
        open(reader, text, fileName);
        return expand(reader, fileName);
    }

    /** The state after a {@link #prefix()}: its macros, and its output for the parser to read once. */
    public static final class Prefix {
        private final PreprocessedUnit unit;
        private final MacroTable macros;
        private final int counter;

        private Prefix(PreprocessedUnit unit, MacroTable macros, int counter) {
            this.unit = unit;
            this.macros = macros;
            this.counter = counter;
        }

        public PreprocessedUnit unit() {
            return unit;
        }
    }

    private static void open(SourceReader reader, String text, String fileName) {
        Path path = Path.of(fileName);
        reader.open(fileName, path.getParent(), path.toAbsolutePath().normalize(), text);
    }

    /** Opens what comes before the file, last first: the pre-includes, the command line, the built-ins. */
    private void openPrefix(SourceReader reader) {
        List<PreprocessorOptions.PreInclude> preIncludes = options.preIncludes();
        for (int i = preIncludes.size() - 1; i >= 0; i--) {
            reader.open(preIncludes.get(i).name(), null, null, preIncludes.get(i).text());
        }
        reader.open("<command-line>", null, null, commandLine());
        reader.open("<built-in>", null, null, BUILT_IN);
    }

    private static PreprocessedUnit expand(SourceReader reader, String firstFile) {
        MacroExpander expander = new MacroExpander(reader, reader.context(), false);
        OutputWriter out = new OutputWriter(firstFile);
        List<PpLexeme> pragma = new ArrayList<>(4);
        int fileSwitches = reader.fileSwitches();
        for (PpLexeme t = expander.next(); t.kind != TokenKind.EOF; t = expander.next()) {
            if (reader.fileSwitches() != fileSwitches) {
                fileSwitches = reader.fileSwitches();
                out.breakLine();
            }
            if (t.isIdent("_Pragma")) {
                // The _Pragma operator is executed, not passed on; a pragma means nothing to the checker.
                pragma.clear();
                pragma.add(t);
                if (readPragmaOperand(expander, pragma)) {
                    continue;
                }
                pragma.forEach(out::write);
                if (pragma.get(pragma.size() - 1).kind == TokenKind.EOF) {
                    break;
                }
                continue;
            }
            out.write(t);
        }
        return new PreprocessedUnit(out.text(), out.sourceMap(), reader.unresolvedIncludes(),
                new ArrayList<>(reader.includedFiles()));
    }

    /** Reads "( string )" after _Pragma into {@code seen}; true when that is what follows. */
    private static boolean readPragmaOperand(MacroExpander expander, List<PpLexeme> seen) {
        String[] shape = {"(", null, ")"};
        for (String expected : shape) {
            PpLexeme t = expander.next();
            if (t.kind == TokenKind.EOF) {
                seen.add(t);
                return false;
            }
            seen.add(t);
            boolean fits = expected == null ? t.kind == TokenKind.STRING : t.is(expected);
            if (!fits) {
                return false;
            }
        }
        return true;
    }

    private String commandLine() {
        StringBuilder sb = new StringBuilder();
        for (PreprocessorOptions.MacroOption option : options.macroOptions()) {
            String spec = option.spec();
            if (!option.define()) {
                sb.append("#undef ").append(spec);
            } else if (spec.contains("=")) {
                int eq = spec.indexOf('=');
                sb.append("#define ").append(spec, 0, eq).append(' ').append(spec, eq + 1, spec.length());
            } else {
                sb.append("#define ").append(spec).append(" 1");
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
