package org.powercheck.frontend.kernel;

import java.util.List;
import org.powercheck.frontend.litmus.KeyResolver;
import org.powercheck.ir.Expr;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.StateKey;

/**
 * The names a harness's condition may use: {@code N:local} for a local of thread N's own
 * function, and a global, or a member path into one ({@code task_T.thread_info.flags}), for its
 * final value. A struct with a single scalar ({@code atomic_t v}) stands for that scalar.
 */
final class HarnessKeys implements KeyResolver {
    private final LoweringUnit unit;
    private final List<Frame> threads;

    HarnessKeys(LoweringUnit unit, List<Frame> threads) {
        this.unit = unit;
        this.threads = threads;
    }

    @Override
    public StateKey register(int thread, String name, SourcePos pos) {
        if (thread < 0 || thread >= threads.size()) throw new InputException(pos, "no thread P" + thread + " in this test");
        if (!threads.get(thread).registerNames().contains(name)) {
            throw new InputException(pos, "P" + thread + " has no local variable '" + name + "'");
        }
        return new StateKey.RegKey(thread, new Reg(name));
    }

    @Override
    public StateKey memory(String name, SourcePos pos) {
        return new StateKey.MemKey(cell(name, pos));
    }

    @Override
    public Expr address(String name, SourcePos pos) {
        if (unit.decls.global(name.split("\\.")[0]).isEmpty() && unit.decls.function(name).isPresent()) {
            return unit.functionAddress(name);
        }
        Located l = locate(name, pos);
        return unit.memory.address(l.object, l.offset);
    }

    private String cell(String name, SourcePos pos) {
        if (unit.memory.hasCell(name)) return name;
        Located l = locate(name, pos);
        KType type = l.type;
        while (type.isAggregate() && type.cells() == 1) type = type.firstScalar();
        if (!type.isScalar()) {
            throw new InputException(pos, "'" + name + "' is not one location (it is a " + type.spelling() + ")");
        }
        return unit.memory.cellName(l.object, l.offset);
    }

    private record Located(Memory.MemObject object, long offset, KType type) {}

    private Located locate(String name, SourcePos pos) {
        String[] path = name.split("\\.");
        var global = unit.decls.global(path[0]);
        if (global.isEmpty()) throw new InputException(pos, "no location '" + name + "' in this test");
        if (global.get().perCpu()) {
            throw new InputException(pos, "'" + path[0] + "' has one copy per CPU: name a copy as " + path[0] + "@N");
        }
        Memory.MemObject o = unit.global(path[0], pos);
        KType type = global.get().type();
        long offset = 0;
        for (int i = 1; i < path.length; i++) {
            if (!(type instanceof KType.Struct s)) {
                throw new InputException(pos, "'" + String.join(".", java.util.Arrays.copyOf(path, i)) + "' has no members");
            }
            String member = path[i];
            KType.Field f = s.field(member).orElseThrow(() ->
                    new InputException(pos, s.spelling() + " has no member '" + member + "'"));
            offset += f.offset();
            type = f.type();
        }
        return new Located(o, offset, type);
    }
}
