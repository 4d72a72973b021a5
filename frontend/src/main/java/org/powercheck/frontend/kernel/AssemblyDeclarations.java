package org.powercheck.frontend.kernel;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.powercheck.frontend.asm.AsmModule;
import org.powercheck.frontend.cparse.CExternal;
import org.powercheck.frontend.cparse.CFunction;
import org.powercheck.frontend.cparse.CStmt;
import org.powercheck.ir.InputException;

/**
 * {@code PC_ASSEMBLY("fpu.S", "vector.S")}: assembly files whose functions the harness's C
 * calls, read relative to the harness; a {@code "-DNAME=1"} or {@code "-UNAME"} among them
 * configures the files after it. The constants they take from {@code asm/asm-offsets.h}
 * are made as kbuild makes them: from the {@code DEFINE}/{@code OFFSET} lines of a function
 * {@code main} of the program ({@code arch/powerpc/kernel/asm-offsets.c}, or a model of it),
 * whose {@code asm("->SYM %0 ..." : : "i" (value))} statements name each constant and its value,
 * evaluated against the program's own types.
 */
final class AssemblyDeclarations {
    static final String ASSEMBLY = "PC_ASSEMBLY";
    private static final Pattern MARKER = Pattern.compile("->(\\w+)\\s+%0");

    private AssemblyDeclarations() {}

    /** Loads the files the harness names into {@code unit}. */
    static void load(List<CExternal> items, LoweringUnit unit, String harnessFile, List<String> preprocessorArgs) {
        Map<String, Long> offsets = null;
        for (CExternal item : items) {
            if (!(item instanceof CExternal.MacroDeclaration m) || !m.macro().name().equals(ASSEMBLY)) continue;
            if (m.macro().args().isEmpty()) {
                throw new InputException(m.pos(), ASSEMBLY + " names assembly files, as in " + ASSEMBLY + "(\"fpu.S\")");
            }
            if (offsets == null) offsets = asmOffsets(items, unit);
            List<String> args = new java.util.ArrayList<>(preprocessorArgs);
            for (String arg : m.macro().args()) {
                String a = arg.strip();
                if (a.length() < 2 || !a.startsWith("\"") || !a.endsWith("\"")) {
                    throw new InputException(m.pos(), ASSEMBLY + " takes file names in quotes, not " + a);
                }
                String name = a.substring(1, a.length() - 1);
                if (name.startsWith("-D") || name.startsWith("-U")) {
                    // a configuration or patch knob for the files after it
                    args.add(name);
                    continue;
                }
                Path parent = Path.of(harnessFile).getParent();
                Path file = (parent == null ? Path.of(name) : parent.resolve(name)).normalize();
                if (!file.toFile().isFile()) throw new InputException(m.pos(), "no assembly file " + file);
                AsmModule module = AsmModule.load(file, args, offsets);
                unit.assembly.add(module);
                unit.asmTexts.putAll(module.instructionTexts());
            }
        }
    }

    /** The asm-offsets constants of the program's {@code main}, in order; empty without one. */
    private static Map<String, Long> asmOffsets(List<CExternal> items, LoweringUnit unit) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (CExternal item : items) {
            if (item instanceof CFunction f && f.name().equals("main")) {
                collect(f.body(), unit, out);
            }
        }
        return out;
    }

    private static void collect(CStmt s, LoweringUnit unit, Map<String, Long> out) {
        switch (s) {
            case CStmt.Block b -> b.items().forEach(i -> collect(i, unit, out));
            case CStmt.Asm a -> {
                Matcher m = MARKER.matcher(a.template());
                if (m.find() && a.inputs().size() == 1) out.put(m.group(1), unit.constant(a.inputs().get(0).expr()));
            }
            default -> { }
        }
    }

}
