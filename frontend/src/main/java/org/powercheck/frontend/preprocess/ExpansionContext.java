package org.powercheck.frontend.preprocess;

import java.util.function.IntSupplier;

/** What macro expansion needs to know about the whole run: the macros and the answers of builtins. */
final class ExpansionContext {
    /** Whether {@code __has_include} finds a header. */
    interface IncludeProbe {
        boolean exists(String header, boolean angled);
    }

    final MacroTable macros;
    final PreprocessorOptions options;
    final String baseFile;
    private final IncludeProbe includeProbe;
    private final IntSupplier includeLevel;
    private int counter;

    ExpansionContext(MacroTable macros, PreprocessorOptions options, String baseFile, IncludeProbe includeProbe,
                     IntSupplier includeLevel) {
        this.macros = macros;
        this.options = options;
        this.baseFile = baseFile;
        this.includeProbe = includeProbe;
        this.includeLevel = includeLevel;
    }

    int nextCounter() {
        return counter++;
    }

    /** The next {@code __COUNTER__}, for a reading that continues another one's. */
    int counter() {
        return counter;
    }

    void startCounterAt(int value) {
        counter = value;
    }

    int includeLevel() {
        return includeLevel.getAsInt();
    }

    boolean hasInclude(String header, boolean angled) {
        return includeProbe.exists(header, angled);
    }
}
