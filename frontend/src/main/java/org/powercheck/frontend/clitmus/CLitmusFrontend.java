package org.powercheck.frontend.clitmus;

import java.util.Set;
import org.powercheck.frontend.cparse.CSyntax;
import org.powercheck.frontend.cparse.TypeNames;
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
        CLitmusSyntax.Header header = new CLitmusHeaderGrammar(text, file).parseHeader();
        TextPositions positions = new TextPositions(text);
        int codeStart = positions.offset(header.codeLine(), header.codeColumn());
        CSyntax.Partial code = CSyntax.until(text.substring(codeStart), file, header.codeLine(),
                header.codeColumn(), TAIL_WORDS, new TypeNames());
        int tailStart = code.atEnd() ? text.length() : positions.offset(code.stopLine(), code.stopColumn());
        return new CLitmusProgramBuilder(header, code.items(), file, mapping).build(text, tailStart);
    }
}
