package org.powercheck.checker.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.powercheck.ir.Interrupts;
import org.powercheck.model.interrupts.InterruptOptions;
import org.powercheck.frontend.kernel.KernelOptions;

/** Parsing and help text shared by the commands (Apache Commons CLI). */
final class Flags {
    private Flags() {}

    static Option valued(String longName, String arg, String description) {
        return Option.builder().longOpt(longName).hasArg().argName(arg).desc(description).build();
    }

    static Option help() {
        return Option.builder("h").longOpt("help").desc("print this help and exit").build();
    }

    static CommandLine parse(String command, Options options, String[] args) {
        try {
            return new DefaultParser().parse(options, args);
        } catch (ParseException e) {
            throw new UsageException(e.getMessage() + " (see: powercheck " + command + " --help)");
        }
    }

    static String help(String syntax, String header, Options options, String footer) {
        StringWriter text = new StringWriter();
        PrintWriter w = new PrintWriter(text);
        HelpFormatter f = HelpFormatter.builder().get();
        f.printHelp(w, 100, syntax, header, options, 2, 3, footer, false);
        w.flush();
        return text.toString();
    }

    /** The options that say how interrupts are taken. */
    static List<Option> interruptOptions() {
        return List.of(
                valued("max-interrupts", "N", "interrupts each CPU may take at most (default: what the harness says, else 1)"),
                valued("ipi-entry", "plain|ctrlisync", "what the interrupt entry orders after the IPI delivery: plain "
                        + "(default, sound: only the handler's own barriers) or ctrlisync (a branch and isync, as "
                        + "hardware behaves; not sound for proofs)"),
                valued("interrupt-points", "enabled|anywhere", "where a handler may start: enabled (default: where "
                        + "the soft mask and MSR[EE] allow; a masked interrupt is replayed at the first enabled point) "
                        + "or anywhere (every boundary; a counterexample at a masked point is flagged)"));
    }

    /** The interrupt options given; those not given are left to the harness. */
    static InterruptOptions interrupts(CommandLine cl) {
        int max = cl.hasOption("max-interrupts") ? positiveInt(cl, "max-interrupts", 1) : -1;
        java.util.Optional<Interrupts.Entry> entry = cl.hasOption("ipi-entry")
                ? java.util.Optional.of(Interrupts.Entry.valueOf(choice(cl, "ipi-entry", "plain",
                        List.of("plain", "ctrlisync")).toUpperCase(java.util.Locale.ROOT)))
                : java.util.Optional.empty();
        java.util.Optional<Interrupts.Points> points = cl.hasOption("interrupt-points")
                ? java.util.Optional.of(Interrupts.Points.valueOf(choice(cl, "interrupt-points", "enabled",
                        List.of("enabled", "anywhere")).toUpperCase(java.util.Locale.ROOT)))
                : java.util.Optional.empty();
        return new InterruptOptions(max, entry, points);
    }

    static int positiveInt(CommandLine cl, String flag, int fallback) {
        String v = cl.getOptionValue(flag);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--" + flag + " needs a positive whole number, not '" + v + "'");
    }

    /** The unwinding flags: {@code --unwind K|auto} and the repeatable {@code --unwind-loop FILE:LINE=K}. */
    static List<Option> unwindOptions() {
        return List.of(
                valued("unwind", "K|auto", "how often one backward branch may be taken each time its loop is entered "
                        + "(default " + org.powercheck.checker.CheckOptions.DEFAULT_UNWIND + "); auto: deepen 1, 2, 3, ... "
                        + "until no execution is cut or a counterexample is found, within --timeout (default "
                        + AUTO_BUDGET_SECONDS + " s with auto), and report the bound reached"),
                valued("unwind-loop", "FILE:LINE=K", "the bound of one loop, named by the line of its for/while/do in "
                        + "FILE (a path or its trailing part); repeatable"));
    }

    static final int AUTO_BUDGET_SECONDS = 60;

    /** {@code --unwind auto}. */
    static boolean autoUnwind(CommandLine cl) {
        return "auto".equals(cl.getOptionValue("unwind"));
    }

    /** The {@code --unwind} bound (the starting options' bound under auto, where it is replaced per run). */
    static int unwind(CommandLine cl) {
        return autoUnwind(cl) ? 1 : positiveInt(cl, "unwind", org.powercheck.checker.CheckOptions.DEFAULT_UNWIND);
    }

    /** Every {@code --unwind-loop FILE:LINE=K}, in order. */
    static List<org.powercheck.checker.LoopBound> loopBounds(CommandLine cl) {
        List<org.powercheck.checker.LoopBound> out = new java.util.ArrayList<>();
        for (String v : cl.getOptionValues("unwind-loop") == null ? new String[0] : cl.getOptionValues("unwind-loop")) {
            out.add(org.powercheck.checker.LoopBound.parse(v.trim()).orElseThrow(() -> new UsageException(
                    "--unwind-loop needs FILE:LINE=K (a loop's file and line, and its bound), not '" + v + "'")));
        }
        return out;
    }

    /** Seconds (fractions allowed) to milliseconds; 0 when absent, meaning no limit. */
    static long seconds(CommandLine cl, String flag) {
        String v = cl.getOptionValue(flag);
        if (v == null) return 0;
        try {
            double s = Double.parseDouble(v.trim());
            if (s > 0 && s < 1e9) return Math.max(1, Math.round(s * 1000));
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--" + flag + " needs a positive number of seconds, not '" + v + "'");
    }

    /** {@code --cat FILE}: check against a model written in herd7's cat language instead of the built-in one. */
    static Option catModel() {
        return valued("cat", "FILE", "check against the memory model in this cat file (herd7's language; includes are "
                + "looked up beside it) instead of the built-in POWER model");
    }

    /** The built-in models {@code --model} may name. */
    static final List<String> MODELS = List.of("ppc", "lkmm");

    static Option builtInModel() {
        return valued("model", "ppc|lkmm", "the built-in memory model to check against: ppc (default: IBM POWER, "
                + "herd7's ppc.cat; C is lowered to the kernel's ppc64 instructions) or lkmm (C tests: the Linux-kernel "
                + "memory model, so far its core without RCU, SRCU, locks and read-modify-writes)");
    }

    static boolean lkmm(CommandLine cl) {
        return "lkmm".equals(cl.getOptionValue("model"));
    }

    /** The model {@code --cat} or {@code --model} names, or the built-in POWER model. */
    static org.powercheck.model.Model model(CommandLine cl) {
        if (cl.hasOption("model") && cl.hasOption("cat")) {
            throw new UsageException("--model and --cat both name a model: give one");
        }
        choice(cl, "model", "ppc", MODELS);
        if (lkmm(cl)) return org.powercheck.model.cat.CatReader.bundled(org.powercheck.model.cat.CatReader.LKMM);
        if (!cl.hasOption("cat")) return org.powercheck.model.PpcModel.MODEL;
        java.nio.file.Path file = java.nio.file.Path.of(cl.getOptionValue("cat"));
        if (!java.nio.file.Files.isRegularFile(file)) throw new UsageException("--cat: no such file " + file);
        return org.powercheck.model.cat.CatReader.read(file);
    }

    /** {@code --havoc f,g}: kernel functions whose calls the checker does not look into. */
    static Option havoc() {
        return valued("havoc", "FUNC,...", "kernel C: calls of these functions return an unconstrained value "
                + "and touch no memory (for functions without a body)");
    }

    /** {@code -D}, {@code -U}, {@code -I}: the preprocessor options of a compiler, for kernel C. */
    static List<Option> preprocessor() {
        return List.of(
                Option.builder("D").hasArg().argName("NAME[=VALUE]")
                        .desc("kernel C: define a macro (after the default configuration: CONFIG_SMP, CONFIG_PPC64, "
                                + "CONFIG_PPC_BOOK3S_64, CONFIG_PPC_SMP_MUXED_IPI, ...)").build(),
                Option.builder("U").hasArg().argName("NAME").desc("kernel C: undefine a macro").build(),
                Option.builder("I").hasArg().argName("DIR").desc("kernel C: look for #include \"...\" files in DIR too").build(),
                Option.builder().longOpt("kernel-tree").hasArg().argName("DIR")
                        .desc("kernel C: read the headers of the unconfigured kernel source tree DIR (its include/, "
                                + "arch/powerpc/include/ and uapi headers; autoconf.h, bounds.h and asm-offsets.h are "
                                + "generated) instead of powercheck's prelude").build(),
                Option.builder().longOpt("config").hasArg().argName("FILE")
                        .desc("kernel C, with --kernel-tree: configure the tree with this .config instead of the "
                                + "default configuration").build());
    }

    /** The kernel C choices the flags make: {@code --havoc} and the preprocessor options, in order. */
    static KernelOptions kernel(CommandLine cl) {
        List<String> args = new java.util.ArrayList<>();
        for (Option o : cl.getOptions()) {
            String name = o.getOpt();
            if ("D".equals(name) || "U".equals(name) || "I".equals(name)) {
                if (o.getValue() == null || o.getValue().isBlank()) throw new UsageException("-" + name + " needs a value");
                args.add("-" + name);
                args.add(o.getValue());
            }
        }
        KernelOptions k = KernelOptions.defaults().withHavoc(names(cl, "havoc")).withPreprocessorArgs(args);
        if (cl.hasOption("config") && !cl.hasOption("kernel-tree")) throw new UsageException("--config needs --kernel-tree");
        if (cl.hasOption("kernel-tree")) {
            try {
                k = k.withTree(org.powercheck.frontend.kernel.KernelTree.open(java.nio.file.Path.of(cl.getOptionValue("kernel-tree")),
                        java.util.Optional.ofNullable(cl.getOptionValue("config")).map(java.nio.file.Path::of)));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return lkmm(cl) ? k.withMapping(org.powercheck.model.mapping.KernelMapping.lkmm()) : k;
    }

    /** The names a list-valued flag gives ({@code --havoc f,g --havoc h}), in order, without repeats. */
    static java.util.Set<String> names(CommandLine cl, String flag) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (String v : cl.getOptionValues(flag) == null ? new String[0] : cl.getOptionValues(flag)) {
            for (String name : v.split(",")) if (!name.isBlank()) out.add(name.trim());
        }
        return out;
    }

    static String choice(CommandLine cl, String flag, String fallback, List<String> allowed) {
        String v = cl.getOptionValue(flag, fallback);
        if (!allowed.contains(v)) {
            throw new UsageException("--" + flag + " must be one of " + String.join(", ", allowed) + ", not '" + v + "'");
        }
        return v;
    }
}
