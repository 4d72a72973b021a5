package org.powercheck.frontend.kernel;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Instr;

/**
 * The memory locals of a thread that can live in registers: objects whose address is only ever
 * used, as a known constant, to load or store one of their cells. Their address never reaches a
 * register, a stored value, a comparison or an atomic, so no other thread and no computed address
 * can touch them, and a register per cell behaves the same (a value kept in a register also
 * keeps its dependencies, as a store and a load of the same thread would). Registers cost the
 * checker no events.
 */
final class PrivateObjects {
    private PrivateObjects() {}

    /** The objects (by name) among {@code thread}'s locals in {@code code} that need no memory. */
    static Set<String> registerizable(List<Instr> code, String thread, Memory memory) {
        Set<String> accessed = new HashSet<>();
        Set<String> escaped = new HashSet<>();
        for (Instr in : code) {
            switch (in) {
                case Instr.Load l -> access(l.address(), !l.reserve(), thread, memory, accessed, escaped);
                case Instr.Store s -> {
                    access(s.address(), true, thread, memory, accessed, escaped);
                    mentions(s.value(), thread, memory, escaped);
                }
                case Instr.StoreConditional s -> {
                    mentions(s.address(), thread, memory, escaped);
                    mentions(s.value(), thread, memory, escaped);
                }
                case Instr.Assign a -> mentions(a.value(), thread, memory, escaped);
                case Instr.Branch b -> mentions(b.cond(), thread, memory, escaped);
                case Instr.Assume a -> mentions(a.cond(), thread, memory, escaped);
                case Instr.Havoc h -> h.choices().forEach(c -> mentions(c, thread, memory, escaped));
                case Instr.Fence f -> { }
                case Instr.Marker m -> { }
                case Instr.Label l -> { }
            }
        }
        accessed.removeAll(escaped);
        return accessed;
    }

    private static void access(Expr address, boolean plain, String thread, Memory memory, Set<String> accessed,
                               Set<String> escaped) {
        if (plain && address instanceof Expr.Addr a) {
            String o = local(a.cell(), thread, memory);
            if (o != null) accessed.add(o);
        } else {
            mentions(address, thread, memory, escaped);
        }
    }

    private static void mentions(Expr e, String thread, Memory memory, Set<String> out) {
        switch (e) {
            case Expr.Addr a -> {
                String o = local(a.cell(), thread, memory);
                if (o != null) out.add(o);
            }
            case Expr.Unary u -> mentions(u.arg(), thread, memory, out);
            case Expr.Binary b -> {
                mentions(b.left(), thread, memory, out);
                mentions(b.right(), thread, memory, out);
            }
            case Expr.Select s -> {
                mentions(s.cond(), thread, memory, out);
                mentions(s.then(), thread, memory, out);
                mentions(s.otherwise(), thread, memory, out);
            }
            case Expr.Const c -> { }
            case Expr.RegRef r -> { }
        }
    }

    /** The local object of {@code thread} that {@code cell} belongs to, or null. */
    private static String local(String cell, String thread, Memory memory) {
        if (!memory.hasCell(cell)) return null;
        String owner = memory.ownerOf(cell).name();
        return owner.startsWith(thread + ".") ? owner : null;
    }
}
