package org.powercheck.frontend.kernel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.powercheck.frontend.cparse.CExternal;
import org.powercheck.frontend.cparse.CFunction;
import org.powercheck.frontend.cparse.CParam;
import org.powercheck.ir.Condition;
import org.powercheck.ir.Expr;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Program;
import org.powercheck.ir.Prop;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.ThreadCode;

/**
 * A kernel source file on its own: each function it defines (not those of the files it
 * includes) becomes a pseudo-thread on CPU 0 whose arguments are unconstrained values, and calls
 * of functions without a body are havoc'd. This shows what the checker makes of the code; the
 * program has no condition ({@code forall (true)}). The file is read out of its tree: its own
 * headers may be missing, and a function that uses what only they define is reported as not
 * lowered, with the reason, while the others are.
 */
final class SourceBuilder {
    private final String text;
    private final String file;
    private final KernelOptions options;
    private final Set<String> selected;

    /** @param selected the functions to lower; empty for all of them */
    SourceBuilder(String text, String file, KernelOptions options, Set<String> selected) {
        this.text = text;
        this.file = file;
        this.options = options;
        this.selected = selected;
    }

    KernelFrontend.LoweredSource build() {
        List<CExternal> items = KernelSource.parse(text, file, Optional.empty(), options, true);
        LoweringUnit unit = Units.kernel(items, options, true);
        List<ThreadCode> threads = new ArrayList<>();
        List<KernelFrontend.NotLowered> failed = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>(selected);
        Map<String, SourcePos> havocked = new java.util.LinkedHashMap<>();
        for (CExternal item : items) {
            if (!(item instanceof CFunction f) || !f.pos().file().equals(file)) continue;
            if (!selected.isEmpty() && !selected.contains(f.name())) continue;
            missing.remove(f.name());
            var unreadable = unit.decls.unreadable(f.name());
            if (unreadable.isPresent()) {
                failed.add(new KernelFrontend.NotLowered(f.name(), unreadable.get()));
                continue;
            }
            Declarations.Function declared = unit.decls.function(f.name()).orElseThrow();
            if (declared.body().orElse(null) != f) continue;
            unit.missing = new MissingFunctions();
            try {
                List<org.powercheck.ir.Instr> code = lower(unit, f, declared);
                unit.missing.throwIfAny();
                threads.add(new ThreadCode(threads.size(), f.name(), Map.of(), code, f.pos()));
            } catch (InputException e) {
                failed.add(new KernelFrontend.NotLowered(f.name(),
                        unit.treeHeaders ? withoutPreludeHint(unit.missing.along(e)) : unit.missing.along(e)));
            }
            unit.missing.havocked().forEach(havocked::putIfAbsent);
        }
        if (!missing.isEmpty()) {
            throw new InputException(new SourcePos(file, 1, 1), "no function named " + String.join(", ", missing)
                    + " is defined in this file");
        }
        SourcePos start = new SourcePos(file, 1, 1);
        Program program = new Program(java.nio.file.Path.of(file).getFileName().toString(), Program.Arch.C, file,
                unit.memory.cells(), threads, new Condition(Condition.Quantifier.FORALL, new Prop.True(), start),
                List.of(), Optional.empty(), unit.memory.signedNarrowCells());
        return new KernelFrontend.LoweredSource(program, failed, havocked);
    }

    /** With a tree's headers read, the advice for code read without them does not apply. */
    private static InputException withoutPreludeHint(InputException e) {
        if (!e.detail().endsWith(Types.NO_HEADERS_HINT)) return e;
        String detail = e.detail().substring(0, e.detail().length() - Types.NO_HEADERS_HINT.length());
        return new InputException(e.pos(), detail);
    }

    private static List<org.powercheck.ir.Instr> lower(LoweringUnit unit, CFunction f, Declarations.Function declared) {
        Frame top = Frame.thread(f.name(), f.name(), unit.escapedLocals(f));
        ThreadLowering t = new ThreadLowering(unit, f.name(), 0, top);
        for (int i = 0; i < f.params().size(); i++) {
            CParam p = f.params().get(i);
            if (p.name().isEmpty()) continue;
            KType type = declared.type().params().get(i);
            String name = p.name().get();
            if (type instanceof KType.Opaque) {
                // nothing to choose from: reading it fails, naming the type
                top.bind(name, new Binding.Local(top.register(name), type));
            } else if (top.escaped.contains(name) || type.isAggregate()) {
                Reg value = t.out.temp();
                Havoc.emit(t, value, type, p.pos());
                t.statements.bindParameter(name, type, new Val(new Expr.RegRef(value), type), p.pos());
            } else {
                Reg reg = top.register(name);
                Havoc.emit(t, reg, type, p.pos());
                top.bind(name, new Binding.Local(reg, type));
            }
        }
        return t.lower(f);
    }
}
