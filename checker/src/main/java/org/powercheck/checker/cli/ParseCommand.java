package org.powercheck.checker.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.powercheck.checker.report.HerdCondition;
import org.powercheck.frontend.Frontend;
import org.powercheck.frontend.kernel.Dependencies;
import org.powercheck.frontend.kernel.KernelFrontend;
import org.powercheck.frontend.kernel.KernelOptions;
import org.powercheck.ir.Cell;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Program;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.ThreadCode;

/** {@code powercheck parse}: show the lowered IR of each test, each instruction with its source position. */
final class ParseCommand {
    static final String NAME = "parse";

    private final Backends backends;

    ParseCommand(Backends backends) {
        this.backends = backends;
    }

    static Options options() {
        Options o = new Options();
        o.addOption(Flags.havoc());
        o.addOption(Flags.valued("function", "FUNC,...", "kernel C source: lower only these functions"));
        o.addOption(org.apache.commons.cli.Option.builder().longOpt("summary")
                .desc("kernel C source: instead of the IR, one line per file, FILE: L of N functions lower, then "
                        + "each function that does not with its file:line:col reason, the functions without a body "
                        + "that were havoc'd, and the reasons counted over all files").build());
        Flags.preprocessor().forEach(o::addOption);
        o.addOption(Flags.help());
        return o;
    }

    static String help() {
        return Flags.help("powercheck parse FILE|DIR...",
                "Prints the intermediate representation each test is lowered to: memory cells, each thread's "
                        + "instructions with their source line:column (and file, when included) and the loads each "
                        + "access depends on (addr, data, ctrl), the final condition. A kernel C source file (.c, .h) "
                        + "is read on its own, out of its tree: each function it defines is lowered as a thread with "
                        + "unconstrained arguments, calls of functions without a body return unconstrained values, and "
                        + "a function that cannot be lowered (it uses a type or constant from a header, say) is "
                        + "reported with the reason while the others are printed. An assembly file (.S) is "
                        + "assembled as the kernel build does (__ASSEMBLY__, -I for its headers) and each function it "
                        + "exports is shown from its label to its blr; constants of asm-offsets.h are given with -D. "
                        + "With --kernel-tree DIR a C file is read with that kernel tree's own headers instead of the "
                        + "prelude (the configuration is powercheck's default or --config's .config), and --summary "
                        + "counts, per file, the functions that lower and names each that does not. Errors are printed as "
                        + "file:line:col: message; the exit status is then 2.\n\n",
                options(), "");
    }

    int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = Flags.parse(NAME, options(), args);
        if (cl.hasOption("help")) {
            out.print(help());
            return 0;
        }
        KernelOptions kernel = Flags.kernel(cl);
        Set<String> functions = Flags.names(cl, "function");
        Backends chosen = backends.withKernel(kernel);
        if (cl.hasOption("summary")) return new ParseSummary(out).run(TestFiles.expand(cl.getArgList()), kernel, functions);
        int status = 0;
        for (Path file : TestFiles.expand(cl.getArgList())) {
            // kernel C is shown function by function; a litmus test as the loader reads it
            KernelFrontend.LoweredSource lowered = file.toString().endsWith(".S")
                    ? KernelFrontend.assemblyFunctions(file, kernel, functions)
                    : Frontend.hasKernelCName(file.toString()) || !functions.isEmpty()
                    ? Frontend.lower(file, kernel, functions)
                    : new KernelFrontend.LoweredSource(chosen.loader().load(file), List.of());
            out.print(format(lowered.program()));
            if (!lowered.withoutBody().isEmpty()) {
                // not silent: these calls' own memory accesses and barriers are not in the code above
                out.printf("without a body (any result, no memory access): %s%n%n", lowered.withoutBody().entrySet().stream()
                        .map(e -> e.getKey() + " (" + (e.getValue().file().equals(lowered.program().file())
                                ? e.getValue().line() + ":" + e.getValue().column() : e.getValue().toString()) + ")")
                        .collect(Collectors.joining(", ")));
            }
            if (!lowered.notLowered().isEmpty()) {
                int total = lowered.program().threads().size() + lowered.notLowered().size();
                out.printf("not lowered: %d of %d functions (errors on stderr): %s%n%n", lowered.notLowered().size(), total,
                        lowered.notLowered().stream().map(KernelFrontend.NotLowered::function).collect(Collectors.joining(", ")));
                for (KernelFrontend.NotLowered n : lowered.notLowered()) {
                    err.println(n.why().getMessage() + " (function '" + n.function() + "' is not lowered)");
                }
                status = 2;
            }
            out.flush();
        }
        return status;
    }

    static String format(Program p) {
        StringBuilder sb = new StringBuilder();
        sb.append(p.arch()).append(' ').append(p.name()).append("  (").append(p.file()).append(")\n");
        sb.append("memory (cell=initial value/bits):");
        for (Cell c : p.cells()) {
            sb.append(' ').append(c.name()).append('=').append(c.init());
            sb.append('/').append(c.width().bits);
        }
        sb.append('\n');
        for (ThreadCode t : p.threads()) code(sb, p, t, " (thread " + t.id() + ")");
        for (org.powercheck.ir.InterruptSource s : p.interrupts().sources()) {
            String raised = s.kind() == org.powercheck.ir.InterruptSource.Kind.IPI
                    ? "by the triggers of " + s.trigger().orElseThrow() : "at any enabled point";
            code(sb, p, s.handler(), " (interrupt " + s.name() + " of P" + s.cpu() + ", raised " + raised + ")");
        }
        p.filter().ifPresent(f -> sb.append("filter (").append(HerdCondition.format(f)).append(")\n"));
        if (!p.locations().isEmpty()) sb.append("locations ").append(p.locations()).append('\n');
        sb.append(HerdCondition.format(p.condition())).append("  ").append(where(p.condition().pos())).append("\n\n");
        return sb.toString();
    }

    private static void code(StringBuilder sb, Program p, ThreadCode t, String title) {
        {
            sb.append(t.name()).append(title);
            Map<Reg, Expr> init = new TreeMap<>(t.registerInit());
            if (!init.isEmpty()) {
                sb.append(init.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(" ", "  init ", "")));
            }
            sb.append('\n');
            List<String> deps = Dependencies.describe(t);
            for (int k = 0; k < t.code().size(); k++) {
                Instr i = t.code().get(k);
                String line = String.format("  %-8s %s", where(i.pos(), p.file()), i);
                sb.append(deps.get(k).isEmpty() ? line : String.format("%-48s  (%s)", line, deps.get(k))).append('\n');
            }
        }
    }

    private static String where(SourcePos pos) {
        return pos.line() + ":" + pos.column();
    }

    /** line:column, with the file when it is not the test's own (an included kernel header). */
    private static String where(SourcePos pos, String file) {
        return pos.file().equals(file) ? where(pos) : pos.file() + ":" + where(pos);
    }
}
