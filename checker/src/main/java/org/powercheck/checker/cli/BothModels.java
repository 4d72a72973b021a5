package org.powercheck.checker.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.bench.InOrder;
import org.powercheck.checker.report.KnownDifferences;
import org.powercheck.checker.report.ModelComparison;
import org.powercheck.checker.report.Status;
import org.powercheck.checker.report.TestResult;

/**
 * {@code check --model both}: each test on POWER (the kernel's ppc64 lowering, ppc.cat) and under
 * the LKMM (lkmm.cat), printed side by side with where they differ. The exit status follows
 * the POWER verdicts, as {@code check --model ppc} without {@code --expect} gives it: the LKMM
 * column is a comparison, not a verdict on the hardware.
 */
final class BothModels {
    private BothModels() {}

    /** The two results of one test. */
    private record Pair(TestResult power, TestResult lkmm) { }

    static int run(CommandLine cl, List<Path> files, Backends backends, String engine, CheckOptions base,
                   long timeoutMillis, boolean autoUnwind, int jobs, boolean quiet, PrintStream out, PrintStream err) {
        TestRunner power = new TestRunner(backends.withKernel(Flags.kernel(cl, false)), engine,
                base.withModel(org.powercheck.model.PpcModel.MODEL), timeoutMillis, err, autoUnwind);
        TestRunner lkmm = new TestRunner(backends.withKernel(Flags.kernel(cl, true)), engine,
                base.withModel(Flags.lkmmModel()), timeoutMillis, err, autoUnwind);
        KnownDifferences known = cl.hasOption("differences")
                ? KnownDifferences.read(Path.of(cl.getOptionValue("differences"))) : KnownDifferences.NONE;
        ModelComparison comparison = new ModelComparison(
                Optional.ofNullable(cl.getOptionValue("expect")).map(Path::of), known, out, quiet);
        List<Status> statuses = new ArrayList<>();
        InOrder.run(files, f -> new Pair(power.apply(f), lkmm.apply(f)), p -> {
            statuses.add(p.power().status());
            comparison.accept(p.power(), p.lkmm());
            out.flush();
        }, jobs);
        out.println(comparison.summary());
        return Status.exitCode(statuses);
    }
}
