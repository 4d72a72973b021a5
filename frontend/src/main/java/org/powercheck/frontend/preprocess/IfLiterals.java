package org.powercheck.frontend.preprocess;

import java.util.regex.Pattern;

/** Values of the integer and character constants of {@code #if} expressions. */
final class IfLiterals {
    private static final Pattern INTEGER_SUFFIX = Pattern.compile("[uU](l|L|ll|LL)?|(l|L|ll|LL)[uU]?");

    private IfLiterals() {
    }

    /** The value of an integer constant with its C suffix (u, l, ll in any case and order). */
    static PpValue integer(String text, int column) {
        int end = text.length();
        while (end > 0 && "uUlL".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        String suffix = text.substring(end);
        if (!validSuffix(suffix)) {
            throw new IfExpressionException("invalid suffix \"" + suffix + "\" on integer constant", column);
        }
        String digits = text.substring(0, end);
        int radix = 10;
        int start = 0;
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            char x = Character.toLowerCase(digits.charAt(1));
            if (x == 'x' || x == 'b') {
                radix = x == 'x' ? 16 : 2;
                start = 2;
            } else {
                radix = 8;
                start = 1;
            }
        }
        if (start == digits.length()) {
            throw new IfExpressionException("invalid integer constant \"" + text + "\"", column);
        }
        long value = 0;
        for (int i = start; i < digits.length(); i++) {
            char c = digits.charAt(i);
            int digit = Character.digit(c, radix);
            if (digit < 0) {
                boolean floating = c == '.' || (radix == 10 && (c == 'e' || c == 'E'))
                        || (radix == 16 && (c == 'p' || c == 'P'));
                throw new IfExpressionException(floating ? "floating constant in preprocessor expression"
                        : "invalid digit \"" + c + "\" in constant \"" + text + "\"", column);
            }
            long shifted = value * radix;
            if (Long.divideUnsigned(shifted, radix) != value || Long.compareUnsigned(shifted + digit, shifted) < 0) {
                throw new IfExpressionException("integer constant is too large for its type", column);
            }
            value = shifted + digit;
        }
        boolean unsigned = suffix.indexOf('u') >= 0 || suffix.indexOf('U') >= 0 || value < 0;
        return new PpValue(value, unsigned);
    }

    private static boolean validSuffix(String s) {
        return s.isEmpty() || INTEGER_SUFFIX.matcher(s).matches();
    }

    /**
     * The value of a character constant. Plain char is unsigned on powerpc, so '\xff' is 255;
     * a multi-character constant packs its characters into an int, as GCC does.
     */
    static PpValue character(String text, int column) {
        int quote = text.indexOf('\'');
        String prefix = text.substring(0, quote);
        String body = text.substring(quote + 1, text.length() - 1);
        long value = 0;
        int count = 0;
        int i = 0;
        while (i < body.length()) {
            long c;
            char ch = body.charAt(i++);
            if (ch != '\\') {
                c = ch;
            } else {
                char e = body.charAt(i++);
                switch (e) {
                    case 'n' -> c = '\n';
                    case 't' -> c = '\t';
                    case 'r' -> c = '\r';
                    case 'a' -> c = 7;
                    case 'b' -> c = '\b';
                    case 'f' -> c = '\f';
                    case 'v' -> c = 11;
                    case 'e', 'E' -> c = 27;
                    case 'x' -> {
                        int startHex = i;
                        while (i < body.length() && Character.digit(body.charAt(i), 16) >= 0) {
                            i++;
                        }
                        if (startHex == i) {
                            throw new IfExpressionException("\\x used with no following hex digits", column);
                        }
                        c = Long.parseUnsignedLong(body.substring(startHex, Math.min(i, startHex + 15)), 16);
                    }
                    default -> {
                        if (e >= '0' && e <= '7') {
                            int startOct = i - 1;
                            while (i < body.length() && i - startOct < 3 && body.charAt(i) >= '0'
                                    && body.charAt(i) <= '7') {
                                i++;
                            }
                            c = Long.parseLong(body.substring(startOct, i), 8);
                        } else {
                            c = e; // \\ \' \" \? and unknown escapes stand for themselves
                        }
                    }
                }
            }
            value = prefix.isEmpty() ? ((value << 8) | (c & 0xff)) : c;
            count++;
        }
        if (count == 0) {
            throw new IfExpressionException("empty character constant", column);
        }
        if (prefix.isEmpty()) {
            value = count == 1 ? value & 0xff : (int) value;
        } else if (prefix.equals("u8")) {
            value &= 0xff;
        }
        return new PpValue(value, false);
    }
}
