package org.powercheck.frontend.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LargeFileTest {
    private static final int LINES = 5000;

    /** A kernel-style file of about {@link #LINES} lines: macros, conditionals, comments, calls. */
    private static String largeSource() {
        StringBuilder sb = new StringBuilder();
        sb.append("""
                #include <linux/kernel.h>
                #define ACCESS(x) (*(volatile __typeof__(x) *)&(x))
                #define LOAD(x) ACCESS(x)
                #define STORE(x, v) do { ACCESS(x) = (v); } while (0)
                #define BITN(n) (1UL << (n))
                #define dbg(fmt, ...) log_it("perf: " fmt, ##__VA_ARGS__)
                #define MIN(a, b) ((a) < (b) ? (a) : (b))
                """);
        int functions = 0;
        while (countLines(sb) < LINES - 20) {
            int n = functions++;
            sb.append("/*\n * Function ").append(n).append(" keeps a counter.\n */\n");
            sb.append("static int func_").append(n).append("(int *p, unsigned long mask)\n{\n");
            sb.append("\tint v = LOAD(*p);\t// current value\n");
            sb.append("#if defined(CONFIG_SMP) && BITS > 32\n");
            sb.append("\tSTORE(*p, MIN(v + ").append(n).append(", (int)(mask & BITN(").append(n % 60).append("))));\n");
            sb.append("#else\n\tSTORE(*p, v);\n#endif\n");
            sb.append("\tdbg(\"func %d\\n\", ").append(n).append(");\n");
            sb.append("\treturn v;\n}\n\n");
        }
        return sb.toString();
    }

    private static int countLines(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** A large file keeps one output line per source line, with every macro expanded. */
    @Test
    void largeKernelStyleFileKeepsItsLinesAndExpandsEveryMacro() {
        String source = largeSource();
        Preprocessor preprocessor = new Preprocessor(
                PreprocessorOptions.builder().define("CONFIG_SMP").define("BITS=64").build());
        PreprocessedUnit unit = preprocessor.run(source, "big.c");
        assertTrue(countLines(source) >= LINES - 20);
        assertEquals(countLines(source.stripTrailing() + "\n"), countLines(unit.text()));
        assertTrue(unit.text().contains("do { (*(volatile __typeof__(*p) *)&(*p)) = (((v + 7) <"),
                "macros were expanded");
        assertTrue(!unit.text().contains("LOAD(") && !unit.text().contains("STORE("), "no macro call is left");
    }
}
