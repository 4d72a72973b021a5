package org.powercheck.frontend.litmus;

import java.math.BigInteger;
import org.powercheck.ir.InputException;
import org.powercheck.ir.SourcePos;

/** herd's integer literals: decimal with an optional minus sign, or hexadecimal. */
public final class LitmusNumbers {
    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX_UNSIGNED = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private LitmusNumbers() {}

    /**
     * The 64-bit value of {@code text}. Values up to 2^64-1 are accepted and wrap (herd writes
     * {@code 0xaaaaaaaaaaaaaaaa}); anything wider is an error.
     */
    public static long parse(String text, SourcePos pos) {
        BigInteger v;
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) v = new BigInteger(text.substring(2), 16);
            else v = new BigInteger(text);
        } catch (NumberFormatException e) {
            throw new InputException(pos, "bad number '" + text + "'");
        }
        if (v.compareTo(MIN) < 0 || v.compareTo(MAX_UNSIGNED) > 0) {
            throw new InputException(pos, "number '" + text + "' does not fit in 64 bits");
        }
        return v.longValue();
    }
}
