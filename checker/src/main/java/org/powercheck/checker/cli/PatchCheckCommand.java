package org.powercheck.checker.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.powercheck.checker.CheckOptions;
import org.powercheck.frontend.kernel.KernelOptions;
import org.powercheck.checker.patch.FilePatch;
import org.powercheck.checker.patch.PatchException;
import org.powercheck.checker.patch.PatchText;
import org.powercheck.checker.patch.Patches;
import org.powercheck.checker.patch.SourceCopy;
import org.powercheck.checker.report.HerdText;
import org.powercheck.checker.report.Status;
import org.powercheck.checker.report.TestResult;

/**
 * {@code powercheck patch-check}: does a patch change a verdict? Applies it to a copy of the
 * sources the harnesses read, checks every harness before and after, and prints one table.
 */
final class PatchCheckCommand {
    static final String NAME = "patch-check";

    private final Backends backends;

    PatchCheckCommand(Backends backends) {
        this.backends = backends;
    }

    static Options options() {
        Options o = new Options();
        o.addOption(Flags.valued("patch", "FILE", "the patch: a unified diff, git format-patch output, a mail or mbox, "
                + "or a patch quoted in a reply ('> ' before each line)"));
        o.addOption(Flags.valued("source", "DIR", "the tree the patch's paths are relative to (a kernel tree); default: "
                + "the nearest folder above the harnesses holding the files the patch changes"));
        o.addOption(Flags.valued("engine", "sat|explicit", "exploration engine (default sat)"));
        o.addOption(Flags.valued("unwind", "K", "loop unwinding bound (default " + CheckOptions.DEFAULT_UNWIND + ")"));
        o.addOption(Flags.valued("timeout", "SECONDS", "give up on a check after this long (its result is unknown)"));
        Flags.interruptOptions().forEach(o::addOption);
        o.addOption(Flags.havoc());
        // the harnesses read as check reads them: a kernel tree's headers, -D, -I
        Flags.preprocessor().forEach(o::addOption);
        o.addOption(Flags.help());
        return o;
    }

    static String help() {
        return Flags.help("powercheck patch-check --patch FILE [--source DIR] HARNESS...",
                "Applies the patch to a temporary copy of the sources the harnesses read (the source tree is never "
                        + "written), checks every harness before and after, and prints one line per harness: the "
                        + "verdict before and after, fixed / broke / unchanged, and the times. Hunks that needed an "
                        + "offset or fuzz are reported.\n\n",
                options(),
                "\nExit status: 0 nothing got worse; 1 some harness broke (a counterexample after the patch and "
                        + "none before); 2 the patch does not apply (the file, the hunk and why), is empty or binary, "
                        + "or a harness does not parse; 3 some result is unknown.");
    }

    int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = Flags.parse(NAME, options(), args);
        if (cl.hasOption("help")) {
            out.print(help());
            return 0;
        }
        if (!cl.hasOption("patch")) throw new UsageException("patch-check needs --patch FILE (see: powercheck patch-check --help)");
        if (cl.getArgList().isEmpty()) throw new UsageException("patch-check needs at least one HARNESS");
        String engine = Flags.choice(cl, "engine", Backends.DEFAULT_ENGINE, new ArrayList<>(backends.engines().keySet()));
        int unwind = Flags.positiveInt(cl, "unwind", CheckOptions.DEFAULT_UNWIND);
        long timeout = Flags.seconds(cl, "timeout");
        String patchFile = cl.getOptionValue("patch");
        Path source = cl.hasOption("source") ? Path.of(cl.getOptionValue("source")) : null;
        List<Path> harnesses = new ArrayList<>();
        for (String h : cl.getArgList()) {
            Path p = Path.of(h);
            if (!Files.isRegularFile(p)) throw new UsageException(h + ": no such harness file");
            harnesses.add(p);
        }
        KernelOptions kernel = Flags.kernel(cl);
        CheckOptions checks = CheckOptions.defaults().withUnwind(unwind).withInterrupts(Flags.interrupts(cl));
        TestRunner runner = new TestRunner(backends.withKernel(kernel), engine, checks, timeout,
                new PrintStream(PrintStream.nullOutputStream()));
        try {
            List<FilePatch> patches = Patches.read(patchFile, PatchText.extract(patchFile, read(patchFile)));
            List<TestResult> before = new ArrayList<>();
            for (Path h : harnesses) {
                TestResult r = runner.apply(h);
                String error = HerdText.errorLine(r);
                if (r.status() == Status.INPUT_ERROR) {
                    err.println(error);
                    return 2;
                }
                before.add(r);
            }
            Path root = SourceCopy.root(patchFile, source, harnesses, patches);
            List<String> notes = new ArrayList<>();
            List<TestResult> after = new ArrayList<>();
            try (SourceCopy copy = SourceCopy.make(patchFile, root, harnesses, patches, notes)) {
                // a file the harness finds through -I DIR is found in the copy of DIR first: the patched one
                TestRunner patched = new TestRunner(backends.withKernel(kernel.withPreprocessorArgs(
                        copy.includesFirst(kernel.preprocessorArgs()))), engine, checks, timeout,
                        new PrintStream(PrintStream.nullOutputStream()));
                for (Path h : harnesses) after.add(patched.apply(copy.inCopy(h)));
            }
            PatchTable table = new PatchTable(patchFile, patches, notes, before, after);
            out.print(table.text());
            for (TestResult r : after) {
                String error = HerdText.errorLine(r);
                if (error != null) err.println("after the patch: " + error);
            }
            return table.exitCode();
        } catch (PatchException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println(patchFile + ": " + e.getMessage());
            return 2;
        }
    }

    private static String read(String file) throws PatchException {
        try {
            byte[] bytes = Files.readAllBytes(Path.of(file));
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PatchException(file + ": cannot read the patch (" + e.getClass().getSimpleName() + ")");
        }
    }
}
