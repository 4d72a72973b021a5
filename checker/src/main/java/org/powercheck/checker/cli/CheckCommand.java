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
import org.powercheck.checker.report.GraphOutput;
import org.powercheck.checker.report.HerdText;
import org.powercheck.checker.report.HtmlReport;
import org.powercheck.checker.report.JsonReport;
import org.powercheck.checker.report.Status;
import org.powercheck.checker.report.TestResult;
import org.powercheck.checker.report.TraceReport;
import org.powercheck.checker.trace.WhyForbiddenText;

/** {@code powercheck check}: explore each test and report herd7-style, or compare with a manifest. */
final class CheckCommand {
    static final String NAME = "check";

    private final Backends backends;

    CheckCommand(Backends backends) {
        this.backends = backends;
    }

    static Options options() {
        Options o = new Options();
        o.addOption(Flags.valued("format", "text|json|html", "output format (default text: herd7's layout; json: one object per test per line; html: one self-contained page for the run, with traces and graphs)"));
        o.addOption(Flags.valued("expect", "EXPECTED.tsv", "compare with a manifest of reference verdicts instead of printing reports (see below)"));
        o.addOption(Flags.valued("timeout", "SECONDS", "give up on a test after this long (result unknown, exit status 3); default: no limit"));
        o.addOption(Flags.valued("jobs", "N", "check N tests at a time in this process (default: the number of processors)"));
        o.addOption(Flags.valued("engine", "sat|explicit", "exploration engine (default sat; explicit enumerates executions one by one)"));
        Flags.unwindOptions().forEach(o::addOption);
        Flags.interruptOptions().forEach(o::addOption);
        o.addOption(Flags.builtInModel());
        o.addOption(Flags.catModel());
        o.addOption(Flags.valued("differences", "FILE.tsv", "with --model both: the known differences between POWER "
                + "and the LKMM (columns path, direction, reason); a listed difference is printed with its reason"));
        o.addOption(Flags.havoc());
        Flags.preprocessor().forEach(o::addOption);
        o.addOption(Option.builder().longOpt("trace").desc("print the counterexample trace of litmus tests too "
                + "(harnesses get it by default): each CPU's events, the communication edges, the missing ordering").build());
        o.addOption(Flags.valued("graph", "FILE.dot|FILE.svg", "draw the witness execution herd-style (CPUs in "
                + "columns, po, rf, co, fr, fences, dependencies, interrupts); .svg needs Graphviz's dot on the PATH; "
                + "with several tests each test's name goes before the extension"));
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
                        + "on stderr); 3 unknown (the unwinding bound cut an execution, a timeout, an engine limit, or an internal error). "
                        + "With several tests: 2 if any input error, else 3 if any unknown, else 1 if any counterexample, else 0.\n\n"
                        + "--expect EXPECTED.tsv compares verdicts with the manifest's 'verdict' column (key: the 'path' column, "
                        + "relative to the manifest's folder); for PPC rows also the 'observation' and 'herd_result' columns when "
                        + "present, and the final states with herd-out/PATH.out beside the manifest when it exists. C rows judged by the LKMM, under --model lkmm: like PPC rows, and the flags raised (herd's Flag lines) must be the 'flags' column; else an LKMM Forbidden must be Forbidden on POWER, "
                        + "an LKMM Allowed may be either unless C-on-POWER.tsv beside the manifest gives the POWER verdict; rows "
                        + "with LKMM flags pass on any verdict. Tests that are not in the manifest are printed but not compared. "
                        + "Every test that could not be checked is named (UNSUPPORTED: a construct not supported yet; UNKNOWN: "
                        + "a timeout, an engine limit, or the bound cut an execution without a counterexample), also with -q, "
                        + "and counted apart. The last line is 'N passed, M failed, K unsupported, U unknown'; the exit status "
                        + "is 1 when any test failed, else 3 when any could not be checked, else 0.\n\n"
                        + "--model both checks each test on POWER and under the LKMM and prints one line per test, "
                        + "'PATH: POWER verdict, LKMM verdict', then, where they differ, 'DIFFERENCE: POWER allows what the "
                        + "LKMM forbids' (a kernel mapping or model mismatch worth a mail; the statements nothing orders on "
                        + "POWER follow) or 'the LKMM allows what POWER forbids' (fine: the LKMM is weaker on purpose); -q "
                        + "prints only the differences. The last line counts them. Where a test cannot be checked under "
                        + "the LKMM yet, --expect supplies herd7's LKMM verdict, marked (herd7); --differences FILE.tsv "
                        + "(columns path, direction, reason) gives the known differences their reason. With --model both "
                        + "the exit status follows the POWER verdicts, as with --model ppc without --expect.");
    }

    int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = Flags.parse(NAME, options(), args);
        if (cl.hasOption("help")) {
            out.print(help());
            return 0;
        }
        boolean both = Flags.both(cl); // an unknown --model is reported before anything else is read
        String format = Flags.choice(cl, "format", "text", List.of("text", "json", "html"));
        String engine = Flags.choice(cl, "engine", Backends.DEFAULT_ENGINE, new ArrayList<>(backends.engines().keySet()));
        int jobs = Flags.positiveInt(cl, "jobs", Runtime.getRuntime().availableProcessors());
        int unwind = Flags.unwind(cl);
        boolean autoUnwind = Flags.autoUnwind(cl);
        long timeoutMillis = Flags.seconds(cl, "timeout");
        if (autoUnwind && timeoutMillis == 0) timeoutMillis = Flags.AUTO_BUDGET_SECONDS * 1000L;
        boolean quiet = cl.hasOption("quiet");
        if (cl.hasOption("expect") && cl.hasOption("format")) {
            throw new UsageException("--expect prints a comparison, not reports: leave out --format");
        }
        List<Path> files = TestFiles.expand(cl.getArgList());
        GraphOutput graph = null;
        if (cl.hasOption("graph")) {
            try {
                graph = GraphOutput.of(cl.getOptionValue("graph"), files.size() > 1);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        backends.engine(engine); // fail now, not once per test, if the engine is missing
        CheckOptions base = CheckOptions.defaults().withUnwind(unwind).withLoopBounds(Flags.loopBounds(cl))
                .withInterrupts(Flags.interrupts(cl));
        if (cl.hasOption("differences") && !both) throw new UsageException("--differences is for --model both");
        if (both) {
            for (String flag : List.of("format", "trace", "graph")) {
                if (cl.hasOption(flag)) throw new UsageException("--model both prints a comparison: leave out --" + flag);
            }
            return BothModels.run(cl, files, backends, engine, base, timeoutMillis, autoUnwind, jobs, quiet, out, err);
        }

        TestRunner runner = new TestRunner(backends.withKernel(Flags.kernel(cl)), engine,
                base.withModel(Flags.model(cl)), timeoutMillis, err, autoUnwind);
        if (cl.hasOption("expect")) {
            // the kernel's own LKMM files (--cat with linux-kernel.def beside) are judged as --model lkmm is
            CorpusComparison comparison = CorpusComparison.open(Path.of(cl.getOptionValue("expect")), out, quiet,
                    Flags.lkmm(cl) || Flags.catWithKernelDef(cl));
            InOrder.run(files, runner, r -> {
                comparison.accept(r);
                out.flush();
            }, jobs);
            out.println(comparison.summary());
            return comparison.exitCode();
        }
        List<Status> statuses = new ArrayList<>();
        CheckOptions checkOptions = CheckOptions.defaults().withUnwind(unwind).withInterrupts(Flags.interrupts(cl));
        Consumer<TestResult> report = reporter(format, quiet, cl.hasOption("trace"), checkOptions, Flags.interrupts(cl), out, err);
        GraphOutput pictures = graph;
        HtmlReport html = format.equals("html") ? new HtmlReport(cl.hasOption("trace"), checkOptions, Flags.interrupts(cl)) : null;
        Progress progress = !quiet && Progress.stderrIsTerminal() ? new Progress(err, files.size(), System::nanoTime) : null;
        java.util.function.Function<Path, TestResult> work = progress == null ? runner : f -> {
            progress.started(f.getFileName().toString());
            TestResult r = runner.apply(f);
            progress.finished();
            return r;
        };
        if (progress != null) progress.paint();
        InOrder.run(files, work, r -> {
            if (progress != null) progress.stop();
            statuses.add(r.status());
            if (html != null) {
                html.add(r);
                String error = HerdText.errorLine(r);
                if (error != null) err.println(error);
            } else {
                report.accept(r);
            }
            if (pictures != null && r instanceof TestResult.Checked c) {
                try {
                    String note = pictures.write(c, checkOptions);
                    if (note != null) err.println(note);
                } catch (java.io.IOException e) {
                    err.println(pictures.fileFor(c.name()) + ": " + e.getMessage());
                    statuses.add(Status.INPUT_ERROR);
                }
            }
            if (progress != null) progress.paint();
        }, jobs);
        if (progress != null) progress.stop();
        if (html != null) out.print(html.page());
        return Status.exitCode(statuses);
    }

    private static Consumer<TestResult> reporter(String format, boolean quiet, boolean trace, CheckOptions options,
                                                 InterruptOptions interrupts,
                                                 PrintStream out, PrintStream err) {
        int unwind = options.unwind();
        return r -> {
            String error = HerdText.errorLine(r);
            if (error != null) err.println(error);
            if (format.equals("json")) {
                out.println(JsonReport.line(r, trace, options));
            } else {
                out.print(quiet ? HerdText.quietLine(r) : HerdText.format(r, unwind, interrupts));
                if (!quiet && r instanceof TestResult.Checked c && TraceReport.wanted(c, trace)) {
                    out.print(TraceReport.text(c));
                }
                if (!quiet && r instanceof TestResult.Checked c && TraceReport.wantsWhyForbidden(c, trace)) {
                    out.print(WhyForbiddenText.render(TraceReport.whyForbidden(c, options)) + "\n");
                }
            }
            out.flush();
            err.flush();
        };
    }
}
