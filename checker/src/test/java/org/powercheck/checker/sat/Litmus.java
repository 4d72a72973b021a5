package org.powercheck.checker.sat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.powercheck.ir.Cell;
import org.powercheck.ir.Condition;
import org.powercheck.ir.Expr;
import org.powercheck.ir.FenceKind;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Program;
import org.powercheck.ir.Prop;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.StateKey;
import org.powercheck.ir.ThreadCode;
import org.powercheck.ir.Width;

/** A tiny PPC-flavoured assembler for building test programs directly in the IR. */
final class Litmus {
    private final String name;
    private final Map<String, Expr> cells = new LinkedHashMap<>();
    private final List<T> threads = new ArrayList<>();
    private Prop filter;
    private final List<StateKey> locations = new ArrayList<>();

    Litmus(String name, String... cellNames) {
        this.name = name;
        for (String c : cellNames) cells.put(c, new Expr.Const(0));
    }

    Litmus init(String cell, long v) {
        cells.put(cell, new Expr.Const(v));
        return this;
    }

    /** The cell starts holding another cell's address. */
    Litmus initAddress(String cell, String target) {
        cells.put(cell, new Expr.Addr(target));
        return this;
    }

    T thread() {
        T t = new T(threads.size());
        threads.add(t);
        return t;
    }

    Litmus location(StateKey k) {
        locations.add(k);
        return this;
    }

    Litmus filter(Prop p) {
        filter = p;
        return this;
    }

    Program exists(Prop p) {
        return build(Condition.Quantifier.EXISTS, p);
    }

    Program build(Condition.Quantifier q, Prop p) {
        List<Cell> cl = new ArrayList<>();
        cells.forEach((n, v) -> cl.add(new Cell(n, v, Width.WORD, pos(0))));
        List<ThreadCode> tc = new ArrayList<>();
        for (T t : threads) tc.add(new ThreadCode(t.id, "P" + t.id, t.init, t.code, pos(0)));
        return new Program(name, Program.Arch.PPC, name + ".litmus", cl, tc, new Condition(q, p, pos(0)),
                locations, Optional.ofNullable(filter));
    }

    static SourcePos pos(int line) {
        return new SourcePos("test.litmus", line, 1);
    }

    static Reg r(String n) {
        return new Reg(n);
    }

    static Expr reg(String n) {
        return new Expr.RegRef(r(n));
    }

    static Prop eq(int thread, String reg, long v) {
        return new Prop.Eq(new StateKey.RegKey(thread, r(reg)), new Expr.Const(v));
    }

    static Prop mem(String cell, long v) {
        return new Prop.Eq(new StateKey.MemKey(cell), new Expr.Const(v));
    }

    static Prop and(Prop... ps) {
        Prop out = ps[0];
        for (int i = 1; i < ps.length; i++) out = new Prop.And(out, ps[i]);
        return out;
    }

    static final class T {
        final int id;
        final Map<Reg, Expr> init = new LinkedHashMap<>();
        final List<Instr> code = new ArrayList<>();

        T(int id) {
            this.id = id;
        }

        private SourcePos p() {
            return pos(code.size() + 1);
        }

        T addr(String reg, String cell) {
            init.put(r(reg), new Expr.Addr(cell));
            return this;
        }

        T set(String reg, long v) {
            init.put(r(reg), new Expr.Const(v));
            return this;
        }

        T li(String d, long v) {
            code.add(new Instr.Assign(r(d), new Expr.Const(v), p()));
            return this;
        }

        T addi(String d, String a, long v) {
            code.add(new Instr.Assign(r(d), new Expr.Binary(Expr.BinOp.ADD, reg(a), new Expr.Const(v)), p()));
            return this;
        }

        T xor(String d, String a, String b) {
            code.add(new Instr.Assign(r(d), new Expr.Binary(Expr.BinOp.XOR, reg(a), reg(b)), p()));
            return this;
        }

        T lwz(String d, String a) {
            code.add(new Instr.Load(r(d), reg(a), Width.WORD, false, false, p()));
            return this;
        }

        T lwzx(String d, String a, String b) {
            code.add(new Instr.Load(r(d), new Expr.Binary(Expr.BinOp.ADD, reg(a), reg(b)), Width.WORD, false, false, p()));
            return this;
        }

        T stw(String s, String a) {
            code.add(new Instr.Store(reg(s), reg(a), Width.WORD, p()));
            return this;
        }

        T lwarx(String d, String a) {
            code.add(new Instr.Load(r(d), reg(a), Width.WORD, false, true, p()));
            return this;
        }

        T stwcx(String s, String a) {
            code.add(new Instr.StoreConditional(reg(s), reg(a), Width.WORD, Reg.CR0, p()));
            return this;
        }

        T cmpw(String a, String b) {
            code.add(new Instr.Assign(Reg.CR0, new Expr.Binary(Expr.BinOp.CMPW, reg(a), reg(b)), p()));
            return this;
        }

        T cmpwi(String a, long v) {
            code.add(new Instr.Assign(Reg.CR0, new Expr.Binary(Expr.BinOp.CMPW, reg(a), new Expr.Const(v)), p()));
            return this;
        }

        T beq(String label) {
            code.add(new Instr.Branch(new Expr.Binary(Expr.BinOp.EQ, reg("cr0"), new Expr.Const(0)), label, p()));
            return this;
        }

        T bne(String label) {
            code.add(new Instr.Branch(new Expr.Binary(Expr.BinOp.NE, reg("cr0"), new Expr.Const(0)), label, p()));
            return this;
        }

        T b(String label) {
            code.add(Instr.Branch.always(label, p()));
            return this;
        }

        T label(String l) {
            code.add(new Instr.Label(l, p()));
            return this;
        }

        T fence(FenceKind k) {
            code.add(new Instr.Fence(k, p()));
            return this;
        }

        T sync() {
            return fence(FenceKind.SYNC);
        }

        T lwsync() {
            return fence(FenceKind.LWSYNC);
        }

        T isync() {
            return fence(FenceKind.ISYNC);
        }

        T assume(Expr cond) {
            code.add(new Instr.Assume(cond, p()));
            return this;
        }
    }
}
