package org.powercheck.checker.sat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Layout;
import org.powercheck.ir.Reg;
import org.powercheck.ir.Undetermined;

/**
 * An {@link Expr} with its registers resolved to the thread's register numbers, evaluated on a
 * concrete assignment. {@link #regs} lists the distinct registers it reads: engines enumerate
 * joint assignments of these, so {@code r1 xor r1} is 0 however many values r1 may have.
 */
abstract class RegExpr {
    /** distinct register numbers this expression reads, in first-use order */
    int[] regs;

    abstract long eval(long[] regValues);

    /**
     * The values over independent choices for each operand, sub-expression by sub-expression:
     * an over-approximation when operands share registers (for the value analysis, where the
     * joint assignments are too many). Comparisons give all their outcomes.
     *
     * @throws TooMany when one operation's operand pairs are still too many
     */
    abstract long[] evalSets(long[][] regSets, int limit);

    /**
     * The exact guarded values, sub-expression by sub-expression: the literals carry the
     * correlation of shared registers, and comparisons cost linear size (see {@link Comparisons}).
     */
    abstract ValueMap evalMaps(Circuit c, ValueMap[] regMaps, int limit);

    /** One operation would combine more operand values than the limit. */
    static final class TooMany extends RuntimeException {
        TooMany() {
            super(null, null, false, false);
        }
    }

    /** The value when {@link #regs} is empty. */
    long constant() {
        return eval(null);
    }

    static RegExpr compile(Expr e, Map<Reg, Integer> regIndex, Layout layout) {
        List<Integer> seen = new ArrayList<>();
        RegExpr out = build(e, regIndex, layout, seen);
        out.regs = seen.stream().mapToInt(Integer::intValue).toArray();
        return out;
    }

    private static RegExpr build(Expr e, Map<Reg, Integer> regIndex, Layout layout, List<Integer> seen) {
        return switch (e) {
            case Expr.Const c -> new Const(c.value());
            case Expr.Addr a -> new Const(layout.addressOf(a.cell()));
            case Expr.RegRef r -> {
                int idx = regIndex.get(r.reg());
                if (!seen.contains(idx)) seen.add(idx);
                yield new Register(idx);
            }
            case Expr.Unary u -> new Unary(u.op(), build(u.arg(), regIndex, layout, seen));
            case Expr.Binary b -> new Binary(b.op(), build(b.left(), regIndex, layout, seen),
                    build(b.right(), regIndex, layout, seen), layout);
            case Expr.Select s -> new Select(build(s.cond(), regIndex, layout, seen),
                    build(s.then(), regIndex, layout, seen), build(s.otherwise(), regIndex, layout, seen));
        };
    }

    private static final class Const extends RegExpr {
        final long v;
        Const(long v) { this.v = v; }
        @Override long eval(long[] r) { return v; }
        @Override long[] evalSets(long[][] st, int limit) { return LongSets.of(v); }
        @Override ValueMap evalMaps(Circuit c, ValueMap[] m, int limit) { return ValueMap.constant(v); }
    }

    private static final class Register extends RegExpr {
        final int idx;
        Register(int idx) { this.idx = idx; }
        @Override long eval(long[] r) { return r[idx]; }
        @Override long[] evalSets(long[][] st, int limit) { return st[idx]; }
        @Override ValueMap evalMaps(Circuit c, ValueMap[] m, int limit) { return m[idx]; }
    }

    private static final class Unary extends RegExpr {
        final Expr.UnOp op;
        final RegExpr arg;
        Unary(Expr.UnOp op, RegExpr arg) { this.op = op; this.arg = arg; }
        @Override long eval(long[] r) { return op.apply(arg.eval(r)); }
        @Override long[] evalSets(long[][] st, int limit) {
            long[] a = arg.evalSets(st, limit);
            long[] out = new long[a.length];
            for (int i = 0; i < a.length; i++) out[i] = op.apply(a[i]);
            return LongSets.normalize(out, out.length);
        }
        @Override ValueMap evalMaps(Circuit c, ValueMap[] m, int limit) {
            ValueMap a = arg.evalMaps(c, m, limit);
            ValueMap.Builder b = new ValueMap.Builder();
            for (int i = 0; i < a.size(); i++) b.add(op.apply(a.values[i]), a.lits[i]);
            return b.build(c);
        }
    }

    private static final class Binary extends RegExpr {
        final Expr.BinOp op;
        final RegExpr left, right;
        final Layout layout;
        Binary(Expr.BinOp op, RegExpr left, RegExpr right, Layout layout) {
            this.op = op;
            this.left = left;
            this.right = right;
            this.layout = layout;
        }
        @Override long eval(long[] r) { return layout.apply(op, left.eval(r), right.eval(r)); }
        @Override long[] evalSets(long[][] st, int limit) {
            long[] a = left.evalSets(st, limit), b = right.evalSets(st, limit);
            if (a.length == 0 || b.length == 0) return LongSets.EMPTY;
            if (Comparisons.isComparison(op) && (long) a.length * b.length > limit) return Comparisons.outcomes(op);
            if ((long) a.length * b.length > limit) throw new TooMany();
            long[] out = new long[a.length * b.length];
            int n = 0;
            for (long x : a) for (long y : b) out[n++] = layout.apply(op, x, y);
            return LongSets.normalize(out, n);
        }
        @Override ValueMap evalMaps(Circuit c, ValueMap[] m, int limit) {
            ValueMap a = left.evalMaps(c, m, limit), b = right.evalMaps(c, m, limit);
            if (Comparisons.isComparison(op) && a.size() > 1 && b.size() > 1) return Comparisons.compare(c, op, a, b);
            if ((long) a.size() * b.size() > limit) throw new TooMany();
            ValueMap.Builder out = new ValueMap.Builder();
            for (int i = 0; i < a.size(); i++) {
                for (int j = 0; j < b.size(); j++) out.add(layout.apply(op, a.values[i], b.values[j]), c.and(a.lits[i], b.lits[j]));
            }
            return out.build(c);
        }
    }

    private static final class Select extends RegExpr {
        final RegExpr cond, then, otherwise;
        Select(RegExpr cond, RegExpr then, RegExpr otherwise) {
            this.cond = cond;
            this.then = then;
            this.otherwise = otherwise;
        }
        // an undetermined condition selects nothing: the result is undetermined too
        @Override long eval(long[] r) {
            long k = cond.eval(r);
            if (Undetermined.is(k)) return k;
            return k != 0 ? then.eval(r) : otherwise.eval(r);
        }
        @Override long[] evalSets(long[][] st, int limit) {
            long[] k = cond.evalSets(st, limit);
            boolean zero = false, nonZero = false;
            long[] out = LongSets.EMPTY;
            for (long v : k) {
                if (Undetermined.is(v)) out = LongSets.of(v);
                else if (v == 0) zero = true;
                else nonZero = true;
            }
            if (nonZero) out = LongSets.union(out, then.evalSets(st, limit));
            if (zero) out = LongSets.union(out, otherwise.evalSets(st, limit));
            return out;
        }
        @Override ValueMap evalMaps(Circuit c, ValueMap[] m, int limit) {
            ValueMap k = cond.evalMaps(c, m, limit);
            int z = k.nonZero(c), u = k.eq(Undetermined.VALUE), zero = c.and(-z, -u);
            ValueMap t = then.evalMaps(c, m, limit), e = otherwise.evalMaps(c, m, limit);
            ValueMap.Builder out = new ValueMap.Builder();
            out.add(Undetermined.VALUE, u);
            for (int i = 0; i < t.size(); i++) out.add(t.values[i], c.and(z, t.lits[i]));
            for (int i = 0; i < e.size(); i++) out.add(e.values[i], c.and(zero, e.lits[i]));
            return out.build(c);
        }
    }
}
