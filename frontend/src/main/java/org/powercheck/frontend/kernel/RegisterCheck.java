package org.powercheck.frontend.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.powercheck.frontend.asm.AsmRegisters;
import org.powercheck.frontend.cparse.CExternal;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Expr.BinOp;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Instr;
import org.powercheck.ir.OpaqueValues;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.ThreadCode;
import org.powercheck.ir.Width;

/**
 * The register-preservation property of power-model.md 4.3, {@code PC_CHECK_REGISTERS(cpu, SET)}:
 * every interrupt CPU {@code cpu} takes must leave the registers of {@code SET} as the
 * interrupted context had them. {@code SET} is {@code ASYNC} (every FPR/VSR/VR, FPSCR, VSCR,
 * VRSAVE: the checked set of an asynchronous interrupt), {@code SYSCALL} (the ABI's
 * non-volatile ones: f14-f31, v20-v31), or a list of names ({@code f0}, {@code vs0},
 * {@code v0}, {@code fpscr}, {@code FPRS}, {@code VRS}, {@code VSRS}).
 *
 * <p>Entry saves the GPRs, CR, LR, CTR and XER in {@code pt_regs} and exit restores them, so a
 * handler has those of its own (PM 3.3). The FP and vector registers are not saved: the handler
 * starts from the interrupted context's, each an {@link OpaqueValues opaque value} ({@code ?f0}),
 * and its exit must leave them so. The handler's code is instrumented: after the handler, the
 * first checked register (in {@link AsmRegisters#all} order) that differs from its opaque value is
 * stored to {@code pc_clobbered}, its value to {@code pc_clobbered_value} and the instruction that
 * last wrote it to {@code pc_clobbered_by}; the condition fails when {@code pc_clobbered} is set,
 * unless the harness names {@code pc_clobbered} in its condition or {@code locations} (then it
 * says itself what counts). {@code __pc_interrupted_register("f0")} reads the interrupted
 * context's value of a register in the handler, for properties on memory (scenario S8).
 */
final class RegisterCheck {
    static final String CHECK = "PC_CHECK_REGISTERS";
    static final String CLOBBERED = "pc_clobbered";
    static final String VALUE = "pc_clobbered_value";
    static final String WRITER = "pc_clobbered_by";
    private static final Pattern VSR = Pattern.compile("vs(\\d+)");
    private static final Pattern VR = Pattern.compile("v(\\d+)");
    private static final Pattern FPR = Pattern.compile("fr?(\\d+)");

    record Declared(int cpu, List<Reg> registers, String set, SourcePos pos) {}

    final Optional<Declared> declared;
    private final Map<Long, org.powercheck.ir.ValueName> valueNames = new HashMap<>();
    private int writers;

    RegisterCheck(List<CExternal> items, int threads) {
        Declared found = null;
        for (CExternal item : items) {
            if (!(item instanceof CExternal.MacroDeclaration m) || !m.macro().name().equals(CHECK)) continue;
            List<String> args = m.macro().args();
            if (args.size() < 2) {
                throw new InputException(m.pos(), CHECK + " takes a CPU and the registers, as in " + CHECK + "(0, ASYNC)");
            }
            if (found != null) throw new InputException(m.pos(), "a harness has one " + CHECK);
            int cpu;
            try {
                cpu = Integer.parseInt(args.get(0).strip());
            } catch (NumberFormatException e) {
                throw new InputException(m.pos(), CHECK + ": '" + args.get(0).strip() + "' is not a CPU number");
            }
            if (cpu < 0 || cpu >= threads) throw new InputException(m.pos(), CHECK + ": there is no CPU " + cpu);
            LinkedHashSet<Reg> regs = new LinkedHashSet<>();
            List<String> names = new ArrayList<>();
            for (String a : args.subList(1, args.size())) {
                String name = a.strip();
                names.add(name);
                regs.addAll(set(name, m.pos()));
            }
            List<Reg> ordered = new ArrayList<>();
            for (Reg r : AsmRegisters.all()) if (regs.contains(r)) ordered.add(r);
            found = new Declared(cpu, ordered, String.join(" ", names), m.pos());
        }
        declared = Optional.ofNullable(found);
        valueNames.put(AsmRegisters.UNDEFINED, new org.powercheck.ir.ValueName("?undefined", "an undefined value"));
    }

    private static List<Reg> set(String name, SourcePos pos) {
        List<Reg> out = new ArrayList<>();
        switch (name) {
            case "ASYNC" -> out.addAll(AsmRegisters.all());
            case "SYSCALL" -> {
                for (int n = 14; n < 32; n++) out.add(AsmRegisters.vsr(n, 0));
                for (int n = 52; n < 64; n++) {
                    out.add(AsmRegisters.vsr(n, 0));
                    out.add(AsmRegisters.vsr(n, 1));
                }
            }
            case "FPRS" -> {
                for (int n = 0; n < 32; n++) out.add(AsmRegisters.vsr(n, 0));
            }
            case "VSRS" -> {
                for (int n = 0; n < 64; n++) {
                    out.add(AsmRegisters.vsr(n, 0));
                    out.add(AsmRegisters.vsr(n, 1));
                }
            }
            case "VRS" -> {
                for (int n = 32; n < 64; n++) {
                    out.add(AsmRegisters.vsr(n, 0));
                    out.add(AsmRegisters.vsr(n, 1));
                }
            }
            case "fpscr" -> out.add(AsmRegisters.FPSCR);
            case "vscr" -> out.add(AsmRegisters.VSCR);
            case "vrsave" -> out.add(AsmRegisters.VRSAVE);
            default -> {
                Matcher vs = VSR.matcher(name), v = VR.matcher(name), f = FPR.matcher(name);
                if (vs.matches() && Integer.parseInt(vs.group(1)) < 64) {
                    int n = Integer.parseInt(vs.group(1));
                    out.add(AsmRegisters.vsr(n, 0));
                    out.add(AsmRegisters.vsr(n, 1));
                } else if (v.matches() && Integer.parseInt(v.group(1)) < 32) {
                    int n = 32 + Integer.parseInt(v.group(1));
                    out.add(AsmRegisters.vsr(n, 0));
                    out.add(AsmRegisters.vsr(n, 1));
                } else if (f.matches() && Integer.parseInt(f.group(1)) < 32) {
                    out.add(AsmRegisters.vsr(Integer.parseInt(f.group(1)), 0));
                } else {
                    throw new InputException(pos, CHECK + ": unknown register or set '" + name
                            + "' (ASYNC, SYSCALL, FPRS, VRS, VSRS, fN, vsN, vN, fpscr, vscr, vrsave)");
                }
            }
        }
        return out;
    }

    boolean checks(int cpu) {
        return declared.isPresent() && declared.get().cpu() == cpu;
    }

    Map<Long, org.powercheck.ir.ValueName> valueNames() {
        return valueNames;
    }

    /** The handler with the interrupted context's registers as opaque values, and the check at its end. */
    ThreadCode instrument(ThreadCode handler, LoweringUnit unit) {
        Declared d = declared.orElseThrow();
        Set<Reg> file = new LinkedHashSet<>(AsmRegisters.all());
        Set<Reg> mentioned = new LinkedHashSet<>(), written = new LinkedHashSet<>();
        Set<Reg> entries = new LinkedHashSet<>();
        for (Instr in : handler.code()) {
            reads(in).forEach(r -> {
                if (file.contains(r)) mentioned.add(r);
                if (r.name().startsWith(ENTRY)) {
                    entries.add(r);
                    mentioned.add(new Reg(r.name().substring(ENTRY.length())));
                }
            });
            written(in).filter(file::contains).ifPresent(r -> {
                mentioned.add(r);
                written.add(r);
            });
        }
        Map<Reg, Expr> init = new HashMap<>(handler.registerInit());
        Map<Reg, Long> entry = new HashMap<>();
        List<Reg> all = AsmRegisters.all();
        for (Reg r : mentioned) {
            long token = OpaqueValues.value(1 + all.indexOf(r));
            entry.put(r, token);
            valueNames.put(token, new org.powercheck.ir.ValueName("?" + r.name(),
                    "the interrupted context's " + AsmRegisters.describe(r)));
            init.put(r, new Expr.Const(token));
        }
        for (Reg r : entries) init.put(r, new Expr.Const(entry.get(new Reg(r.name().substring(ENTRY.length())))));
        List<Reg> checked = d.registers().stream().filter(written::contains).toList();
        List<Instr> code = new ArrayList<>();
        for (Instr in : handler.code()) {
            code.add(in);
            Optional<Reg> w = written(in);
            if (w.isPresent() && checked.contains(w.get())) {
                long id = OpaqueValues.value(0x8000 + writers++);
                String text = SourceLines.text(in.pos());
                valueNames.put(id, new org.powercheck.ir.ValueName(
                        in.pos().file().replaceAll(".*/", "") + ":" + in.pos().line(),
                        in.pos() + (text.isEmpty() ? "" : " (" + text + ")")));
                code.add(new Instr.Assign(lastWriter(w.get()), new Expr.Const(id), in.pos()));
            }
        }
        SourcePos at = d.pos();
        Reg which = new Reg("pc_check.clobbered"), value = new Reg("pc_check.value"), by = new Reg("pc_check.by");
        code.add(new Instr.Assign(which, new Expr.Const(0), at));
        code.add(new Instr.Assign(value, new Expr.Const(0), at));
        code.add(new Instr.Assign(by, new Expr.Const(0), at));
        // last to first, so that the first changed register in report order is the one stored
        for (int i = checked.size() - 1; i >= 0; i--) {
            Reg r = checked.get(i);
            Expr changed = new Expr.Binary(BinOp.NE, new Expr.RegRef(r), new Expr.Const(entry.get(r)));
            code.add(new Instr.Assign(which, new Expr.Select(changed, new Expr.Const(entry.get(r)), new Expr.RegRef(which)), at));
            code.add(new Instr.Assign(value, new Expr.Select(changed, new Expr.RegRef(r), new Expr.RegRef(value)), at));
            code.add(new Instr.Assign(by, new Expr.Select(changed, new Expr.RegRef(lastWriter(r)), new Expr.RegRef(by)), at));
        }
        if (!checked.isEmpty()) {
            String done = "pc_check.done";
            code.add(new Instr.Branch(new Expr.Binary(BinOp.EQ, new Expr.RegRef(which), new Expr.Const(0)), done, at));
            code.add(new Instr.Store(new Expr.RegRef(which), cell(unit, CLOBBERED, at), Width.DOUBLE, at));
            code.add(new Instr.Store(new Expr.RegRef(value), cell(unit, VALUE, at), Width.DOUBLE, at));
            code.add(new Instr.Store(new Expr.RegRef(by), cell(unit, WRITER, at), Width.DOUBLE, at));
            code.add(new Instr.Label(done, at));
        }
        return new ThreadCode(handler.id(), handler.name(), init, code, handler.pos());
    }

    /** The result cells, allocated with the program's memory. */
    static Expr cell(LoweringUnit unit, String name, SourcePos pos) {
        Memory.MemObject o = unit.memory.object(name)
                .orElseGet(() -> unit.memory.allocate(name, name, unit.types.unsignedLong, pos));
        return unit.memory.address(o, 0);
    }

    private static final String ENTRY = "pc_entry.";

    /**
     * The register {@code __pc_interrupted_register("f0")} reads: the value {@code f0} had when
     * the context was interrupted ({@code f0}, {@code vs0.1}, {@code v0.0}, {@code fpscr}, ...).
     */
    static Reg entryRegister(String name, SourcePos pos) {
        for (Reg r : AsmRegisters.all()) if (r.name().equals(name)) return new Reg(ENTRY + name);
        throw new InputException(pos, "no register '" + name + "' (f0-f31, vs0.1-vs31.1, v0.0-v31.1, fpscr, vscr, vrsave)");
    }

    private static Reg lastWriter(Reg r) {
        return new Reg("pc_check.writer." + r.name());
    }

    private static Optional<Reg> written(Instr in) {
        return switch (in) {
            case Instr.Assign a -> Optional.of(a.dst());
            case Instr.Load l -> Optional.of(l.dst());
            case Instr.Havoc h -> Optional.of(h.dst());
            case Instr.StoreConditional s -> Optional.of(s.status());
            default -> Optional.empty();
        };
    }

    private static Set<Reg> reads(Instr in) {
        Set<Reg> out = new LinkedHashSet<>();
        switch (in) {
            case Instr.Assign a -> out.addAll(a.value().registers());
            case Instr.Load l -> out.addAll(l.address().registers());
            case Instr.Store s -> {
                out.addAll(s.value().registers());
                out.addAll(s.address().registers());
            }
            case Instr.StoreConditional s -> {
                out.addAll(s.value().registers());
                out.addAll(s.address().registers());
            }
            case Instr.Branch b -> out.addAll(b.cond().registers());
            case Instr.Assume a -> out.addAll(a.cond().registers());
            default -> { }
        }
        return out;
    }
}
