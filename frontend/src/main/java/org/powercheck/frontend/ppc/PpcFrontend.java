package org.powercheck.frontend.ppc;

import org.powercheck.ir.Program;

/** Reads a herd7 PPC litmus test ({@code PPC name ... { init } P0 | P1 ; ... exists (...)}). */
public final class PpcFrontend {
    private PpcFrontend() {}

    /**
     * @param text the whole test
     * @param file the name used in positions and error messages
     * @throws org.powercheck.ir.InputException on bad input, with its exact position
     */
    public static Program parse(String text, String file) {
        PpcSyntax.Test test = new PpcGrammar(text, file).parseTest();
        return new PpcProgramBuilder(test, file).build(text);
    }
}
