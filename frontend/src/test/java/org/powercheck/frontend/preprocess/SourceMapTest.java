package org.powercheck.frontend.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.powercheck.frontend.preprocess.PreprocessorTestSupport.FILE;
import static org.powercheck.frontend.preprocess.PreprocessorTestSupport.run;

import org.junit.jupiter.api.Test;
import org.powercheck.ir.SourcePos;

class SourceMapTest {
    private static final String SOURCE = """
            #define WRITE_ONCE(x, val) do { *(volatile typeof(x) *)&(x) = (val); } while (0)
            #define MAX(a, b) ((a) > (b) ? (a) : (b))
            void f(int *p, int q)
            {
                WRITE_ONCE(*p,
                           MAX(q, 3));
            }
            """;

    private static SourcePos at(int line, int column) {
        return new SourcePos(FILE, line, column);
    }

    /** The 1-based column of the n-th (0-based) occurrence of {@code what} on output line {@code line}. */
    private static int column(PreprocessedUnit unit, int line, String what, int occurrence) {
        String text = unit.text().split("\n", -1)[line - 1];
        int index = -1;
        for (int i = 0; i <= occurrence; i++) {
            index = text.indexOf(what, index + 1);
        }
        return index + 1;
    }

    @Test
    void outputKeepsTheLinesOfTheSource() {
        assertEquals("""


                void f(int *p, int q)
                {
                    do { *(volatile typeof(*p) *)&(*p) = (
                               ((q) > (3) ? (q) : (3))); } while (0);
                }
                """, run(SOURCE).text());
    }

    @Test
    void unexpandedTokensMapToTheirOwnColumns() {
        PreprocessedUnit unit = run(SOURCE);
        assertEquals(at(3, 1), unit.map(3, 1));
        assertEquals(at(3, 8), unit.map(3, 8));
        assertEquals(at(3, 21), unit.map(3, 21));
        assertEquals(at(4, 1), unit.map(4, 1));
        assertEquals(at(1, 1), unit.map(1, 1));
        assertEquals(at(2, 7), unit.map(2, 7));
    }

    @Test
    void tokensOfAReplacementMapToTheMacroInvocation() {
        PreprocessedUnit unit = run(SOURCE);
        assertEquals(at(5, 5), unit.map(5, column(unit, 5, "do", 0)));
        assertEquals(at(5, 5), unit.map(5, column(unit, 5, "volatile", 0) + 3));
        assertEquals(at(6, 16), unit.map(6, column(unit, 6, ">", 0)));
        assertEquals(at(6, 16), unit.map(6, column(unit, 6, "?", 0)));
        assertEquals(at(5, 5), unit.map(6, column(unit, 6, "while", 0)));
    }

    @Test
    void argumentTokensMapToWhereTheyAreWritten() {
        PreprocessedUnit unit = run(SOURCE);
        int firstStar = column(unit, 5, "*p", 0);
        assertEquals(at(5, 16), unit.map(5, firstStar));
        assertEquals(at(5, 17), unit.map(5, firstStar + 1));
        assertEquals(at(5, 16), unit.map(5, column(unit, 5, "*p", 1)));
        assertEquals(at(6, 20), unit.map(6, column(unit, 6, "q", 0)));
        assertEquals(at(6, 20), unit.map(6, column(unit, 6, "q", 1)));
        assertEquals(at(6, 23), unit.map(6, column(unit, 6, "3", 1)));
        assertEquals(at(6, 26), unit.map(6, column(unit, 6, ";", 1)));
    }

    @Test
    void tabsAndSplicesCountInSourceColumns() {
        PreprocessedUnit unit = run("\tint /* note */ a;\nint b \\\n  = 2;\n");
        assertEquals(" int            a;\nint b\n  = 2;\n", unit.text());
        assertEquals(at(1, 2), unit.map(1, 2));
        assertEquals(at(1, 17), unit.map(1, 17));
        assertEquals(at(3, 3), unit.map(3, 3));
        assertEquals(at(3, 5), unit.map(3, 5));
    }

    @Test
    void positionsOutsideTheOutputAreClamped() {
        PreprocessedUnit unit = run("int a;\n");
        assertEquals(1, unit.lineCount());
        assertEquals(at(1, 1), unit.map(0, 1));
        assertEquals(at(1, 5), unit.map(9, 5));
    }
}
