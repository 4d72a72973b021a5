package org.powercheck.frontend.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.powercheck.frontend.preprocess.PreprocessorTestSupport.error;
import static org.powercheck.frontend.preprocess.PreprocessorTestSupport.expand;
import static org.powercheck.frontend.preprocess.PreprocessorTestSupport.run;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercheck.ir.SourcePos;

class DirectiveTest {

    @Test
    void directivesInsideAMacroCallAreObeyed() {
        assertEquals("""

                int v = (first +



                  second_if_not_x)

                 ;
                """, expand("""
                #define SUM(a, b) (a + b)
                int v = SUM(first,
                #ifdef X
                  second_if_x
                #else
                  second_if_not_x
                #endif
                );
                """));
    }

    @Test
    void ignoredDirectivesLeaveNoTrace() {
        assertEquals("\n\n\n\n\n\n\nint a;\n", expand("""
                #
                #pragma GCC diagnostic ignored "-Wunused"
                #line 40 "other.c"
                # 12 "marker.c" 2
                #ident "version"
                #warning this is only a warning
                #pragma once
                int a;
                """));
    }

    @Test
    void includesInSkippedGroupsAreNeitherReadNorRecorded() {
        PreprocessedUnit unit = run("""
                #if 0
                #include "does_not_exist.h"
                #include <linux/skipped.h>
                #endif
                #include <linux/kept.h>
                """);
        assertEquals("", unit.text());
        assertEquals(List.of(new UnresolvedInclude("linux/kept.h", true, new SourcePos("t.c", 5, 10))),
                unit.unresolvedIncludes());
    }

    @Test
    void macrosWithoutParametersAndEmptyArguments() {
        assertEquals("""




                x           ; ""; []; [,]; 0 1;
                """, expand("""
                #define NOTHING()
                #define STR(s) #s
                #define BRACKET(a) [a]
                #define TWO(a, b) [a, b]
                x NOTHING( ); STR(); BRACKET(); TWO(,); __COUNTER__ __COUNTER__;
                """));
    }

    @Test
    void macroCallWithArgumentsForNoParametersIsAnError() {
        assertEquals("t.c:2:1: macro \"NOTHING\" passed 1 arguments, but takes just 0", error("""
                #define NOTHING()
                NOTHING(1)
                """));
    }

    @Test
    void kernelTargetPresetDefinesTheCompilerMacros() {
        PreprocessorOptions options = PreprocessorOptions.builder().kernelPpc64le().build();
        assertEquals("\nle64;\n", new Preprocessor(options).run("""
                #if defined(__KERNEL__) && defined(__powerpc64__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
                le64;
                #endif
                """, "k.c").text());
    }

    @Test
    void unknownCommandLineOptionIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> PreprocessorOptions.builder().arguments(List.of("-O2")));
        assertThrows(IllegalArgumentException.class, () -> PreprocessorOptions.builder().arguments(List.of("-D")));
    }

    @Test
    void badCommandLineDefinitionIsReportedThere() {
        assertEquals("<command-line>:1:9: macro names must be identifiers", error("int a;\n", "-D1X"));
    }
}
