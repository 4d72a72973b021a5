package org.powercheck.frontend.asm;

import java.util.Map;
import java.util.Optional;
import org.powercheck.ir.InputException;
import org.powercheck.ir.SourcePos;

/**
 * The assembler's absolute expressions: numbers (decimal, {@code 0x}, {@code 0b}, octal),
 * symbols given a value by {@code .set} or {@code =} (and the generated {@code asm-offsets}),
 * {@code ( )}, unary {@code - ~ !} and the binary operators with C's precedence, which is what
 * the kernel's offset arithmetic ({@code 8*TS_FPRWIDTH*(n)}) needs. Relocation operators
 * ({@code @ha}, {@code @l}) and the location counter are not absolute here: an error names them.
 */
final class AsmExpression {
    private final String text;
    private final Map<String, Long> symbols;
    private final SourcePos pos;
    private int at;

    private AsmExpression(String text, Map<String, Long> symbols, SourcePos pos) {
        this.text = text;
        this.symbols = symbols;
        this.pos = pos;
    }

    static long evaluate(String text, Map<String, Long> symbols, SourcePos pos) {
        AsmExpression e = new AsmExpression(text.trim(), symbols, pos);
        if (e.text.isEmpty()) throw new InputException(pos, "missing expression");
        long v = e.binary(0);
        e.skipSpace();
        if (e.at < e.text.length()) throw e.error("unexpected '" + e.text.substring(e.at) + "'");
        return v;
    }

    /** The value, or empty when the text is not an absolute expression (a register name, a label). */
    static Optional<Long> tryEvaluate(String text, Map<String, Long> symbols, SourcePos pos) {
        try {
            return Optional.of(evaluate(text, symbols, pos));
        } catch (InputException e) {
            return Optional.empty();
        }
    }

    private static final String[][] LEVELS = {
            {"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"<<", ">>"}, {"+", "-"},
            {"*", "/", "%"}};

    private long binary(int level) {
        if (level == LEVELS.length) return unary();
        long left = binary(level + 1);
        while (true) {
            skipSpace();
            String op = operatorAt(LEVELS[level]);
            if (op == null) return left;
            at += op.length();
            long right = binary(level + 1);
            left = apply(op, left, right);
        }
    }

    private String operatorAt(String[] ops) {
        for (String op : ops) {
            if (!text.startsWith(op, at)) continue;
            // '|' is not the start of '||', nor '<' of '<<'
            if (op.length() == 1 && at + 1 < text.length()) {
                char next = text.charAt(at + 1);
                if ((op.equals("|") && next == '|') || (op.equals("&") && next == '&')
                        || (op.equals("<") && (next == '<' || next == '=')) || (op.equals(">") && (next == '>' || next == '='))) {
                    continue;
                }
            }
            return op;
        }
        return null;
    }

    private long apply(String op, long a, long b) {
        return switch (op) {
            case "||" -> (a != 0 || b != 0) ? 1 : 0;
            case "&&" -> (a != 0 && b != 0) ? 1 : 0;
            case "|" -> a | b;
            case "^" -> a ^ b;
            case "&" -> a & b;
            case "==" -> a == b ? 1 : 0;
            case "!=" -> a != b ? 1 : 0;
            case "<=" -> a <= b ? 1 : 0;
            case ">=" -> a >= b ? 1 : 0;
            case "<" -> a < b ? 1 : 0;
            case ">" -> a > b ? 1 : 0;
            case "<<" -> a << (b & 63);
            case ">>" -> a >> (b & 63);
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/", "%" -> {
                if (b == 0) throw error("division by zero");
                yield op.equals("/") ? a / b : a % b;
            }
            default -> throw new IllegalStateException(op);
        };
    }

    private long unary() {
        skipSpace();
        if (at >= text.length()) throw error("expression ends early");
        char c = text.charAt(at);
        switch (c) {
            case '-' -> {
                at++;
                return -unary();
            }
            case '+' -> {
                at++;
                return unary();
            }
            case '~' -> {
                at++;
                return ~unary();
            }
            case '!' -> {
                at++;
                return unary() == 0 ? 1 : 0;
            }
            case '(' -> {
                at++;
                long v = binary(0);
                skipSpace();
                if (at >= text.length() || text.charAt(at) != ')') throw error("missing ')'");
                at++;
                return suffix(v);
            }
            default -> { }
        }
        if (Character.isDigit(c)) return suffix(number());
        if (Character.isLetter(c) || c == '_' || c == '.' || c == '$') {
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || "_.$".indexOf(text.charAt(at)) >= 0)) at++;
            String name = text.substring(start, at);
            Long v = symbols.get(name);
            if (v == null) throw error(name.equals(".") ? "the location counter '.' is not modelled"
                    : "undefined symbol '" + name + "'");
            return suffix(v);
        }
        throw error("unexpected '" + c + "'");
    }

    private long suffix(long v) {
        if (at < text.length() && text.charAt(at) == '@') {
            int start = at;
            at++;
            while (at < text.length() && Character.isLetter(text.charAt(at))) at++;
            throw error("relocation '" + text.substring(start, at) + "' is not modelled");
        }
        return v;
    }

    private long number() {
        int start = at;
        while (at < text.length() && Character.isLetterOrDigit(text.charAt(at))) at++;
        String n = text.substring(start, at).toLowerCase();
        while (n.endsWith("u") || n.endsWith("l")) n = n.substring(0, n.length() - 1);
        try {
            if (n.startsWith("0x")) return Long.parseUnsignedLong(n.substring(2), 16);
            if (n.startsWith("0b")) return Long.parseUnsignedLong(n.substring(2), 2);
            if (n.length() > 1 && n.startsWith("0")) return Long.parseUnsignedLong(n.substring(1), 8);
            return Long.parseUnsignedLong(n);
        } catch (NumberFormatException e) {
            throw error("bad number '" + text.substring(start, at) + "'");
        }
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) at++;
    }

    private InputException error(String message) {
        return new InputException(pos, message + " in '" + text + "'");
    }
}
