package org.powercheck.checker.sat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Layout;
import org.powercheck.ir.Reg;

/**
 * An {@link Expr} with its registers resolved to the thread's register numbers, evaluated on a
 * concrete assignment. {@link #regs} lists the distinct registers it reads: engines enumerate
 * joint assignments of these, so {@code r1 xor r1} is 0 however many values r1 may have.
 */
abstract class RegExpr {
    /** distinct register numbers this expression reads, in first-use order */
    int[] regs;

    abstract long eval(long[] regValues);

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
    }

    private static final class Register extends RegExpr {
        final int idx;
        Register(int idx) { this.idx = idx; }
        @Override long eval(long[] r) { return r[idx]; }
    }

    private static final class Unary extends RegExpr {
        final Expr.UnOp op;
        final RegExpr arg;
        Unary(Expr.UnOp op, RegExpr arg) { this.op = op; this.arg = arg; }
        @Override long eval(long[] r) { return op.apply(arg.eval(r)); }
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
    }

    private static final class Select extends RegExpr {
        final RegExpr cond, then, otherwise;
        Select(RegExpr cond, RegExpr then, RegExpr otherwise) {
            this.cond = cond;
            this.then = then;
            this.otherwise = otherwise;
        }
        @Override long eval(long[] r) { return cond.eval(r) != 0 ? then.eval(r) : otherwise.eval(r); }
    }
}
