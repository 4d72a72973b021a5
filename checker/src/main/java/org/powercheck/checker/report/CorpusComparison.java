package org.powercheck.checker.report;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.powercheck.checker.ModelFlags;

/**
 * Compares results with a manifest of reference verdicts shaped like herd7's
 * {@code EXPECTED.tsv} (key: the {@code path} column, relative to the manifest's folder or, see
 * {@link ManifestKey}, to a folder above it).
 *
 * <ul>
 *   <li>PPC rows: our verdict must equal {@code verdict}, and the {@code observation}
 *       (Never/Sometimes/Always) and {@code herd_result} (Ok/No) columns when present; when
 *       {@code herd-out/<path>.out} exists beside the manifest, our final states must equal herd's.</li>
 *   <li>C rows judged by the LKMM ({@code model} = linux-kernel.cat): our verdicts are for
 *       POWER, which is at least as strong, so an LKMM Forbidden must stay Forbidden and an LKMM
 *       Allowed may go either way, unless {@code C-on-POWER.tsv} beside the manifest gives the
 *       POWER verdict, which must then match. Rows with LKMM {@code flags} (data races) are not
 *       meaningful and pass on any verdict. Under the LKMM itself they are compared like PPC
 *       rows, and the flags the allowed executions raise must be herd7's {@code flags}.</li>
 *   <li>Tests that could not be checked are named on a line of their own (also when quiet) and
 *       counted apart: {@code UNSUPPORTED} (a construct without semantics yet) and {@code UNKNOWN}
 *       (a timeout, an engine limit, or no counterexample while the bound cut some execution:
 *       a verdict that disagrees is still a failure). Tests that are not in the manifest are
 *       reported but not compared.</li>
 * </ul>
 */
public final class CorpusComparison {
    public static final String LKMM = "linux-kernel.cat";

    private final Path dir;
    private final Tsv manifest;
    private final Optional<Tsv> powerVerdicts;
    private final PrintStream out;
    private final boolean quiet;
    /** Checked under the LKMM itself: LKMM rows are compared as exactly as PPC rows. */
    private final boolean underLkmm;
    private int passed, failed, unsupported, unknown;

    private CorpusComparison(Path dir, Tsv manifest, Optional<Tsv> powerVerdicts, PrintStream out, boolean quiet,
                             boolean underLkmm) {
        this.underLkmm = underLkmm;
        this.dir = dir;
        this.manifest = manifest;
        this.powerVerdicts = powerVerdicts;
        this.out = out;
        this.quiet = quiet;
    }

    /** Reads the manifest (and C-on-POWER.tsv beside it, if present); throws InputException. */
    public static CorpusComparison open(Path manifestFile, PrintStream out, boolean quiet) {
        return open(manifestFile, out, quiet, false);
    }

    /** With {@code underLkmm}, the results are the LKMM's: C rows must equal herd7's verdicts and states. */
    public static CorpusComparison open(Path manifestFile, PrintStream out, boolean quiet, boolean underLkmm) {
        Path dir = manifestFile.toAbsolutePath().normalize().getParent();
        Tsv manifest = Tsv.read(manifestFile, "path", List.of("path", "verdict"));
        Path power = dir.resolve("C-on-POWER.tsv");
        Optional<Tsv> powerVerdicts = Files.isRegularFile(power)
                ? Optional.of(Tsv.read(power, "path", List.of("path", "power_verdict")))
                : Optional.empty();
        return new CorpusComparison(dir, manifest, powerVerdicts, out, quiet, underLkmm);
    }

    public void accept(TestResult r) {
        Optional<ManifestKey> located = ManifestKey.locate(dir, r.file(), k -> manifest.row(k) != null);
        if (located.isEmpty()) {
            unlisted(ManifestKey.relative(dir, r.file()), r);
            return;
        }
        String key = located.get().key();
        Path base = located.get().base();
        Map<String, String> row = manifest.row(key);
        switch (r) {
            case TestResult.Unsupported u -> {
                unsupported++;
                out.println("UNSUPPORTED " + key + ": " + u.error().report());
            }
            case TestResult.InputError e -> fail(key, "input error: " + e.error().getMessage());
            case TestResult.Crashed c -> fail(key, c.message());
            case TestResult.TimedOut t -> unknown(key, row, "no result within the time limit");
            case TestResult.LimitReached l -> unknown(key, row, l.limit().report());
            case TestResult.Checked c -> {
                Optional<String> problem = problem(base, key, row, c);
                if (problem.isPresent()) fail(key, problem.get());
                else if (c.status() == Status.UNKNOWN) unknown(key, row, "the unwinding bound cut some execution and no"
                        + " counterexample was found within it");
                else passed++;
            }
        }
    }

    private Optional<String> problem(Path base, String key, Map<String, String> row, TestResult.Checked c) {
        String got = c.judgement().verdict();
        String expected = row.get("verdict");
        if (isLkmm(row) && !underLkmm) {
            if (!row.getOrDefault("flags", "").isEmpty()) return Optional.empty();
            Optional<String> power = powerVerdicts.map(t -> t.row(key)).map(p -> p.get("power_verdict"));
            if (power.isPresent()) {
                return power.get().equals(got) ? Optional.empty()
                        : Optional.of("expected " + power.get() + " (POWER, C-on-POWER.tsv), got " + got);
            }
            return expected.equals("Forbidden") && !got.equals("Forbidden")
                    ? Optional.of("expected Forbidden (LKMM forbids, POWER is stronger), got " + got)
                    : Optional.empty();
        }
        if (!expected.equals(got)) return Optional.of("expected " + expected + ", got " + got);
        // Every execution ends in a final state, so herd's words (over executions) and ours
        // (over states) must agree too.
        String observation = row.getOrDefault("observation", "");
        if (!observation.isEmpty() && !observation.equals(c.judgement().observation())) {
            return Optional.of("expected Observation " + observation + ", got " + c.judgement().observation());
        }
        String result = row.getOrDefault("herd_result", "");
        String ours = c.judgement().ok() ? "Ok" : "No";
        if (!result.isEmpty() && !result.equals(ours)) return Optional.of("expected " + result + ", got " + ours);
        if (isLkmm(row) && row.containsKey("flags")) {
            Optional<String> flags = flagsProblem(row.get("flags"), c.outcome().flags());
            if (flags.isPresent()) return flags;
        }
        Path herdOut = base.resolve("herd-out").resolve(key + ".out");
        return HerdStates.read(herdOut).flatMap(herd -> statesProblem(herd, c));
    }

    /** herd7's {@code Flag} lines (the manifest's {@code flags}, ';'-separated) against ours. */
    private static Optional<String> flagsProblem(String herd, ModelFlags ours) {
        if (ours.undecided()) return Optional.of("flags not decided (herd7: " + (herd.isEmpty() ? "none" : herd) + ")");
        Set<String> expected = new java.util.TreeSet<>(Arrays.stream(herd.split(";")).filter(f -> !f.isEmpty()).toList());
        Set<String> got = new java.util.TreeSet<>(ours.raised());
        if (expected.equals(got)) return Optional.empty();
        return Optional.of("flags differ: herd7 " + (expected.isEmpty() ? "none" : String.join(";", expected))
                + ", ours " + (got.isEmpty() ? "none" : String.join(";", got)));
    }

    private static Optional<String> statesProblem(Set<Set<String>> herd, TestResult.Checked c) {
        Set<Set<String>> ours = HerdStates.of(c.outcome().states(), c.outcome().program().layout());
        if (ours.equals(herd)) return Optional.empty();
        Set<Set<String>> missing = new HashSet<>(herd);
        missing.removeAll(ours);
        Set<Set<String>> extra = new HashSet<>(ours);
        extra.removeAll(herd);
        return Optional.of("states differ: herd " + herd.size() + ", ours " + ours.size()
                + (missing.isEmpty() ? "" : "; missing " + sample(missing))
                + (extra.isEmpty() ? "" : "; extra " + sample(extra)));
    }

    /** A few states, each sorted, so a mismatch line stays readable. */
    private static String sample(Set<Set<String>> states) {
        List<String> shown = states.stream()
                .map(s -> s.stream().sorted().collect(Collectors.joining(" ", "{", "}")))
                .sorted().limit(3).collect(Collectors.toList());
        return String.join(" ", shown) + (states.size() > 3 ? " (+" + (states.size() - 3) + " more)" : "");
    }

    static boolean isLkmm(Map<String, String> row) {
        String model = row.getOrDefault("model", "");
        return model.equals(LKMM) || (model.isEmpty() && "C".equals(row.get("arch")));
    }

    private void unlisted(String key, TestResult r) {
        if (quiet) return;
        String what = switch (r) {
            case TestResult.Checked c -> c.judgement().verdict() + " (Observation " + c.judgement().observation()
                    + " " + c.judgement().positive() + " " + c.judgement().negative() + ")";
            case TestResult.TimedOut t -> "no result (timeout)";
            case TestResult.LimitReached l -> l.limit().report();
            case TestResult.InputError e -> e.error().getMessage();
            case TestResult.Unsupported u -> u.error().report();
            case TestResult.Crashed c -> c.message();
        };
        out.println(key + ": not in manifest, not compared: " + what);
    }

    private void unknown(String key, Map<String, String> row, String why) {
        unknown++;
        out.println("UNKNOWN " + key + ": expected " + row.get("verdict") + ", " + why);
    }

    private void fail(String key, String why) {
        failed++;
        out.println("FAIL " + key + ": " + why);
    }

    public String summary() {
        return passed + " passed, " + failed + " failed, " + unsupported + " unsupported, " + unknown + " unknown";
    }

    public int passed() { return passed; }

    public int failed() { return failed; }

    public int unsupported() { return unsupported; }

    public int unknown() { return unknown; }

    /** 1 when a test failed, else 3 when one could not be checked (unsupported or unknown), else 0. */
    public int exitCode() {
        if (failed > 0) return 1;
        return unsupported + unknown > 0 ? Status.UNKNOWN.exitCode : 0;
    }
}
