package org.powercheck.frontend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.powercheck.frontend.clitmus.CLitmusFrontend;
import org.powercheck.frontend.kernel.KernelFrontend;
import org.powercheck.frontend.kernel.KernelOptions;
import org.powercheck.frontend.litmus.TextPositions;
import org.powercheck.frontend.ppc.PpcFrontend;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Program;
import org.powercheck.ir.SourcePos;

/**
 * Reads a test and hands it to the front end its first word names ({@code PPC}, {@code C}). A
 * {@code C} test that has C declarations before its init block, or is named
 * {@code .c}/{@code .h} is a kernel harness; a {@code .c}/{@code .h} file that is not a test is
 * kernel source, lowered function by function.
 */
public final class Frontend {
    private Frontend() {}

    /** @throws InputException when the file cannot be read or is not a valid test */
    public static Program load(Path file) {
        return load(file, KernelOptions.defaults());
    }

    /** As {@link #load(Path)}, with choices for kernel C (havoc'd functions, mapping). */
    public static Program load(Path file, KernelOptions kernel) {
        String name = file.toString();
        return parse(read(file, name), name, kernel);
    }

    /**
     * A file as {@code powercheck parse} shows it: a kernel source file function by function (all,
     * or the {@code functions} named), so that one function that cannot be lowered does not hide
     * the others; any other file as {@link #load(Path, KernelOptions)} reads it.
     */
    public static KernelFrontend.LoweredSource lower(Path file, KernelOptions kernel, Set<String> functions) {
        String name = file.toString();
        String text = read(file, name);
        if (isKernelSource(name, firstWord(text))) return KernelFrontend.sourceFunctions(text, name, kernel, functions);
        if (!functions.isEmpty()) {
            throw new InputException(new SourcePos(name, 1, 1),
                    "only functions of a kernel source file (.c, .h) can be selected; this file is a test");
        }
        return new KernelFrontend.LoweredSource(parse(text, name, kernel), List.of());
    }

    /** Whether a file is named as kernel C ({@code .c}, {@code .h}): a source file, or a harness if it starts with {@code C}. */
    public static boolean hasKernelCName(String name) {
        return name.endsWith(".c") || name.endsWith(".h");
    }

    private static boolean isKernelSource(String name, String firstWord) {
        return hasKernelCName(name) && !firstWord.equals("C");
    }

    /** The first word of a test ({@code PPC}, {@code C}), after blanks and comments; empty if none. */
    private static String firstWord(String text) {
        int start = firstWordStart(text);
        int end = start;
        while (end < text.length() && isWordChar(text.charAt(end))) end++;
        return text.substring(start, end);
    }

    /** Parses a test held in memory; {@code name} is used in positions. */
    public static Program parse(String text, String name) {
        return parse(text, name, KernelOptions.defaults());
    }

    public static Program parse(String text, String name, KernelOptions kernel) {
        String word = firstWord(text);
        if (isKernelSource(name, word)) return KernelFrontend.source(text, name, kernel);
        int start = firstWordStart(text);
        TextPositions positions = new TextPositions(text);
        SourcePos pos = new SourcePos(name, positions.line(start), positions.column(start));
        return switch (word) {
            case "PPC" -> PpcFrontend.parse(text, name);
            case "C" -> hasKernelCName(name) || isHarness(text)
                    ? KernelFrontend.harness(text, name, kernel)
                    : herdOrHarness(text, name, kernel);
            default -> throw new InputException(pos, name.endsWith(".S")
                    ? "an assembly file is checked through a harness that names it in PC_ASSEMBLY "
                            + "(see HARNESS.md); 'parse' shows its functions"
                    : word.isEmpty()
                    ? "unknown test format: the file holds no test; expected 'PPC' or 'C' as the first word"
                    : "unknown test format '" + word + "': expected 'PPC' or 'C' as the first word");
        };
    }

    /**
     * A test in herd's shape whose header includes a file of its own (not the standard prelude)
     * may be a harness whose declarations all come from that file: when herd's reading fails on
     * its syntax, it is read as a harness, and a harness's error is the one reported.
     */
    private static Program herdOrHarness(String text, String name, KernelOptions kernel) {
        try {
            return CLitmusFrontend.parse(text, name, kernel);
        } catch (org.powercheck.ir.UnsupportedConstructException e) {
            throw e;
        } catch (InputException e) {
            if (!OWN_INCLUDE.matcher(text).find()) throw e;
            return KernelFrontend.harness(text, name, kernel);
        }
    }

    private static final java.util.regex.Pattern OWN_INCLUDE =
            java.util.regex.Pattern.compile("(?m)^\\s*#\\s*include\\s*\"(?!prelude\\.h\")[^\"]+\"");

    /**
     * A C test is a harness when C declarations come before its init block; anything else is
     * herd's C litmus format (whose header may be followed by free text, as in herd's corpus, or
     * by preprocessor lines such as {@code #include}, which apply to its threads). Both are read
     * with the standard prelude, so an include does not change what a test means.
     */
    private static boolean isHarness(String text) {
        return !CLitmusFrontend.isHerdFormat(text);
    }

    private static String read(Path file, String name) {
        SourcePos pos = new SourcePos(name, 1, 1);
        if (Files.isDirectory(file)) throw new InputException(pos, "cannot read the test: it is a directory");
        try {
            // Invalid UTF-8 bytes become U+FFFD; they can only occur in comments of a valid test.
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (NoSuchFileException e) {
            throw new InputException(pos, "cannot read the test: no such file");
        } catch (AccessDeniedException e) {
            throw new InputException(pos, "cannot read the test: permission denied");
        } catch (IOException e) {
            throw new InputException(pos, "cannot read the test: " + e.getMessage());
        }
    }

    /** Skips blanks and (nested) {@code (* comments *)} before the first word. */
    private static int firstWordStart(String text) {
        int i = 0;
        int depth = 0;
        while (i < text.length()) {
            if (text.startsWith("(*", i)) {
                depth++;
                i += 2;
            } else if (depth > 0 && text.startsWith("*)", i)) {
                depth--;
                i += 2;
            } else if (depth > 0 || Character.isWhitespace(text.charAt(i))) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
