package org.powercheck.frontend.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.powercheck.frontend.preprocess.PreprocessorTestSupport.error;
import static org.powercheck.frontend.preprocess.PreprocessorTestSupport.expand;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IfExpressionTest {

    private static String eval(String expression) throws ParseException {
        return IfExpressionParser.create().evaluate(expression).toString();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "1 + 2 * 3 => 7",
            "( 1 + 2 ) * 3 => 9",
            "10 - 4 - 3 => 3",
            "7 / 2 => 3",
            "-7 / 2 => -3",
            "-7 % 3 => -1",
            "1 << 4 => 16",
            "-16 >> 2 => -4",
            "0xFF & 0x0F => 15",
            "0x0F | 0xF0 => 255",
            "6 ^ 3 => 5",
            "~0 => -1",
            "!0 + !5 => 1",
            "- - 3 => 3",
            "3 < 4 => 1",
            "4 <= 3 => 0",
            "3 > 4 == 0 => 1",
            "2 != 2 => 0",
            "1 && 0 => 0",
            "0 || 7 => 1",
            "1 ? 2 : 3 => 2",
            "0 ? 2 : 0 ? 4 : 5 => 5",
            "1 , 2 => 2",
            "010 => 8",
            "0b101 => 5",
            "1000000000000 => 1000000000000",
            "0x7FFFFFFFFFFFFFFF => 9223372036854775807",
            "'a' => 97",
            "'\\n' => 10",
            "'\\377' => 255",
            "'\\x41' => 65",
            "'ab' => 24930",
            "L'\\x100' => 256",
    })
    void signedArithmetic(String expression, String value) throws ParseException {
        assertEquals(value, eval(expression));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "1u => 1u",
            "0 - 1u => 18446744073709551615u",
            "0xFFFFFFFFFFFFFFFF => 18446744073709551615u",
            "-1 < 0u => 0",
            "-1 < 0 => 1",
            "1UL << 63 >> 63 => 1u",
            "1L << 63 >> 63 => -1",
            "1 ? -1 : 0u => 18446744073709551615u",
            "10ULL / 3 => 3u",
            "1 << 64 => 0",
    })
    void unsignedArithmeticFollowsTheUsualConversions(String expression, String value) throws ParseException {
        assertEquals(value, eval(expression));
    }

    @Test
    void unevaluatedOperandsMayDivideByZero() throws ParseException {
        assertEquals("0", eval("0 && 1 / 0"));
        assertEquals("1", eval("1 || 1 % 0"));
        assertEquals("3", eval("1 ? 3 : 1 / 0"));
        assertEquals("4", eval("0 ? 1 / 0 : 4"));
        IfExpressionException e = assertThrows(IfExpressionException.class, () -> eval("1 && 2 / 0"));
        assertEquals("division by zero in #if", e.getMessage());
        assertEquals(8, e.column);
    }

    @Test
    void badConstantsAreRejected() {
        assertEquals("floating constant in preprocessor expression",
                assertThrows(IfExpressionException.class, () -> eval("1.5")).getMessage());
        assertEquals("invalid suffix \"lul\" on integer constant",
                assertThrows(IfExpressionException.class, () -> eval("1lul")).getMessage());
        assertEquals("integer constant is too large for its type",
                assertThrows(IfExpressionException.class, () -> eval("0x10000000000000000")).getMessage());
        assertEquals("invalid digit \"9\" in constant \"09\"",
                assertThrows(IfExpressionException.class, () -> eval("09")).getMessage());
    }

    @Test
    void errorsPointAtTheOffendingSourceToken() {
        assertEquals("t.c:2:11: division by zero in #if", error("""
                #define ZERO 0
                #if 1 + 2 / ZERO
                #endif
                """));
        assertEquals("t.c:1:7: unexpected \"=\" in #if expression", error("""
                #if X = 1
                #endif
                """));
        assertEquals("t.c:1:2: #if expression ends too early", error("""
                #if 1 +
                #endif
                """));
        assertEquals("t.c:1:9: token \"\"s\"\" is not valid in preprocessor expressions", error("""
                #if 1 + "s"
                #endif
                """));
        assertEquals("t.c:1:11: unexpected \"(\" in #if expression", error("""
                #if sizeof(int) == 4
                #endif
                """));
    }

    @Test
    void definedIsReadBeforeExpansion() {
        assertEquals("\nok;\n", expand("""
                #if defined(A) && defined B && !defined C && A == 2
                ok;
                #endif
                """, "-DA=2", "-DB=C"));
    }
}
