package org.powercheck.frontend.kernel;

import java.util.List;
import java.util.Set;
import org.powercheck.frontend.cparse.CFunction;
import org.powercheck.frontend.cparse.CParam;
import org.powercheck.ir.Expr;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Reg;
import org.powercheck.model.mapping.KernelMapping;

/**
 * The threads of a herd C litmus test, lowered by the same code as kernel C in the litmus
 * dialect: every value is a 64-bit integer, a parameter {@code int *x} is the address of the
 * shared location {@code x}, locals are registers named as written (herd's {@code 0:r1}), and
 * assigning to an undeclared name declares a local.
 */
public final class LitmusThreads {
    /** A lowered thread and the names of its locals (what {@code N:name} in the condition may use). */
    public record Lowered(List<Instr> code, Set<String> locals) {}

    private final LoweringUnit unit;

    public LitmusThreads(KernelMapping mapping) {
        this.unit = new LoweringUnit(Dialect.LITMUS, mapping, LoweringOptions.litmus(), p -> false);
    }

    /**
     * @param id             the thread's number
     * @param initRegisters  the locals the init section gives values ({@code 0:r1 = x}); declared already
     */
    public Lowered lower(int id, CFunction f, List<String> initRegisters) {
        Frame top = Frame.litmusThread(f.name());
        for (CParam p : f.params()) {
            String name = p.name().orElseThrow(() -> new InputException(p.pos(), "thread parameters need a name"));
            top.bind(name, new Binding.SharedParam(new Expr.Addr(name), unit.resolver.resolve(p.type(), p.pos())));
        }
        for (String r : initRegisters) top.bind(r, new Binding.Local(new Reg(r), Types.LITMUS_INT));
        List<Instr> code = new ThreadLowering(unit, f.name(), id, top).lower(f);
        return new Lowered(code, Set.copyOf(top.registerNames()));
    }
}
