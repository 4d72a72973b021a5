package org.powercheck.model.interrupts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.powercheck.ir.Expr;
import org.powercheck.ir.FenceKind;
import org.powercheck.ir.Instr;
import org.powercheck.ir.InterruptSource;
import org.powercheck.ir.Interrupts;
import org.powercheck.ir.Program;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.ThreadCode;
import org.powercheck.ir.Width;

/**
 * The interrupt semantics of power-model.md 3.3 as code: for every CPU with interrupt sources,
 * as many slots as it may take interrupts, each the dispatch over its sources of
 * <pre>
 *   IPI:   d = load.64 [ipi@cpu]      the delivery Ripi, which reads the trigger Wipi
 *          assume d != 0              an IPI handler runs only when a trigger reached it
 *          (ctrlisync entry: if d goto E; E: isync)
 *          handler body
 *   async: handler body
 * </pre>
 * Entry saves the interrupted registers and exit restores them, so a slot has registers of its
 * own; exit also clears the interrupted context's reservation ({@code stdcx.} in the v6.6
 * interrupt return path), which the engines apply. The engines place each slot and enforce
 * delivery: a trigger pending at the end of a CPU that ends interruptible must have been taken.
 */
public final class InterruptSlots {
    /** the slot's register that selects the source, when the CPU has several */
    public static final Reg SOURCE = new Reg("pc_irq_source");
    /** the slot's register that the delivery read writes: the engines find deliveries by it */
    public static final Reg DELIVERY = new Reg("pc_ipi_delivery");

    private InterruptSlots() {}

    /** Every slot of the program, CPU by CPU. */
    public static List<InterruptSlot> of(Program program, InterruptOptions options) {
        List<InterruptSlot> out = new ArrayList<>();
        List<ThreadCode> threads = program.threads();
        for (int cpu : program.interrupts().cpus()) {
            int host = -1;
            for (int t = 0; t < threads.size(); t++) if (threads.get(t).id() == cpu) host = t;
            List<InterruptSource> sources = program.interrupts().of(cpu);
            if (host < 0) throw new IllegalArgumentException("interrupt source for CPU " + cpu + " without its thread");
            int max = options.maxFor(program, cpu);
            List<String> names = sources.stream().map(InterruptSource::name).toList();
            LinkedHashSet<String> triggers = new LinkedHashSet<>();
            for (InterruptSource s : sources) s.trigger().ifPresent(triggers::add);
            for (int k = 0; k < max; k++) {
                ThreadCode code = slotCode(threads.get(host), k, sources, options.entryFor(program));
                out.add(new InterruptSlot(host, k, code, names, new ArrayList<>(triggers)));
            }
        }
        return out;
    }

    private static ThreadCode slotCode(ThreadCode host, int k, List<InterruptSource> sources,
                                       Interrupts.Entry entry) {
        List<Instr> code = new ArrayList<>();
        Map<Reg, Expr> init = new java.util.HashMap<>();
        for (InterruptSource src : sources) init.putAll(src.handler().registerInit());
        SourcePos at = sources.get(0).pos();
        String end = "pc_irq_end";
        if (sources.size() > 1) {
            List<Expr> choices = new ArrayList<>();
            for (int s = 0; s < sources.size(); s++) choices.add(new Expr.Const(s));
            code.add(new Instr.Havoc(SOURCE, choices, at));
        }
        for (int s = 0; s < sources.size(); s++) {
            InterruptSource src = sources.get(s);
            String next = "pc_irq_source" + (s + 1);
            if (sources.size() > 1 && s + 1 < sources.size()) {
                Expr other = new Expr.Binary(Expr.BinOp.NE, new Expr.RegRef(SOURCE), new Expr.Const(s));
                code.add(new Instr.Branch(other, next, src.pos()));
            }
            if (src.kind() == InterruptSource.Kind.IPI) {
                code.add(new Instr.Load(DELIVERY, new Expr.Addr(src.trigger().orElseThrow()), Width.DOUBLE, false,
                        false, src.pos()));
                code.add(new Instr.Assume(new Expr.Binary(Expr.BinOp.NE, new Expr.RegRef(DELIVERY),
                        new Expr.Const(0)), src.pos()));
                if (entry == Interrupts.Entry.CTRLISYNC) {
                    String sync = "pc_irq_entry" + s;
                    code.add(new Instr.Branch(new Expr.RegRef(DELIVERY), sync, src.pos()));
                    code.add(new Instr.Label(sync, src.pos()));
                    code.add(new Instr.Fence(FenceKind.ISYNC, src.pos()));
                }
            }
            String prefix = "pc_irq" + s + ".";
            for (Instr in : src.handler().code()) code.add(relabel(in, prefix));
            if (s + 1 < sources.size()) {
                code.add(Instr.Branch.always(end, src.pos()));
                code.add(new Instr.Label(next, src.pos()));
            }
        }
        code.add(new Instr.Label(end, at));
        String name = host.name() + ".irq" + k;
        return new ThreadCode(host.id(), name, init, code, at);
    }

    /** Labels of different sources live in one slot: each source's get a prefix. */
    private static Instr relabel(Instr in, String prefix) {
        return switch (in) {
            case Instr.Label l -> new Instr.Label(prefix + l.name(), l.pos());
            case Instr.Branch b -> new Instr.Branch(b.cond(), prefix + b.target(), b.pos());
            default -> in;
        };
    }
}
