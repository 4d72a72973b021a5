package org.powercheck.checker.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.cli.CommandLine;
import org.powercheck.model.interrupts.InterruptOptions;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.bench.InOrder;
import org.powercheck.checker.report.CorpusComparison;
import org.powercheck.checker.report.HerdText;
import org.powercheck.checker.report.JsonReport;
import org.powercheck.checker.report.Status;
import org.powercheck.checker.report.TestResult;

/** {@code powercheck check}: explore each test and report herd7-style, or compare with a manifest. */
final class CheckCommand {
    static final String NAME = "check";

    private final Backends backends;

    CheckCommand(Backends backends) {
        this.backends = backends;
    }

    static Options options() {
        Options o = new Options();
        o.addOption(Flags.valued("format", "text|json", "output format (default text: herd7's layout; json: one object per test per line)"));
        o.addOption(Flags.valued("expect", "EXPECTED.tsv", "compare with a manifest of reference verdicts instead of printing reports (see below)"));
        o.addOption(Flags.valued("timeout", "SECONDS", "give up on a test after this long (result unknown, exit status 3); default: no limit"));
        o.addOption(Flags.valued("jobs", "N", "check N tests at a time in this process (default: the number of processors)"));
        o.addOption(Flags.valued("engine", "sat|explicit", "exploration engine (default sat; explicit enumerates executions one by one)"));
        o.addOption(Flags.valued("unwind", "K", "how often one backward branch may be taken each time its loop is entered (default " + CheckOptions.DEFAULT_UNWIND + ")"));
        Flags.interruptOptions().forEach(o::addOption);
        o.addOption(Flags.builtInModel());
        o.addOption(Flags.catModel());
        o.addOption(Flags.havoc());
        Flags.preprocessor().forEach(o::addOption);
        o.addOption(Option.builder("q").longOpt("quiet").desc("one line per test (herd7's Observation line); with --expect only failures and the summary").build());
        o.addOption(Flags.help());
        return o;
    }

    static String help() {
        return Flags.help("powercheck check [options] FILE|DIR...",
                "Explores every execution of each litmus test that POWER (herd7's ppc.cat) allows, up to the "
                        + "unwinding bound, and prints herd7-shaped results. Folders are searched recursively for *.litmus "
                        + "files, in sorted order; results are printed in input order.\n\n",
                options(),
                "\nExit status: 0 no counterexample; 1 a counterexample (exists: the outcome is reachable; ~exists "
                        + "and forall: the condition is violated); 2 usage or input error (one line file:line:col: message "
                        + "on stderr); 3 unknown (the unwinding bound cut an execution, a timeout, or an internal error). "
                        + "With several tests: 2 if any input error, else 3 if any unknown, else 1 if any counterexample, else 0.\n\n"
                        + "--expect EXPECTED.tsv compares verdicts with the manifest's 'verdict' column (key: the 'path' column, "
                        + "relative to the manifest's folder); for PPC rows also the 'observation' and 'herd_result' columns when "
                        + "present, and the final states with herd-out/PATH.out beside the manifest when it exists. C rows judged by the LKMM, under --model lkmm: like PPC rows; else an LKMM Forbidden must be Forbidden on POWER, "
                        + "an LKMM Allowed may be either unless C-on-POWER.tsv beside the manifest gives the POWER verdict; rows "
                        + "with LKMM flags pass on any verdict. Tests that are not in the manifest are printed but not compared. "
                        + "Tests using constructs not supported yet are counted apart. The last line is 'N passed, M failed, "
                        + "K unsupported'; the exit status is 1 when any test failed, else 0.");
    }

    int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = Flags.parse(NAME, options(), args);
        if (cl.hasOption("help")) {
            out.print(help());
            return 0;
        }
        String format = Flags.choice(cl, "format", "text", List.of("text", "json"));
        String engine = Flags.choice(cl, "engine", Backends.DEFAULT_ENGINE, new ArrayList<>(backends.engines().keySet()));
        int jobs = Flags.positiveInt(cl, "jobs", Runtime.getRuntime().availableProcessors());
        int unwind = Flags.positiveInt(cl, "unwind", CheckOptions.DEFAULT_UNWIND);
        long timeoutMillis = Flags.seconds(cl, "timeout");
        boolean quiet = cl.hasOption("quiet");
        if (cl.hasOption("expect") && cl.hasOption("format")) {
            throw new UsageException("--expect prints a comparison, not reports: leave out --format");
        }
        List<Path> files = TestFiles.expand(cl.getArgList());
        backends.engine(engine); // fail now, not once per test, if the engine is missing

        TestRunner runner = new TestRunner(backends.withKernel(Flags.kernel(cl)), engine,
                CheckOptions.defaults().withModel(Flags.model(cl)).withUnwind(unwind).withInterrupts(Flags.interrupts(cl)), timeoutMillis, err);
        if (cl.hasOption("expect")) {
            CorpusComparison comparison = CorpusComparison.open(Path.of(cl.getOptionValue("expect")), out, quiet,
                    Flags.lkmm(cl));
            InOrder.run(files, runner, r -> {
                comparison.accept(r);
                out.flush();
            }, jobs);
            out.println(comparison.summary());
            return comparison.exitCode();
        }
        List<Status> statuses = new ArrayList<>();
        Consumer<TestResult> report = reporter(format, quiet, unwind, Flags.interrupts(cl), out, err);
        InOrder.run(files, runner, r -> {
            statuses.add(r.status());
            report.accept(r);
        }, jobs);
        return Status.exitCode(statuses);
    }

    private static Consumer<TestResult> reporter(String format, boolean quiet, int unwind, InterruptOptions interrupts,
                                                 PrintStream out, PrintStream err) {
        return r -> {
            String error = HerdText.errorLine(r);
            if (error != null) err.println(error);
            if (format.equals("json")) {
                out.println(JsonReport.line(r));
            } else {
                out.print(quiet ? HerdText.quietLine(r) : HerdText.format(r, unwind, interrupts));
            }
            out.flush();
            err.flush();
        };
    }
}
