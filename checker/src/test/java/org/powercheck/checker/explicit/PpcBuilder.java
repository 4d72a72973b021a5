package org.powercheck.checker.explicit;

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

/**
 * Builds IR programs the way a PPC litmus test reads, one method per instruction
 * ({@code stw r1,0(r2)} is {@code .stw("r1", 0, "r2")}), lowered as the herd semantics says:
 * {@code cmpw} and {@code stwcx.} write {@code cr0}, {@code beq}/{@code bne} test it.
 */
public final class PpcBuilder {
    private final String name;
    private final List<Cell> cells = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<StateKey> locations = new ArrayList<>();
    private Condition condition = new Condition(Condition.Quantifier.EXISTS, new Prop.True(), SourcePos.UNKNOWN);
    private Prop filter;

    public PpcBuilder(String name, String... cellNames) {
        this.name = name;
        for (String c : cellNames) cell(c, 0);
    }

    public PpcBuilder cell(String cell, long init) {
        cells.add(new Cell(cell, new Expr.Const(init), Width.WORD, SourcePos.UNKNOWN));
        return this;
    }

    public Thread thread() {
        Thread t = new Thread(threads.size());
        threads.add(t);
        return t;
    }

    public PpcBuilder exists(Prop p) {
        condition = new Condition(Condition.Quantifier.EXISTS, p, SourcePos.UNKNOWN);
        return this;
    }

    public PpcBuilder notExists(Prop p) {
        condition = new Condition(Condition.Quantifier.NOT_EXISTS, p, SourcePos.UNKNOWN);
        return this;
    }

    public PpcBuilder locations(StateKey... keys) {
        locations.addAll(List.of(keys));
        return this;
    }

    public PpcBuilder filter(Prop p) {
        filter = p;
        return this;
    }

    public Program build() {
        List<ThreadCode> code = new ArrayList<>();
        for (Thread t : threads) {
            code.add(new ThreadCode(t.id, "P" + t.id, t.init, t.code, SourcePos.UNKNOWN));
        }
        return new Program(name, Program.Arch.PPC, name + ".litmus", cells, code, condition, locations,
                Optional.ofNullable(filter));
    }

    public static Prop reg(int thread, String reg, long value) {
        return new Prop.Eq(new StateKey.RegKey(thread, new Reg(reg)), new Expr.Const(value));
    }

    public static Prop mem(String cell, long value) {
        return new Prop.Eq(new StateKey.MemKey(cell), new Expr.Const(value));
    }

    public static Prop and(Prop... ps) {
        Prop out = ps[0];
        for (int i = 1; i < ps.length; i++) out = new Prop.And(out, ps[i]);
        return out;
    }

    public static Prop or(Prop a, Prop b) {
        return new Prop.Or(a, b);
    }

    /** The code of one thread. */
    public static final class Thread {
        private final int id;
        private final Map<Reg, Expr> init = new LinkedHashMap<>();
        private final List<Instr> code = new ArrayList<>();
        private int line = 1;

        private Thread(int id) {
            this.id = id;
        }

        private SourcePos pos() {
            return new SourcePos("P" + id, line++, 1);
        }

        private static Expr r(String reg) {
            return new Expr.RegRef(new Reg(reg));
        }

        /** {@code d(rA)}, or {@code rA+rB} for indexed forms; {@code r0} as base reads as 0. */
        private static Expr address(String ra, Expr offset) {
            if (ra.equals("r0")) return offset;
            return new Expr.Binary(Expr.BinOp.ADD, r(ra), offset);
        }

        public Thread initAddress(String reg, String cell) {
            init.put(new Reg(reg), new Expr.Addr(cell));
            return this;
        }

        public Thread initValue(String reg, long value) {
            init.put(new Reg(reg), new Expr.Const(value));
            return this;
        }

        public Thread add(Instr instr) {
            code.add(instr);
            return this;
        }

        public Thread li(String rd, long imm) {
            return add(new Instr.Assign(new Reg(rd), new Expr.Const(imm), pos()));
        }

        /** {@code rd = &cell}: a pointer ({@code la}, or C's {@code &x}). */
        public Thread la(String rd, String cell) {
            return add(new Instr.Assign(new Reg(rd), new Expr.Addr(cell), pos()));
        }

        public Thread addi(String rd, String ra, long imm) {
            return add(new Instr.Assign(new Reg(rd), new Expr.Binary(Expr.BinOp.ADD, r(ra), new Expr.Const(imm)), pos()));
        }

        public Thread xor(String rd, String ra, String rb) {
            return add(new Instr.Assign(new Reg(rd), new Expr.Binary(Expr.BinOp.XOR, r(ra), r(rb)), pos()));
        }

        public Thread mr(String rd, String rs) {
            return add(new Instr.Assign(new Reg(rd), r(rs), pos()));
        }

        public Thread stw(String rs, long d, String ra) {
            return add(new Instr.Store(r(rs), address(ra, new Expr.Const(d)), Width.WORD, pos()));
        }

        public Thread stwx(String rs, String ra, String rb) {
            return add(new Instr.Store(r(rs), address(ra, r(rb)), Width.WORD, pos()));
        }

        public Thread lwz(String rd, long d, String ra) {
            return add(new Instr.Load(new Reg(rd), address(ra, new Expr.Const(d)), Width.WORD, false, false, pos()));
        }

        /** A load of {@code w} at {@code rA + rB + d} ({@code rB} null: D-form), as lbz, lhz, lbzx, ... */
        public Thread load(Width w, String rd, String ra, String rb, long d) {
            Expr off = rb == null ? new Expr.Const(d) : d == 0 ? r(rb) : new Expr.Binary(Expr.BinOp.ADD, r(rb), new Expr.Const(d));
            return add(new Instr.Load(new Reg(rd), address(ra, off), w, false, false, pos()));
        }

        /** A store of {@code w} at {@code rA + rB + d} ({@code rB} null: D-form), as stb, sth, stbx, ... */
        public Thread store(Width w, String rs, String ra, String rb, long d) {
            Expr off = rb == null ? new Expr.Const(d) : d == 0 ? r(rb) : new Expr.Binary(Expr.BinOp.ADD, r(rb), new Expr.Const(d));
            return add(new Instr.Store(r(rs), address(ra, off), w, pos()));
        }

        public Thread lwzx(String rd, String ra, String rb) {
            return add(new Instr.Load(new Reg(rd), address(ra, r(rb)), Width.WORD, false, false, pos()));
        }

        public Thread lwarx(String rd, String ra, String rb) {
            return add(new Instr.Load(new Reg(rd), address(ra, r(rb)), Width.WORD, false, true, pos()));
        }

        public Thread stwcx(String rs, String ra, String rb) {
            return add(new Instr.StoreConditional(r(rs), address(ra, r(rb)), Width.WORD, Reg.CR0, pos()));
        }

        public Thread cmpw(String ra, String rb) {
            return add(new Instr.Assign(Reg.CR0, new Expr.Binary(Expr.BinOp.CMPW, r(ra), r(rb)), pos()));
        }

        public Thread cmpwi(String ra, long imm) {
            return add(new Instr.Assign(Reg.CR0, new Expr.Binary(Expr.BinOp.CMPW, r(ra), new Expr.Const(imm)), pos()));
        }

        public Thread beq(String label) {
            return add(new Instr.Branch(new Expr.Binary(Expr.BinOp.EQ, r("cr0"), new Expr.Const(0)), label, pos()));
        }

        public Thread bne(String label) {
            return add(new Instr.Branch(new Expr.Binary(Expr.BinOp.NE, r("cr0"), new Expr.Const(0)), label, pos()));
        }

        public Thread b(String label) {
            return add(Instr.Branch.always(label, pos()));
        }

        public Thread label(String label) {
            return add(new Instr.Label(label, pos()));
        }

        public Thread sync() {
            return add(new Instr.Fence(FenceKind.SYNC, pos()));
        }

        public Thread lwsync() {
            return add(new Instr.Fence(FenceKind.LWSYNC, pos()));
        }

        public Thread isync() {
            return add(new Instr.Fence(FenceKind.ISYNC, pos()));
        }

        public Thread eieio() {
            return add(new Instr.Fence(FenceKind.EIEIO, pos()));
        }
    }
}
