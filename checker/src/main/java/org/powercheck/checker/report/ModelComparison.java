package org.powercheck.checker.report;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.powercheck.checker.Judgement;
import org.powercheck.checker.trace.UnorderedSteps;
import org.powercheck.ir.Condition;

/**
 * {@code check --model both}: each test's verdict on POWER beside its verdict under the LKMM, and
 * the tests where they differ. The LKMM verdict is powercheck's own; where powercheck cannot yet
 * check a test under the LKMM (a primitive without LKMM semantics), it is herd7's from the
 * manifest given with {@code --expect}, marked {@code (herd7)}; a test herd7 flags (a data race)
 * has no LKMM verdict to compare. A difference listed in the
 * known-differences file gets its reason; POWER's side of a difference is explained by the
 * program-order steps of its witness that nothing orders.
 */
public final class ModelComparison {
    /** One model's verdict on a test: the words to print and whether the outcome is reachable (empty: no verdict). */
    public record Side(String text, Optional<Boolean> reaches) { }

    /** One test compared. */
    public record Compared(String key, Side power, Side lkmm, Optional<ModelDirection> direction,
                           Optional<KnownDifferences.Known> known, List<String> powerWhy) { }

    private final Optional<Path> manifestDir;
    private final Optional<Tsv> manifest;
    private final KnownDifferences known;
    private final PrintStream out;
    private final boolean quiet;
    private final List<Compared> compared = new ArrayList<>();

    public ModelComparison(Optional<Path> manifestFile, KnownDifferences known, PrintStream out, boolean quiet) {
        this.manifestDir = manifestFile.map(f -> f.toAbsolutePath().normalize().getParent());
        this.manifest = manifestFile.map(f -> Tsv.read(f, "path", List.of("path", "verdict")));
        this.known = known;
        this.out = out;
        this.quiet = quiet;
    }

    /** Compares the two results of one test, prints them and keeps the count. */
    public Compared accept(TestResult power, TestResult lkmm) {
        Optional<ManifestKey> located = manifestDir.flatMap(d -> ManifestKey.locate(d, power.file(),
                k -> manifest.get().row(k) != null));
        String key = located.map(ManifestKey::key).orElse(power.file().toString());
        Optional<Map<String, String>> row = located.map(k -> manifest.get().row(k.key()));
        Side p = side(power);
        Side l = lkmmSide(lkmm, row);
        Optional<ModelDirection> direction = p.reaches().isPresent() && l.reaches().isPresent()
                ? Optional.of(ModelDirection.of(p.reaches().get(), l.reaches().get()))
                : Optional.empty();
        Optional<KnownDifferences.Known> listed = known.of(power.file());
        List<String> why = direction.filter(d -> d == ModelDirection.POWER_ALLOWS_LKMM_FORBIDS).isPresent()
                ? powerWhy(power) : List.of();
        Compared c = new Compared(key, p, l, direction, listed, why);
        compared.add(c);
        print(c);
        return c;
    }

    private void print(Compared c) {
        boolean differs = c.direction().filter(d -> d != ModelDirection.SAME).isPresent();
        if (quiet && !differs) return;
        out.println(c.key() + ": POWER " + c.power().text() + ", LKMM " + c.lkmm().text());
        if (!differs) return;
        ModelDirection d = c.direction().get();
        out.println("  DIFFERENCE: " + d.description);
        if (c.known().isPresent() && c.known().get().direction() == d) {
            out.println("  known (" + known.fileName() + "): " + c.known().get().reason());
        } else if (c.known().isPresent()) {
            out.println("  listed in " + known.fileName() + " as " + c.known().get().direction().word
                    + ", but it is " + d.word + ": " + c.known().get().reason());
        } else if (d == ModelDirection.POWER_ALLOWS_LKMM_FORBIDS) {
            out.println("  not listed" + (known.fileName().isEmpty() ? "" : " in " + known.fileName()));
        }
        for (String s : c.powerWhy()) out.println("  on POWER, " + s);
    }

    static Side side(TestResult r) {
        return switch (r) {
            case TestResult.Checked c -> checkedSide(c);
            case TestResult.Unsupported u -> new Side(u.error().report(), Optional.empty());
            case TestResult.InputError e -> new Side("input error: " + e.error().getMessage(), Optional.empty());
            case TestResult.TimedOut t -> new Side("unknown (no result within the time limit)", Optional.empty());
            case TestResult.LimitReached l -> new Side("unknown (" + l.limit().report() + ")", Optional.empty());
            case TestResult.Crashed c -> new Side(c.message(), Optional.empty());
        };
    }

    /**
     * The outcome a condition asks about is reachable when some state satisfies P ({@code exists},
     * {@code ~exists}) or some state violates it ({@code forall}); a cut execution leaves an
     * unreached outcome undecided.
     */
    private static Side checkedSide(TestResult.Checked c) {
        Judgement j = c.judgement();
        boolean reaches = j.quantifier() == Condition.Quantifier.FORALL ? j.negative() > 0 : j.positive() > 0;
        if (!reaches && c.outcome().anyCut()) {
            return new Side("unknown (the unwinding bound cut some execution)", Optional.empty());
        }
        return new Side(j.verdict(), Optional.of(reaches));
    }

    private static Side lkmmSide(TestResult r, Optional<Map<String, String>> row) {
        if (r instanceof TestResult.Checked c && c.outcome().program().arch() != org.powercheck.ir.Program.Arch.C) {
            return new Side("not judged (not a C test)", Optional.empty());
        }
        Side ours = side(r);
        if (r instanceof TestResult.Checked c && !c.outcome().flags().raised().isEmpty()) {
            // A flagged execution (a data race, an unmatched unlock, ...) gives the test no meaning under the LKMM.
            return new Side("not judged (flags " + String.join(";", c.outcome().flags().raised())
                    + ": the LKMM gives such tests no meaning; here: " + ours.text() + ")", Optional.empty());
        }
        if (r instanceof TestResult.Checked c && c.outcome().flags().undecided()) {
            return new Side("not judged (the LKMM's flags were not decided; here: " + ours.text() + ")", Optional.empty());
        }
        if (row.isEmpty() || !CorpusComparison.isLkmm(row.get())) return ours;
        Map<String, String> herd = row.get();
        if (ours.reaches().isPresent()) return ours;
        boolean forall = "forall".equals(herd.getOrDefault("cond", ""));
        String verdict = herd.get("verdict");
        boolean reaches = forall ? !"Always".equals(herd.getOrDefault("observation", "")) : "Allowed".equals(verdict);
        return new Side(verdict + " (herd7; here: " + ours.text() + ")", Optional.of(reaches));
    }

    private static List<String> powerWhy(TestResult power) {
        if (!(power instanceof TestResult.Checked c)) return List.of();
        return c.outcome().witness().flatMap(w -> w.execution()).map(UnorderedSteps::of).orElse(List.of());
    }

    public List<Compared> compared() {
        return List.copyOf(compared);
    }

    public long count(ModelDirection d) {
        return compared.stream().filter(c -> c.direction().equals(Optional.of(d))).count();
    }

    public String summary() {
        long listed = compared.stream().filter(c -> c.direction().equals(Optional.of(ModelDirection.POWER_ALLOWS_LKMM_FORBIDS))
                && c.known().filter(k -> k.direction() == ModelDirection.POWER_ALLOWS_LKMM_FORBIDS).isPresent()).count();
        long notCompared = compared.stream().filter(c -> c.direction().isEmpty()).count();
        return compared.size() + " tests: " + count(ModelDirection.SAME) + " same verdict, "
                + count(ModelDirection.POWER_ALLOWS_LKMM_FORBIDS) + " POWER allows what the LKMM forbids ("
                + listed + " listed), " + count(ModelDirection.LKMM_ALLOWS_POWER_FORBIDS)
                + " the LKMM allows what POWER forbids, " + notCompared + " not compared";
    }
}
