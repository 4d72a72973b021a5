package org.powercheck.frontend.kernel;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Reg;
import org.powercheck.model.mapping.CodeSink;
import org.powercheck.model.mapping.InstrBuffer;

/**
 * The code of one thread under construction, with what is known about constant registers. A
 * register assigned a constant or a cell's address is known to hold it until it is assigned
 * again or control flow joins with a path that disagrees; reading it then gives the constant,
 * which carries no dependency, so nothing changes for the model but
 * addresses fold to cells ({@code per_cpu(ipi_message, cpu)} with {@code cpu} bound to 1 is
 * {@code ipi_message@1}) and branches on constants disappear. Labels that a later backward
 * branch may target forget everything.
 */
final class CodeBuffer implements CodeSink {
    private final InstrBuffer out = new InstrBuffer();
    /** null while the current point is unreachable (after an unconditional jump) */
    private Map<Reg, Expr> known = new HashMap<>();
    private final Map<String, Map<Reg, Expr>> atLabel = new HashMap<>();
    private final Set<String> placed = new HashSet<>();
    private final Set<String> loopHeads = new HashSet<>();
    /** The load that last wrote each register, while nothing else has written it. */
    private final Map<Reg, Instr.Load> loaded = new HashMap<>();

    @Override
    public void emit(Instr instr) {
        switch (instr) {
            case Instr.Branch b -> {
                if (b.cond() instanceof Expr.Const c) {
                    if (c.value() == 0) return;
                    if (!b.unconditional()) instr = Instr.Branch.always(b.target(), b.pos());
                }
                // an unreachable branch (after a jump) brings nothing to its target
                if (!placed.contains(b.target()) && known != null) {
                    atLabel.merge(b.target(), copy(known), CodeBuffer::meet);
                }
                if (((Instr.Branch) instr).unconditional()) known = null;
            }
            case Instr.Label l -> {
                placed.add(l.name());
                Map<Reg, Expr> incoming = atLabel.remove(l.name());
                if (loopHeads.contains(l.name()) || !l.name().startsWith("%")) {
                    known = new HashMap<>();
                } else {
                    known = meet(known, incoming);
                    if (known == null) known = new HashMap<>();
                }
            }
            case Instr.Assign a -> {
                set(a.dst(), a.value());
                loaded.remove(a.dst());
            }
            case Instr.Load l -> {
                forget(l.dst());
                loaded.put(l.dst(), l);
            }
            case Instr.StoreConditional s -> {
                forget(s.status());
                loaded.remove(s.status());
            }
            case Instr.Havoc h -> {
                forget(h.dst());
                loaded.remove(h.dst());
            }
            case Instr.Assume a -> {
                if (a.cond() instanceof Expr.Const c && c.value() != 0) return;
            }
            default -> { }
        }
        out.emit(instr);
    }

    /**
     * Whether {@code r} holds a value in the canonical form of {@code t} because the load that
     * last wrote it extended it so (the mappings load {@code READ_ONCE} signed, {@code lwarx}
     * unsigned).
     */
    boolean canonical(Reg r, KType t) {
        Instr.Load l = loaded.get(r);
        if (l == null || !(t instanceof KType.Scalar s) || s.bool()) return false;
        return l.width() == s.width() && (l.signed() == s.signed() || s.width() == org.powercheck.ir.Width.DOUBLE);
    }

    /** Marks a label that a backward branch may jump to: nothing is known there. */
    void loopHead(String label) {
        loopHeads.add(label);
    }

    /** The constant a register is known to hold here. */
    Optional<Expr> known(Reg r) {
        if (known == null) return Optional.empty();
        return Optional.ofNullable(known.get(r));
    }

    private void set(Reg dst, Expr value) {
        if (known == null) return;
        // the register's old value may be what other known values were copied from: nothing refers to registers here
        if (value instanceof Expr.Const || value instanceof Expr.Addr) {
            known.put(dst, value);
        } else {
            known.remove(dst);
        }
    }

    private void forget(Reg r) {
        if (known != null) known.remove(r);
    }

    private static Map<Reg, Expr> copy(Map<Reg, Expr> m) {
        return m == null ? null : new HashMap<>(m);
    }

    /** What holds on both of two joining paths; null stands for an unreachable path. */
    private static Map<Reg, Expr> meet(Map<Reg, Expr> a, Map<Reg, Expr> b) {
        if (a == null) return b == null ? null : new HashMap<>(b);
        if (b == null) return new HashMap<>(a);
        Map<Reg, Expr> out = new HashMap<>();
        a.forEach((r, v) -> {
            if (v.equals(b.get(r))) out.put(r, v);
        });
        return out;
    }

    @Override
    public Reg temp() {
        return out.temp();
    }

    @Override
    public String label() {
        return out.label();
    }

    @Override
    public String retryDeadEnd() {
        return out.retryDeadEnd();
    }

    String end() {
        return out.end();
    }

    InstrBuffer buffer() {
        return out;
    }
}
