package org.powercheck.checker;

import java.util.HashSet;
import java.util.Set;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Reg;
import org.powercheck.ir.ThreadCode;

/**
 * The registers of a thread that a loaded value may reach, through loads, assignments and
 * havoc choices, flow-insensitively (an over-approximation). A store whose value uses none of
 * them stores the same values whatever the memory holds.
 */
public final class LoadedRegisters {
    private final Set<Reg> loaded = new HashSet<>();

    private LoadedRegisters() {}

    public static LoadedRegisters of(ThreadCode t) {
        LoadedRegisters out = new LoadedRegisters();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Instr in : t.code()) {
                switch (in) {
                    case Instr.Load l -> grew |= out.loaded.add(l.dst());
                    case Instr.Assign a -> {
                        if (out.uses(a.value())) grew |= out.loaded.add(a.dst());
                    }
                    case Instr.Havoc h -> {
                        for (Expr choice : h.choices()) if (out.uses(choice)) grew |= out.loaded.add(h.dst());
                    }
                    default -> { }
                }
            }
        }
        return out;
    }

    /** Whether the expression reads a register a loaded value may reach. */
    public boolean uses(Expr e) {
        for (Reg r : e.registers()) if (loaded.contains(r)) return true;
        return false;
    }

    /** Whether the instruction is a store (conditional or not) whose value may be a loaded value's function. */
    public boolean storesLoadedValue(Instr in) {
        return switch (in) {
            case Instr.Store s -> uses(s.value());
            case Instr.StoreConditional s -> uses(s.value());
            default -> false;
        };
    }
}
