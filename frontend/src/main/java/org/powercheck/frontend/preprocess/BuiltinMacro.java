package org.powercheck.frontend.preprocess;

/** Macros whose replacement the preprocessor computes instead of reading it from a definition. */
enum BuiltinMacro {
    FILE("__FILE__", false),
    LINE("__LINE__", false),
    COUNTER("__COUNTER__", false),
    INCLUDE_LEVEL("__INCLUDE_LEVEL__", false),
    BASE_FILE("__BASE_FILE__", false),
    DATE("__DATE__", false),
    TIME("__TIME__", false),
    /*
     * Kconfig's tests, normally macros from <linux/kconfig.h>: kernel headers are not read, and
     * the tests are used both in #if and in C code (if (IS_ENABLED(CONFIG_SMP)) ...).
     */
    IS_ENABLED("IS_ENABLED", true),
    IS_BUILTIN("IS_BUILTIN", true),
    IS_MODULE("IS_MODULE", true),
    IS_REACHABLE("IS_REACHABLE", true),
    /* Operators that only mean something inside #if; "defined" for #ifdef, as in GCC. */
    HAS_ATTRIBUTE("__has_attribute", true),
    HAS_C_ATTRIBUTE("__has_c_attribute", true),
    HAS_CPP_ATTRIBUTE("__has_cpp_attribute", true),
    HAS_BUILTIN("__has_builtin", true),
    HAS_FEATURE("__has_feature", true),
    HAS_EXTENSION("__has_extension", true),
    HAS_INCLUDE("__has_include", true),
    HAS_INCLUDE_NEXT("__has_include_next", true);

    final String macroName;
    final boolean functionLike;

    BuiltinMacro(String macroName, boolean functionLike) {
        this.macroName = macroName;
        this.functionLike = functionLike;
    }

    boolean onlyInConditions() {
        return macroName.startsWith("__has_");
    }
}
