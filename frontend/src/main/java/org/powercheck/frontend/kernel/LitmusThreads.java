package org.powercheck.frontend.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.powercheck.frontend.cparse.CExternal;
import org.powercheck.frontend.cparse.CFunction;
import org.powercheck.frontend.cparse.CParam;
import org.powercheck.ir.Expr;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Reg;
import org.powercheck.ir.Width;

/**
 * The threads of a herd C litmus test, read as a harness is: preprocessed with the standard
 * prelude (so a test means the same with or without {@code #include}ing it) and lowered as
 * kernel C, {@code int} being the kernel's {@code int}. What herd's C has that C does not is
 * stated here: a parameter {@code int *x} is the address of the shared location {@code x}, the
 * thread has one flat scope whose locals are registers named as written (herd's {@code 0:r1}),
 * and assigning to an undeclared name declares a local ({@link LoweringOptions#implicitLocals}).
 */
public final class LitmusThreads {
    /**
     * A lowered thread, the names of its locals (what {@code N:name} in the condition may use) and
     * how wide the location each parameter points to is ({@code int *x}: 32 bits, as in the kernel).
     */
    public record Lowered(List<Instr> code, Set<String> locals, Map<String, Width> locationWidths) {}

    private final LoweringUnit unit;
    private final List<CFunction> threads = new ArrayList<>();

    /**
     * @param code the test's text with everything but its threads blanked out (positions stay
     *             those of the file)
     */
    public LitmusThreads(String code, String file, KernelOptions options) {
        List<CExternal> items = KernelSource.parse(code, file, Optional.empty(), options, false);
        this.unit = Units.kernel(items, options, false);
        for (CExternal item : items) {
            // what the prelude and included files declare is there for the threads to use
            if (item.pos().file().equals(file)) {
                if (!(item instanceof CFunction f)) {
                    throw new InputException(item.pos(), "expected a thread like P" + threads.size() + "(int *x) { ... }");
                }
                threads.add(f);
            }
        }
    }

    /**
     * Reports the functions the threads called that have neither a body nor semantics, all in one
     * error (lowering went on past them): call it once every thread is lowered.
     */
    public void checkCalls() {
        unit.missing.throwIfAny();
    }

    /** The cells of the globals the threads use that included files declare. */
    public List<org.powercheck.ir.Cell> declaredCells() {
        return unit.memory.cells();
    }

    /** The reads have herd7's symbolic values: the threads are lowered for the LKMM. */
    public boolean symbolicReads() {
        return unit.mapping.isLkmm();
    }

    /** The functions the test defines, in order (the prelude's and included files' are left out). */
    public List<CFunction> threads() {
        return threads;
    }

    /**
     * @param id             the thread's number
     * @param initRegisters  the locals the init section gives values ({@code 0:r1 = x}); declared already
     */
    public Lowered lower(int id, CFunction f, List<String> initRegisters) {
        Frame top = Frame.litmusThread(f.name());
        Map<String, Width> widths = new HashMap<>();
        for (CParam p : f.params()) {
            String name = p.name().orElseThrow(() -> new InputException(p.pos(), "thread parameters need a name"));
            KType type = parameterType(p);
            top.bind(name, new Binding.SharedParam(new Expr.Addr(name), type));
            if (type instanceof KType.Pointer ptr) widths.put(name, ptr.target().firstScalar().width());
        }
        // an init-section register may hold an address: it is as wide as a pointer
        for (String r : initRegisters) top.bind(r, new Binding.Local(new Reg(r), unit.types.longType));
        List<Instr> code;
        try {
            code = new ThreadLowering(unit, f.name(), id, top).lower(f);
        } catch (InputException e) {
            throw unit.missing.along(e);
        }
        return new Lowered(code, Set.copyOf(top.registerNames()), widths);
    }

    /**
     * A parameter's type; herd's locations are untyped, so one that points to a struct nothing
     * defines ({@code struct srcu_struct *s}) points to an {@code int}, as herd reads it.
     */
    private KType parameterType(CParam p) {
        KType type = unit.resolver.resolve(p.type(), p.pos());
        if (type instanceof KType.Pointer ptr && ptr.target() instanceof KType.Struct s && !s.complete()) {
            return new KType.Pointer(unit.types.intType);
        }
        return type;
    }
}
