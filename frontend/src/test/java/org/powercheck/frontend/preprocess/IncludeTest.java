package org.powercheck.frontend.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercheck.ir.InputException;
import org.powercheck.ir.SourcePos;

class IncludeTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static PreprocessedUnit run(Path file, String... arguments) {
        return new Preprocessor(PreprocessorOptions.builder().arguments(List.of(arguments)).build()).run(file);
    }

    @Test
    void quotedIncludeIsReadRelativeToTheIncludingFile() throws IOException {
        write("sub/inner.h", "#define INNER 42\nint inner_decl;\n");
        write("sub/outer.h", "#include \"inner.h\"\nint outer = INNER;\n");
        Path main = write("main.c", "#include \"sub/outer.h\"\nint main_var = INNER;\n");
        PreprocessedUnit unit = run(main);
        assertEquals("""
                int inner_decl;
                int outer = 42;
                int main_var = 42;
                """, unit.text());
        assertEquals(new SourcePos(dir.resolve("sub/inner.h").toString(), 2, 5), unit.map(1, 5));
        assertEquals(new SourcePos(dir.resolve("sub/outer.h").toString(), 2, 13), unit.map(2, 13));
        assertEquals(new SourcePos(main.toString(), 2, 16), unit.map(3, 16));
        assertEquals(List.of(dir.resolve("sub/outer.h"), dir.resolve("sub/inner.h")), unit.includedFiles());
    }

    @Test
    void angledIncludesAreRecordedUnlessAnIncludeDirectoryHasThem() throws IOException {
        write("inc/local/defs.h", "#define FROM_DIR 1\n");
        Path main = write("main.c", """
                #include <linux/smp.h>
                #include <local/defs.h>
                #include <asm/barrier.h>
                int x = FROM_DIR;
                """);
        PreprocessedUnit unit = run(main, "-I" + dir.resolve("inc"));
        assertEquals("\n\n\nint x = 1;\n", unit.text());
        assertEquals(List.of(new UnresolvedInclude("linux/smp.h", true, new SourcePos(main.toString(), 1, 10)),
                new UnresolvedInclude("asm/barrier.h", true, new SourcePos(main.toString(), 3, 10))),
                unit.unresolvedIncludes());
    }

    @Test
    void quotedIncludesFallBackToIncludeDirectories() throws IOException {
        write("inc/shared.h", "shared;\n");
        Path main = write("src/main.c", "#include \"shared.h\"\n");
        assertEquals("shared;\n", run(main, "-I", dir.resolve("inc").toString()).text());
    }

    @Test
    void missingQuotedIncludeIsAnErrorAtTheDirective() throws IOException {
        Path main = write("main.c", "int a;\n  #  include \"nowhere.h\"\n");
        InputException e = assertThrows(InputException.class, () -> run(main));
        assertEquals(main + ":2:14: nowhere.h: No such file or directory", e.getMessage());
    }

    @Test
    void missingQuotedIncludeCanBeRecordedInstead() throws IOException {
        Path main = write("main.c", "#include \"local.h\"\nint a;\n");
        PreprocessedUnit unit = new Preprocessor(PreprocessorOptions.builder().recordMissingQuotedIncludes(true)
                .build()).run(main);
        assertEquals("\nint a;\n", unit.text());
        assertEquals(List.of(new UnresolvedInclude("local.h", false, new SourcePos(main.toString(), 1, 10))),
                unit.unresolvedIncludes());
    }

    @Test
    void includeGuardsAndPragmaOnceIncludeOnce() throws IOException {
        write("guarded.h", """
                /* guard */
                #ifndef GUARDED_H
                #define GUARDED_H
                guarded;
                #endif
                """);
        write("once.h", "#pragma once\nonce;\n");
        write("plain.h", "plain;\n");
        Path main = write("main.c", """
                #include "guarded.h"
                #include "once.h"
                #include "plain.h"
                #include "guarded.h"
                #include "once.h"
                #include "plain.h"
                """);
        assertEquals("guarded;\nonce;\nplain;\nplain;\n", run(main).text());
    }

    @Test
    void computedIncludeExpandsMacros() throws IOException {
        write("cfg.h", "configured;\n");
        Path main = write("main.c", "#define HEADER \"cfg.h\"\n#include HEADER\n");
        assertEquals("configured;\n", run(main).text());
    }

    @Test
    void recursiveIncludeStopsAtTheDepthLimit() throws IOException {
        Path self = write("self.h", "#include \"self.h\"\n");
        PreprocessorOptions options = PreprocessorOptions.builder().maxIncludeDepth(5).build();
        InputException e = assertThrows(InputException.class, () -> new Preprocessor(options).run(self));
        assertEquals(self + ":1:2: #include nested depth 6 exceeds maximum of 5", e.getMessage());
    }

    @Test
    void preIncludedTextComesFirstAndItsMacrosApply() throws IOException {
        Path main = write("main.c", "int v = PRELUDE_VALUE;\n");
        PreprocessorOptions options = PreprocessorOptions.builder()
                .preInclude("<prelude>", "#define PRELUDE_VALUE 5\nint prelude_decl;\n").build();
        PreprocessedUnit unit = new Preprocessor(options).run(main);
        assertEquals("\nint prelude_decl;\nint v = 5;\n", unit.text());
        assertEquals(new SourcePos("<prelude>", 2, 5), unit.map(2, 5));
        assertEquals(new SourcePos(main.toString(), 1, 9), unit.map(3, 9));
    }

    @Test
    void aPrefixReadOnceGivesEachFileWhatAWholeRunGives() {
        PreprocessorOptions options = PreprocessorOptions.builder().define("CONFIG_X")
                .preInclude("<prelude>", "#ifdef CONFIG_X\n#define PRELUDE_VALUE 5\n#endif\nint prelude_decl = __COUNTER__;\n")
                .build();
        Preprocessor pp = new Preprocessor(options);
        Preprocessor.Prefix prefix = pp.prefix();
        assertEquals("\n\n\nint prelude_decl = 0;\n", prefix.unit().text());
        assertEquals(new SourcePos("<prelude>", 4, 5), prefix.unit().map(4, 5));
        String first = "#undef PRELUDE_VALUE\n#define PRELUDE_VALUE 6\nint v = PRELUDE_VALUE + __COUNTER__;\n";
        PreprocessedUnit changed = pp.run(first, "a.c", prefix);
        assertEquals("\n\nint v = 6 + 1;\n", changed.text());
        assertEquals(new SourcePos("a.c", 3, 9), changed.map(3, 9));
        // the first file's #undef and #define stay its own
        PreprocessedUnit unit = pp.run("int w = PRELUDE_VALUE + __COUNTER__;\n", "b.c", prefix);
        assertEquals("int w = 5 + 1;\n", unit.text());
        assertTrue(pp.run("int w = PRELUDE_VALUE + __COUNTER__;\n", "b.c").text().endsWith(unit.text()));
    }
}
