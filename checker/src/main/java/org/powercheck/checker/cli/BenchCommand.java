package org.powercheck.checker.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.bench.BenchReport;
import org.powercheck.checker.bench.BenchResult;
import org.powercheck.checker.bench.Benchmark;
import org.powercheck.checker.bench.HerdRun;
import org.powercheck.checker.bench.HerdTimes;

/** {@code powercheck bench}: time the checker over a corpus in one JVM, optionally against herd7. */
final class BenchCommand {
    static final String NAME = "bench";
    static final int DEFAULT_REPEAT = 5;

    private final Backends backends;

    BenchCommand(Backends backends) {
        this.backends = backends;
    }

    static Options options() {
        Options o = new Options();
        o.addOption(Flags.valued("jobs", "N", "check N tests at a time (default: the number of processors)"));
        o.addOption(Flags.valued("engine", "sat|explicit", "exploration engine (default sat)"));
        o.addOption(Flags.valued("repeat", "R", "number of timed passes after the warm-up pass (default " + DEFAULT_REPEAT + ")"));
        o.addOption(Flags.valued("unwind", "K", "unwinding bound (default " + CheckOptions.DEFAULT_UNWIND + ")"));
        o.addOption(Flags.unwindOptions().get(1));
        o.addOption(Flags.valued("timeout", "SECONDS", "per-test time limit (default: none)"));
        o.addOption(Flags.valued("compare-herd", "HERD7", "also run this herd7 binary on the same tests (one process per "
                + "architecture: -model ppc.cat for PPC; -conf linux-kernel.cfg for C when HERDLIB holds it; -model FILE "
                + "with --cat FILE) and print the ratio"));
        o.addOption(Flags.valued("herd-times", "EXPECTED.tsv", "print the ratio to herd7's recorded per-test times (herd_ms column)"));
        o.addOption(org.apache.commons.cli.Option.builder().longOpt("each").desc("also print each test's median time").build());
        Flags.interruptOptions().forEach(o::addOption);
        o.addOption(Flags.builtInModel());
        o.addOption(Flags.catModel());
        o.addOption(Flags.havoc());
        Flags.preprocessor().forEach(o::addOption);
        o.addOption(Flags.help());
        return o;
    }

    static String help() {
        return Flags.help("powercheck bench [options] FILE|DIR...",
                "Runs every test once to warm up the JVM (tests that do not check cleanly are left out and named on "
                        + "stderr), then R timed passes. Prints the median and maximum per-test time (each test's median "
                        + "over the passes), the median total wall time, tests per second and the share of time spent in "
                        + "the solver.\n\n",
                options(), "");
    }

    int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = Flags.parse(NAME, options(), args);
        if (cl.hasOption("help")) {
            out.print(help());
            return 0;
        }
        org.powercheck.model.Model model = Flags.model(cl); // a bad --model or --cat before anything else is read
        String engine = Flags.choice(cl, "engine", Backends.DEFAULT_ENGINE, new ArrayList<>(backends.engines().keySet()));
        int jobs = Flags.positiveInt(cl, "jobs", Runtime.getRuntime().availableProcessors());
        int repeat = Flags.positiveInt(cl, "repeat", DEFAULT_REPEAT);
        int unwind = Flags.positiveInt(cl, "unwind", CheckOptions.DEFAULT_UNWIND);
        long timeoutMillis = Flags.seconds(cl, "timeout");
        Path herd = cl.hasOption("compare-herd") ? Path.of(cl.getOptionValue("compare-herd")) : null;
        if (herd != null) HerdRun.requireExecutable(herd);
        HerdTimes herdTimes = cl.hasOption("herd-times") ? HerdTimes.load(Path.of(cl.getOptionValue("herd-times"))) : null;
        List<Path> files = TestFiles.expand(cl.getArgList());
        backends.engine(engine);

        TestRunner runner = new TestRunner(backends.withKernel(Flags.kernel(cl)), engine,
                CheckOptions.defaults().withModel(model).withUnwind(unwind).withLoopBounds(Flags.loopBounds(cl))
                        .withInterrupts(Flags.interrupts(cl)), timeoutMillis);
        BenchResult result = Benchmark.run(files, runner, jobs, repeat, engine, err);
        out.print(BenchReport.format(result));
        if (cl.hasOption("each")) out.print(BenchReport.eachTest(result));
        if (herdTimes != null) out.print(herdTimes.compare(result));
        if (herd != null) {
            out.print(HerdRun.compare(herd, result, java.util.Optional.ofNullable(cl.getOptionValue("cat")).map(Path::of)));
        }
        return 0;
    }
}
