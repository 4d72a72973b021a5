package org.powercheck.frontend.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.powercheck.frontend.cparse.CExpr;
import org.powercheck.frontend.cparse.CExternal;
import org.powercheck.frontend.cparse.CFunction;
import org.powercheck.frontend.cparse.CStmt;
import org.powercheck.ir.InputException;
import org.powercheck.ir.InterruptSource;
import org.powercheck.ir.SourcePos;

/**
 * The interrupt declarations of a harness, written among its C declarations:
 * <pre>
 *   PC_INTERRUPT(1, IPI, doorbell_exception);   CPU1 takes doorbell_exception for each IPI sent to it
 *   PC_INTERRUPT(1, ASYNC, timer_interrupt);    CPU1 may take timer_interrupt at any enabled point
 *   PC_MAX_INTERRUPTS(1, 2);                    CPU1 takes at most 2 interrupts (default 1)
 *   PC_IPI_ENTRY(CTRLISYNC);                    as --ipi-entry=ctrlisync (default PLAIN)
 *   PC_INTERRUPT_POINTS(ANYWHERE);              as --interrupt-points=anywhere (default ENABLED)
 * </pre>
 * The command line's options override the last three.
 * A handler is a function of the harness or its models; it is called with 0 (NULL) for each
 * parameter, as {@code doorbell_exception(struct pt_regs *)} may be.
 */
final class InterruptDeclarations {
    static final String INTERRUPT = "PC_INTERRUPT";
    static final String MAX = "PC_MAX_INTERRUPTS";
    static final String ENTRY = "PC_IPI_ENTRY";
    static final String POINTS = "PC_INTERRUPT_POINTS";

    /** One {@code PC_INTERRUPT}: the handler is called from a function of its own, {@code call}. */
    record Declared(int cpu, InterruptSource.Kind kind, String handler, CFunction call, SourcePos pos) { }

    final List<Declared> sources = new ArrayList<>();
    final Map<Integer, Integer> maxPerCpu = new HashMap<>();
    java.util.Optional<org.powercheck.ir.Interrupts.Entry> entry = java.util.Optional.empty();
    java.util.Optional<org.powercheck.ir.Interrupts.Points> points = java.util.Optional.empty();

    InterruptDeclarations(List<CExternal> items, LoweringUnit unit, int threads) {
        for (CExternal item : items) {
            if (!(item instanceof CExternal.MacroDeclaration m)) continue;
            String name = m.macro().name();
            List<String> args = m.macro().args();
            SourcePos pos = m.pos();
            if (name.equals(INTERRUPT)) {
                if (args.size() != 3) {
                    throw new InputException(pos, INTERRUPT + " takes a CPU, IPI or ASYNC, and the handler's name, as in "
                            + INTERRUPT + "(1, IPI, doorbell_exception)");
                }
                int cpu = cpu(args.get(0), threads, pos);
                InterruptSource.Kind kind = switch (args.get(1).trim()) {
                    case "IPI" -> InterruptSource.Kind.IPI;
                    case "ASYNC" -> InterruptSource.Kind.ASYNC;
                    default -> throw new InputException(pos, "an interrupt source is IPI or ASYNC, not '"
                            + args.get(1).trim() + "'");
                };
                String handler = args.get(2).trim();
                if (!handler.matches("[A-Za-z_][A-Za-z_0-9]*")) {
                    throw new InputException(pos, "an interrupt source names its handler function, not '" + handler + "'");
                }
                var fn = unit.decls.function(handler)
                        .orElseThrow(() -> new InputException(pos, "no function '" + handler + "' to handle the interrupt"));
                if (fn.body().isEmpty()) {
                    throw new InputException(pos, "the handler '" + handler + "' has no body");
                }
                for (Declared d : sources) {
                    if (d.cpu() == cpu && d.handler().equals(handler)) {
                        throw new InputException(pos, "CPU " + cpu + " already takes '" + handler + "'");
                    }
                }
                sources.add(new Declared(cpu, kind, handler, caller(cpu, handler, fn.type().params().size(), pos), pos));
            } else if (name.equals(MAX)) {
                if (args.size() != 2) throw new InputException(pos, MAX + " takes a CPU and a count, as in " + MAX + "(1, 2)");
                int cpu = cpu(args.get(0), threads, pos);
                int n = number(args.get(1), pos);
                if (n < 1) throw new InputException(pos, MAX + " needs a count of at least 1");
                maxPerCpu.put(cpu, n);
            } else if (name.equals(ENTRY)) {
                entry = java.util.Optional.of(setting(org.powercheck.ir.Interrupts.Entry.class, ENTRY, args, pos));
            } else if (name.equals(POINTS)) {
                points = java.util.Optional.of(setting(org.powercheck.ir.Interrupts.Points.class, POINTS, args, pos));
            }
        }
        for (int cpu : maxPerCpu.keySet()) {
            if (sources.stream().noneMatch(d -> d.cpu() == cpu)) {
                throw new InputException(items.stream().filter(i -> i instanceof CExternal.MacroDeclaration m
                        && m.macro().name().equals(MAX)).findFirst().orElseThrow().pos(),
                        MAX + " for CPU " + cpu + ", which has no " + INTERRUPT);
            }
        }
    }

    private static <E extends Enum<E>> E setting(Class<E> kind, String macro, List<String> args, SourcePos pos) {
        List<String> names = java.util.Arrays.stream(kind.getEnumConstants()).map(Enum::name).toList();
        if (args.size() != 1 || !names.contains(args.get(0).trim())) {
            throw new InputException(pos, macro + " takes one of " + String.join(", ", names));
        }
        return Enum.valueOf(kind, args.get(0).trim());
    }

    private static int cpu(String text, int threads, SourcePos pos) {
        int cpu = number(text, pos);
        if (cpu < 0 || cpu >= threads) {
            throw new InputException(pos, "no CPU " + cpu + " to interrupt: the harness has P0 to P" + (threads - 1));
        }
        return cpu;
    }

    private static int number(String text, SourcePos pos) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new InputException(pos, "expected a number but found '" + text.trim() + "'");
        }
    }

    /** {@code void Pn_irq_handler(void) { handler(0, ...); }}: what the interrupted CPU runs. */
    private static CFunction caller(int cpu, String handler, int params, SourcePos pos) {
        List<CExpr> args = new ArrayList<>();
        for (int i = 0; i < params; i++) args.add(new CExpr.IntLit(0, "0", pos));
        CStmt call = new CStmt.ExprStmt(new CExpr.Call(new CExpr.Ident(handler, pos), args, pos), pos);
        return new CFunction(List.of(), java.util.Optional.empty(), "P" + cpu + "_irq_" + handler, List.of(), false,
                new CStmt.Block(List.of(call), pos), pos);
    }
}
