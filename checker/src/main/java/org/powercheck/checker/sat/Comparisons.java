package org.powercheck.checker.sat;

import java.util.Arrays;
import org.powercheck.ir.Expr;

/**
 * Comparisons of two guarded value maps in time linear in their sizes, where enumerating the
 * pairs of values would explode (two counters of a few hundred values each): the operands are
 * mapped to keys that order as the comparison does, and "left below right" is the OR, over the
 * left's values, of that value's literal and "right above it" (a suffix OR of the right's).
 */
final class Comparisons {
    private Comparisons() {}

    static boolean isComparison(Expr.BinOp op) {
        return switch (op) {
            case EQ, NE, LT, LE, GT, GE, LTU, GTU, CMP, CMPU, CMPW, CMPWU -> true;
            default -> false;
        };
    }

    /** The values a comparison can give, whatever its operands (for the value analysis). */
    static long[] outcomes(Expr.BinOp op) {
        return switch (op) {
            case CMP, CMPU, CMPW, CMPWU -> new long[] {-1, 0, 1};
            default -> new long[] {0, 1};
        };
    }

    /** The comparison of {@code a} and {@code b} as a guarded map of its outcomes. */
    static ValueMap compare(Circuit c, Expr.BinOp op, ValueMap a, ValueMap b) {
        ValueMap ka = keys(c, op, a), kb = keys(c, op, b);
        int eq = equal(c, ka, kb), lt = below(c, ka, kb), gt = below(c, kb, ka);
        ValueMap.Builder out = new ValueMap.Builder();
        switch (op) {
            case EQ -> out.add(1, eq).add(0, -eq);
            case NE -> out.add(1, -eq).add(0, eq);
            case LT, LTU -> out.add(1, lt).add(0, -lt);
            case GT, GTU -> out.add(1, gt).add(0, -gt);
            case LE -> out.add(1, -gt).add(0, gt);
            case GE -> out.add(1, -lt).add(0, lt);
            case CMP, CMPU, CMPW, CMPWU -> out.add(-1, lt).add(0, eq).add(1, gt);
            default -> throw new IllegalArgumentException(op.name());
        }
        return out.build(c);
    }

    /** The operand's values as keys whose signed order is the comparison's order. */
    private static ValueMap keys(Circuit c, Expr.BinOp op, ValueMap m) {
        ValueMap.Builder b = new ValueMap.Builder();
        for (int i = 0; i < m.size(); i++) b.add(key(op, m.values[i]), m.lits[i]);
        return b.build(c);
    }

    private static long key(Expr.BinOp op, long v) {
        return switch (op) {
            case LTU, GTU, CMPU -> v ^ Long.MIN_VALUE;
            case CMPW -> (int) v;
            case CMPWU -> v & 0xffffffffL;
            default -> v;
        };
    }

    private static int equal(Circuit c, ValueMap a, ValueMap b) {
        int[] hits = new int[Math.min(a.size(), b.size())];
        int n = 0;
        for (int i = 0; i < a.size(); i++) {
            int j = Arrays.binarySearch(b.values, a.values[i]);
            if (j >= 0) hits[n++] = c.and(a.lits[i], b.lits[j]);
        }
        return c.or(hits, n);
    }

    /** "a's key is below b's key". */
    private static int below(Circuit c, ValueMap a, ValueMap b) {
        int m = b.size();
        int[] above = new int[m + 1];
        above[m] = Circuit.FALSE;
        for (int j = m - 1; j >= 0; j--) above[j] = c.or(b.lits[j], above[j + 1]);
        int[] terms = new int[a.size()];
        for (int i = 0; i < a.size(); i++) {
            int j = Arrays.binarySearch(b.values, a.values[i]);
            int first = j >= 0 ? j + 1 : -j - 1;
            terms[i] = c.and(a.lits[i], above[first]);
        }
        return c.or(terms, terms.length);
    }
}
