package org.powercheck.checker.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import java.util.List;
import org.powercheck.checker.report.HerdCondition;
import org.powercheck.frontend.kernel.Dependencies;
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
        o.addOption(Flags.help());
        return o;
    }

    static String help() {
        return Flags.help("powercheck parse FILE|DIR...",
                "Prints the intermediate representation each test is lowered to: memory cells, each thread's "
                        + "instructions with their source line:column (and file, when included) and the loads each "
                        + "access depends on (addr, data, ctrl), the final condition. Kernel C sources (.c, .h) show "
                        + "each function lowered on its own. Stops at the first input "
                        + "error (file:line:col: message, exit status 2).\n\n",
                options(), "");
    }

    int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = Flags.parse(NAME, options(), args);
        if (cl.hasOption("help")) {
            out.print(help());
            return 0;
        }
        Backends chosen = backends.withHavoc(Flags.havoc(cl));
        for (Path file : TestFiles.expand(cl.getArgList())) {
            out.print(format(chosen.loader().load(file)));
            out.flush();
        }
        return 0;
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
        for (ThreadCode t : p.threads()) {
            sb.append(t.name()).append(" (thread ").append(t.id()).append(")");
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
        p.filter().ifPresent(f -> sb.append("filter (").append(HerdCondition.format(f)).append(")\n"));
        if (!p.locations().isEmpty()) sb.append("locations ").append(p.locations()).append('\n');
        sb.append(HerdCondition.format(p.condition())).append("  ").append(where(p.condition().pos())).append("\n\n");
        return sb.toString();
    }

    private static String where(SourcePos pos) {
        return pos.line() + ":" + pos.column();
    }

    /** line:column, with the file when it is not the test's own (an included kernel header). */
    private static String where(SourcePos pos, String file) {
        return pos.file().equals(file) ? where(pos) : pos.file() + ":" + where(pos);
    }
}
