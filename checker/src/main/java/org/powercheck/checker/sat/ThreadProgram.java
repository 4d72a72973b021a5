package org.powercheck.checker.sat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Layout;
import org.powercheck.ir.Reg;
import org.powercheck.ir.ThreadCode;

/** A thread ready for execution: its unrolled DAG, numbered registers and compiled expressions. */
final class ThreadProgram {
    final ThreadCode code;
    final ThreadDag dag;
    final Map<Reg, Integer> regIndex = new HashMap<>();
    final Reg[] regs;
    final long[] initValues;
    /** per instruction index; null where the instruction has no such operand */
    final RegExpr[] address, value, cond;
    /** the register an instruction writes, or -1 */
    final int[] dst;

    ThreadProgram(ThreadCode code, Layout layout, org.powercheck.checker.CheckOptions options) {
        this.code = code;
        this.dag = ThreadDag.build(code, options);
        TreeSet<Reg> all = new TreeSet<>(code.registerInit().keySet());
        for (Instr in : code.code()) collect(in, all);
        regs = all.toArray(new Reg[0]);
        for (int i = 0; i < regs.length; i++) regIndex.put(regs[i], i);
        initValues = new long[regs.length];
        for (int i = 0; i < regs.length; i++) {
            Expr init = code.registerInit().get(regs[i]);
            initValues[i] = init == null ? 0 : layout.valueOf(init);
        }
        int len = code.code().size();
        address = new RegExpr[len];
        value = new RegExpr[len];
        cond = new RegExpr[len];
        dst = new int[len];
        for (int i = 0; i < len; i++) {
            Instr in = code.code().get(i);
            dst[i] = -1;
            switch (in) {
                case Instr.Load l -> {
                    address[i] = RegExpr.compile(l.address(), regIndex, layout);
                    dst[i] = regIndex.get(l.dst());
                }
                case Instr.Store s -> {
                    address[i] = RegExpr.compile(s.address(), regIndex, layout);
                    value[i] = RegExpr.compile(s.value(), regIndex, layout);
                }
                case Instr.StoreConditional s -> {
                    address[i] = RegExpr.compile(s.address(), regIndex, layout);
                    value[i] = RegExpr.compile(s.value(), regIndex, layout);
                    dst[i] = regIndex.get(s.status());
                }
                case Instr.Assign a -> {
                    value[i] = RegExpr.compile(a.value(), regIndex, layout);
                    dst[i] = regIndex.get(a.dst());
                }
                case Instr.Branch b -> cond[i] = RegExpr.compile(b.cond(), regIndex, layout);
                case Instr.Assume a -> cond[i] = RegExpr.compile(a.cond(), regIndex, layout);
                case Instr.Havoc h -> dst[i] = regIndex.get(h.dst());
                case Instr.Fence f -> { }
                case Instr.Marker m -> {
                    if (m.located()) address[i] = RegExpr.compile(m.address(), regIndex, layout);
                    if (m.data() != null) value[i] = RegExpr.compile(m.data(), regIndex, layout);
                }
                case Instr.Label l -> { }
            }
        }
    }

    int id() {
        return code.id();
    }

    /** The register's number, or -1 when this thread never mentions it. */
    int reg(Reg r) {
        Integer i = regIndex.get(r);
        return i == null ? -1 : i;
    }

    private static void collect(Instr in, TreeSet<Reg> out) {
        switch (in) {
            case Instr.Load l -> { out.add(l.dst()); out.addAll(l.address().registers()); }
            case Instr.Store s -> { out.addAll(s.value().registers()); out.addAll(s.address().registers()); }
            case Instr.StoreConditional s -> {
                out.add(s.status());
                out.addAll(s.value().registers());
                out.addAll(s.address().registers());
            }
            case Instr.Assign a -> { out.add(a.dst()); out.addAll(a.value().registers()); }
            case Instr.Branch b -> out.addAll(b.cond().registers());
            case Instr.Assume a -> out.addAll(a.cond().registers());
            case Instr.Havoc h -> out.add(h.dst());
            case Instr.Fence f -> { }
            case Instr.Marker m -> {
                if (m.located()) out.addAll(m.address().registers());
                if (m.data() != null) out.addAll(m.data().registers());
            }
            case Instr.Label l -> { }
        }
    }

    static List<ThreadProgram> of(List<ThreadCode> threads, Layout layout, org.powercheck.checker.CheckOptions options) {
        List<ThreadProgram> out = new ArrayList<>();
        for (ThreadCode t : threads) out.add(new ThreadProgram(t, layout, options));
        return out;
    }
}
