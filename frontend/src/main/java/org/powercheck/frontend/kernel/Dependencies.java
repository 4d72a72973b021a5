package org.powercheck.frontend.kernel;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.ThreadCode;

/**
 * The dependencies of each memory access of a thread, as the IR's semantics define them
 * (register-syntactic, herd's): the loads its address (addr) and stored value (data) are
 * computed from, and the loads some earlier conditional branch tested (ctrl). Found by a
 * fixpoint over the thread's control flow, for showing the lowered code.
 */
public final class Dependencies {
    private Dependencies() {}

    /** Per instruction: {@code addr: 12:3, data: 14:9, ctrl: 13:2} (the loads, by position), or "". */
    public static List<String> describe(ThreadCode thread) {
        List<Instr> code = thread.code();
        int n = code.size();
        Map<String, Integer> labels = new HashMap<>();
        for (int i = 0; i < n; i++) if (code.get(i) instanceof Instr.Label l) labels.put(l.name(), i);
        State[] in = new State[n + 1];
        in[0] = new State();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < n; i++) {
                if (in[i] == null) continue;
                State out = in[i].copy();
                Instr instr = code.get(i);
                switch (instr) {
                    case Instr.Load l -> {
                        BitSet self = new BitSet();
                        self.set(i);
                        out.regs.put(l.dst(), self);
                    }
                    case Instr.Assign a -> out.regs.put(a.dst(), out.deps(a.value()));
                    case Instr.StoreConditional s -> {
                        BitSet d = out.deps(s.value());
                        d.or(out.deps(s.address()));
                        out.regs.put(s.status(), d);
                    }
                    case Instr.Havoc h -> out.regs.put(h.dst(), new BitSet());
                    case Instr.Branch b -> {
                        if (!b.unconditional()) out.ctrl.or(out.deps(b.cond()));
                        changed |= join(in, labels.get(b.target()), out);
                        if (b.unconditional()) continue;
                    }
                    default -> { }
                }
                changed |= join(in, i + 1, out);
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(in[i] == null ? "" : describe(code, code.get(i), in[i]));
        return out;
    }

    private static String describe(List<Instr> code, Instr instr, State s) {
        List<String> parts = new ArrayList<>();
        switch (instr) {
            case Instr.Load l -> add(parts, "addr", s.deps(l.address()), code);
            case Instr.Store st -> {
                add(parts, "addr", s.deps(st.address()), code);
                add(parts, "data", s.deps(st.value()), code);
            }
            case Instr.StoreConditional st -> {
                add(parts, "addr", s.deps(st.address()), code);
                add(parts, "data", s.deps(st.value()), code);
            }
            default -> {
                return "";
            }
        }
        add(parts, "ctrl", s.ctrl, code);
        return String.join(", ", parts);
    }

    private static void add(List<String> parts, String kind, BitSet loads, List<Instr> code) {
        if (loads.isEmpty()) return;
        TreeSet<String> at = new TreeSet<>();
        for (int i = loads.nextSetBit(0); i >= 0; i = loads.nextSetBit(i + 1)) {
            SourcePos p = code.get(i).pos();
            at.add(p.line() + ":" + p.column());
        }
        parts.add(kind + ": " + String.join(" ", at));
    }

    private static boolean join(State[] in, Integer at, State s) {
        if (at == null) return false;
        if (in[at] == null) {
            in[at] = s.copy();
            return true;
        }
        return in[at].absorb(s);
    }

    /** The loads each register's value and the current control depend on. */
    private static final class State {
        final Map<Reg, BitSet> regs = new HashMap<>();
        final BitSet ctrl = new BitSet();

        State copy() {
            State s = new State();
            regs.forEach((r, b) -> s.regs.put(r, (BitSet) b.clone()));
            s.ctrl.or(ctrl);
            return s;
        }

        BitSet deps(Expr e) {
            BitSet out = new BitSet();
            for (Reg r : e.registers()) {
                BitSet b = regs.get(r);
                if (b != null) out.or(b);
            }
            return out;
        }

        boolean absorb(State o) {
            boolean changed = false;
            for (var e : o.regs.entrySet()) {
                BitSet mine = regs.computeIfAbsent(e.getKey(), k -> new BitSet());
                int before = mine.cardinality();
                mine.or(e.getValue());
                changed |= mine.cardinality() != before;
            }
            int before = ctrl.cardinality();
            ctrl.or(o.ctrl);
            return changed || ctrl.cardinality() != before;
        }
    }
}
