package org.powercheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.powercheck.checker.cli.CliRun;
import org.powercheck.checker.cli.ProjectPaths;
import org.powercheck.checker.report.KnownDifferences;
import org.powercheck.checker.report.ModelDirection;

/**
 * {@code check --model both} on the C corpus: the tests where POWER allows what the LKMM
 * forbids are exactly the {@code power-allows-lkmm-forbids} rows of
 * {@code examples/litmus/kernel-lkmm-differences.tsv}, each printed with its reason, and every
 * other listed row differs in its direction. A test that cannot be compared (a primitive without
 * semantics on POWER or under the LKMM, a data race) is counted, named by its reason, and never
 * taken for agreement; when more primitives get semantics, the new differences go into the file
 * and nothing here changes.
 */
class KernelLkmmDifferencesTest {
    private static final Pattern SUMMARY = Pattern.compile(
            "^(\\d+) tests: (\\d+) same verdict, (\\d+) POWER allows what the LKMM forbids \\((\\d+) listed\\), "
                    + "(\\d+) the LKMM allows what POWER forbids, (\\d+) not compared$");
    private static final Pattern TEST_LINE = Pattern.compile("^(\\S+): POWER (.*?), LKMM (.*)$");
    /** Why a side has no verdict: the only acceptable one (every primitive is supported on both sides). */
    private static final Pattern NO_VERDICT = Pattern.compile("not judged \\(flags .*");
    private static final Pattern FLAGGED = Pattern.compile("not judged \\(flags ([^:]+):.*");

    static Path differencesFile() {
        return ProjectPaths.examples().resolve("kernel-lkmm-differences.tsv");
    }

    /** The listed tests of one direction. */
    static Set<String> listed(ModelDirection d) {
        return KnownDifferences.read(differencesFile()).rows().stream().filter(k -> k.direction() == d)
                .map(KnownDifferences.Known::path).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void powerAllowsWhatTheLkmmForbidsOnlyWhereListed() throws IOException {
        Path litmus = ProjectPaths.requireSharedLitmus("POWER against LKMM differences");
        CliRun run = CliRun.real("check", "--model", "both", "--timeout", "120",
                "--expect", litmus.resolve("EXPECTED.tsv").toString(),
                "--differences", differencesFile().toString(), litmus.resolve("c").toString());
        List<String> lines = run.out().lines().toList();
        Matcher summary = SUMMARY.matcher(lines.isEmpty() ? "" : lines.get(lines.size() - 1));
        assertTrue(summary.matches(), "no summary line: " + (lines.isEmpty() ? "" : lines.get(lines.size() - 1))
                + "; stderr: " + run.err());

        Map<String, String> sides = new LinkedHashMap<>();
        Map<ModelDirection, Set<String>> found = new LinkedHashMap<>();
        Set<String> withReason = new TreeSet<>();
        List<String> noVerdictWithoutReason = new ArrayList<>();
        Map<String, String> flagged = new java.util.TreeMap<>();
        String current = null;
        for (String line : lines.subList(0, lines.size() - 1)) {
            Matcher t = TEST_LINE.matcher(line);
            if (t.matches()) {
                current = t.group(1);
                sides.put(current, line);
                Matcher f = FLAGGED.matcher(t.group(3));
                if (f.matches()) flagged.put(current, f.group(1));
                boolean power = t.group(2).equals("Allowed") || t.group(2).equals("Forbidden");
                boolean lkmm = t.group(3).startsWith("Allowed") || t.group(3).startsWith("Forbidden");
                if (!power && !NO_VERDICT.matcher(t.group(2)).matches()
                        || !lkmm && !NO_VERDICT.matcher(t.group(3)).matches()) {
                    noVerdictWithoutReason.add(line);
                }
            } else if (line.startsWith("  DIFFERENCE: ")) {
                String description = line.substring("  DIFFERENCE: ".length());
                for (ModelDirection d : ModelDirection.values()) {
                    if (d.description.equals(description)) found.computeIfAbsent(d, x -> new TreeSet<>()).add(current);
                }
            } else if (line.startsWith("  known (kernel-lkmm-differences.tsv): ")) {
                withReason.add(current);
            }
        }
        int total = Integer.parseInt(summary.group(1));
        assertEquals(total, sides.size(), "each test is printed once");
        assertEquals(318, total, "every test of the C corpus is compared or counted");
        assertTrue(noVerdictWithoutReason.isEmpty(), "tests without a verdict for a reason other than "
                + "a flag (an unsupported primitive, an unknown result):\n" + String.join("\n", noVerdictWithoutReason));

        // The tests left out for their flags are those herd7 flags, with the same flags.
        List<String> manifest = java.nio.file.Files.readAllLines(litmus.resolve("EXPECTED.tsv"));
        List<String> header = List.of(manifest.get(0).split("\t"));
        Map<String, String> herdFlags = new java.util.TreeMap<>();
        for (String row : manifest.subList(1, manifest.size())) {
            String[] cols = row.split("\t", -1);
            String flags = cols[header.indexOf("flags")];
            if (cols[header.indexOf("path")].startsWith("c/") && !flags.isEmpty()) {
                herdFlags.put(cols[header.indexOf("path")],
                        java.util.Arrays.stream(flags.split(";")).sorted().collect(Collectors.joining(";")));
            }
        }
        assertEquals(herdFlags, flagged, "the tests not judged for their flags, and the flags, are herd7's");

        Set<String> powerWeaker = found.getOrDefault(ModelDirection.POWER_ALLOWS_LKMM_FORBIDS, Set.of());
        Set<String> listedPowerWeaker = listed(ModelDirection.POWER_ALLOWS_LKMM_FORBIDS);
        assertEquals(listedPowerWeaker, powerWeaker, "POWER allows what the LKMM forbids, listed or not");
        assertEquals(listedPowerWeaker, withReason, "each listed difference is printed with its reason");
        assertTrue(found.getOrDefault(ModelDirection.LKMM_ALLOWS_POWER_FORBIDS, Set.of())
                        .containsAll(listed(ModelDirection.LKMM_ALLOWS_POWER_FORBIDS)),
                "a listed lkmm-allows-power-forbids row no longer differs");
        assertEquals(String.valueOf(listedPowerWeaker.size()), summary.group(4), summary.group());

        int notCompared = Integer.parseInt(summary.group(6));
        System.out.println("KernelLkmmDifferencesTest: " + summary.group() + " (not compared: flagged by the LKMM)");
        assertEquals(flagged.size(), notCompared, "the tests not compared are the flagged ones");
        assertEquals(total, Integer.parseInt(summary.group(2)) + powerWeaker.size()
                + Integer.parseInt(summary.group(5)) + notCompared, summary.group());
    }
}
