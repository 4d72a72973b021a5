package org.powercheck.frontend.clitmus;

import java.util.List;
import java.util.Set;
import org.powercheck.frontend.cparse.CSyntax;
import org.powercheck.frontend.cparse.TypeNames;
import org.powercheck.frontend.kernel.KernelOptions;
import org.powercheck.frontend.kernel.LitmusThreads;
import org.powercheck.frontend.litmus.TextPositions;
import org.powercheck.ir.Program;
import org.powercheck.model.mapping.KernelMapping;

/**
 * Reads a Linux-kernel C litmus test (herd's {@code C} format) and lowers it to the POWER IR:
 * the header and init section, the threads as C, then the shared condition tail.
 */
public final class CLitmusFrontend {
    /** herd's words that end the code and start the condition tail. */
    private static final Set<String> TAIL_WORDS =
            Set.of("exists", "forall", "locations", "filter", "final", "observed", "Observed", "~");

    private CLitmusFrontend() {}

    /** Lowers with the mapping a POWER9 kernel runs. */
    public static Program parse(String text, String file) {
        return parse(text, file, KernelMapping.power9());
    }

    public static Program parse(String text, String file, KernelMapping mapping) {
        return parse(text, file, KernelOptions.defaults().withMapping(mapping));
    }

    /**
     * The threads are read as a harness's are, preprocessed with the standard prelude: the C
     * grammar finds where they end, then the text with the header and the tail blanked out is
     * handed to the kernel C reader (so every position stays where it is in the file).
     */
    public static Program parse(String text, String file, KernelOptions options) {
        List<HeaderDirectives.Range> directives = HeaderDirectives.find(text).orElse(List.of());
        String headerText = text;
        for (HeaderDirectives.Range d : directives) headerText = blanked(headerText, d.start(), d.end());
        CLitmusSyntax.Header header = new CLitmusHeaderGrammar(headerText, file).parseHeader();
        TextPositions positions = new TextPositions(text);
        int codeStart = positions.offset(header.codeLine(), header.codeColumn());
        CSyntax.Partial code = CSyntax.until(headerText.substring(codeStart), file, header.codeLine(),
                header.codeColumn(), TAIL_WORDS, new TypeNames());
        int tailStart = code.atEnd() ? text.length() : positions.offset(code.stopLine(), code.stopColumn());
        // the threads, after the directives before the init section
        String threads = blanked(text, tailStart, text.length());
        int from = 0;
        for (HeaderDirectives.Range d : directives) {
            threads = blanked(threads, from, d.start());
            from = d.end();
        }
        threads = blanked(threads, from, codeStart);
        return new CLitmusProgramBuilder(header, new LitmusThreads(threads, file, options), file).build(text, tailStart);
    }

    /** Whether a {@code C} test is in herd's format: nothing but comments and directives before its init section. */
    public static boolean isHerdFormat(String text) {
        return HeaderDirectives.find(text).isPresent();
    }

    private static String blanked(String text, int from, int to) {
        StringBuilder sb = new StringBuilder(text);
        for (int i = from; i < to; i++) {
            char ch = sb.charAt(i);
            if (ch != '\n' && ch != '\r') sb.setCharAt(i, ' ');
        }
        return sb.toString();
    }
}
