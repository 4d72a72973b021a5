package org.powercheck.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.powercheck.ir.Cell;
import org.powercheck.ir.Condition;
import org.powercheck.ir.Expr;
import org.powercheck.ir.FenceKind;
import org.powercheck.ir.Instr;
import org.powercheck.ir.InterruptSource;
import org.powercheck.ir.Interrupts;
import org.powercheck.ir.Program;
import org.powercheck.ir.Prop;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.StateKey;
import org.powercheck.ir.ThreadCode;
import org.powercheck.ir.Width;
import org.powercheck.model.interrupts.InterruptOptions;

/**
 * Small random programs in which CPU1 takes interrupts: P0 writes and reads shared cells with
 * fences between and sends IPIs to CPU1 (stores to its trigger cell); P1, the interrupted
 * thread, accesses the cells, masks and unmasks interrupts (soft mask and hard disable),
 * branches and does load-reserve/store-conditional pairs; CPU1's handlers (an IPI one, and
 * sometimes an asynchronous one) read cells into cells of their own, write, fence and clear the
 * doorbell ({@code msgclr}: a store of 0 to the trigger). The options vary too: 1 or 2
 * interrupts, enabled points or anywhere, plain or ctrlisync entry. Every cell's final value is
 * observed, so the states tell apart where the handlers ran and what they read.
 */
final class RandomInterruptPrograms {
    private static final String[] SHARED = {"x", "y"};
    static final String TRIGGER = "ipi@1";

    record Generated(Program program, InterruptOptions options, long seed) {
        @Override public String toString() {
            StringBuilder sb = new StringBuilder("seed " + seed + ", " + options + "\n");
            for (ThreadCode t : program.threads()) sb.append(t.name()).append(": ").append(t.code()).append('\n');
            for (InterruptSource s : program.interrupts().sources()) {
                sb.append(s.name()).append(" (").append(s.kind()).append("): ").append(s.handler().code()).append('\n');
            }
            return sb.toString();
        }
    }

    private final Random random;
    private final List<Cell> cells = new ArrayList<>();
    private int nextValue = 1;
    private int label;

    private RandomInterruptPrograms(long seed) {
        this.random = new Random(seed);
    }

    static Generated generate(long seed) {
        return new RandomInterruptPrograms(seed).program(seed);
    }

    private static final SourcePos AT = new SourcePos("random", 1, 1);

    private Generated program(long seed) {
        for (String c : SHARED) cell(c);
        cell(TRIGGER);
        List<Instr> sender = new ArrayList<>();
        int sends = 0;
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            if (random.nextInt(3) == 0 && sends < 2) {
                sender.add(new Instr.Store(new Expr.Const(1), new Expr.Addr(TRIGGER), Width.DOUBLE, AT));
                sends++;
            } else {
                sender.add(access(0, i));
            }
            if (random.nextBoolean()) sender.add(fence());
        }
        if (sends == 0 && random.nextInt(4) != 0) sender.add(new Instr.Store(new Expr.Const(1), new Expr.Addr(TRIGGER), Width.DOUBLE, AT));
        List<Instr> host = hostCode();
        List<InterruptSource> sources = new ArrayList<>();
        sources.add(new InterruptSource("ipi_handler", 1, InterruptSource.Kind.IPI, Optional.of(TRIGGER),
                new ThreadCode(1, "P1_irq_ipi", Map.of(), handler("h"), AT), AT));
        if (random.nextInt(4) == 0) {
            sources.add(new InterruptSource("timer", 1, InterruptSource.Kind.ASYNC, Optional.empty(),
                    new ThreadCode(1, "P1_irq_timer", Map.of(), handler("t"), AT), AT));
        }
        List<ThreadCode> threads = List.of(new ThreadCode(0, "P0", Map.of(), sender, AT),
                new ThreadCode(1, "P1", Map.of(), host, AT));
        List<StateKey> keys = new ArrayList<>();
        for (Cell c : cells) keys.add(new StateKey.MemKey(c.name()));
        for (int t = 0; t < 2; t++) {
            for (Instr in : threads.get(t).code()) {
                if (in instanceof Instr.Load l) keys.add(new StateKey.RegKey(t, l.dst()));
                if (in instanceof Instr.StoreConditional s) keys.add(new StateKey.RegKey(t, s.status()));
            }
        }
        Program p = new Program("irq-" + seed, Program.Arch.PPC, "random", cells, threads,
                new Condition(Condition.Quantifier.EXISTS, new Prop.True(), AT), keys.stream().distinct().toList(),
                Optional.empty(), Map.of(), new Interrupts(sources, Map.of()));
        InterruptOptions options = new InterruptOptions(1 + random.nextInt(2),
                random.nextInt(3) == 0 ? Interrupts.Entry.CTRLISYNC : Interrupts.Entry.PLAIN,
                random.nextInt(3) == 0 ? Interrupts.Points.ANYWHERE : Interrupts.Points.ENABLED);
        return new Generated(p, options, seed);
    }

    private void cell(String name) {
        cells.add(new Cell(name, new Expr.Const(0), Width.DOUBLE, AT));
    }

    private List<Instr> hostCode() {
        List<Instr> code = new ArrayList<>();
        for (int i = 0, n = random.nextInt(5); i < n; i++) {
            switch (random.nextInt(8)) {
                case 0 -> code.add(new Instr.Assign(Reg.IRQ_SOFT_MASK, new Expr.Const(random.nextInt(2)), AT));
                case 1 -> code.add(new Instr.Assign(Reg.IRQ_HARD_DISABLED, new Expr.Const(random.nextInt(2)), AT));
                case 2 -> code.add(fence());
                case 3 -> {
                    // lwarx/stwcx. of a shared cell, as an atomic increment would
                    String c = SHARED[random.nextInt(SHARED.length)];
                    Reg r = new Reg("a" + i), st = new Reg("s" + i);
                    code.add(new Instr.Load(r, new Expr.Addr(c), Width.DOUBLE, false, true, AT));
                    if (random.nextBoolean()) code.add(new Instr.Assign(Reg.IRQ_SOFT_MASK, new Expr.Const(0), AT));
                    code.add(new Instr.StoreConditional(new Expr.Const(nextValue++), new Expr.Addr(c), Width.DOUBLE, st, AT));
                }
                case 4 -> {
                    // a branch on a loaded value over the next access
                    Reg r = new Reg("b" + i);
                    String skip = "L" + label++;
                    code.add(new Instr.Load(r, new Expr.Addr(SHARED[random.nextInt(SHARED.length)]), Width.DOUBLE, false,
                            false, AT));
                    code.add(new Instr.Branch(new Expr.RegRef(r), skip, AT));
                    code.add(access(1, 10 + i));
                    code.add(new Instr.Label(skip, AT));
                }
                default -> code.add(access(1, i));
            }
        }
        return code;
    }

    /** A handler: reads into cells of its own, writes, fences; an IPI one may clear the doorbell. */
    private List<Instr> handler(String prefix) {
        List<Instr> code = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            switch (random.nextInt(5)) {
                case 0 -> code.add(fence());
                case 1 -> {
                    if (prefix.equals("h") && random.nextBoolean()) {
                        code.add(new Instr.Store(new Expr.Const(0), new Expr.Addr(TRIGGER), Width.DOUBLE, AT));
                    } else {
                        code.add(store(SHARED[random.nextInt(SHARED.length)]));
                    }
                }
                default -> {
                    String seen = prefix + cells.size();
                    cell(seen);
                    Reg r = new Reg("r" + i);
                    code.add(new Instr.Load(r, new Expr.Addr(SHARED[random.nextInt(SHARED.length)]), Width.DOUBLE,
                            false, false, AT));
                    code.add(new Instr.Store(new Expr.RegRef(r), new Expr.Addr(seen), Width.DOUBLE, AT));
                }
            }
        }
        return code;
    }

    private Instr access(int thread, int i) {
        String c = SHARED[random.nextInt(SHARED.length)];
        if (random.nextBoolean()) return store(c);
        return new Instr.Load(new Reg("r" + i), new Expr.Addr(c), Width.DOUBLE, false, false, AT);
    }

    private Instr store(String c) {
        return new Instr.Store(new Expr.Const(nextValue++), new Expr.Addr(c), Width.DOUBLE, AT);
    }

    private Instr fence() {
        FenceKind[] kinds = {FenceKind.SYNC, FenceKind.LWSYNC, FenceKind.ISYNC};
        return new Instr.Fence(kinds[random.nextInt(kinds.length)], AT);
    }
}
