package org.powercheck.checker.sat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.Judgement;
import org.powercheck.checker.Outcome;
import org.powercheck.frontend.Frontend;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Program;

/**
 * Runs the SAT engine over a herd-judged corpus and compares state sets and verdicts with
 * herd7's output. Usage: {@code CorpusRun LITMUS_DIR EXPECTED.tsv [reps] [filter]}.
 */
public final class CorpusRun {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        List<String> rows = Files.readAllLines(Path.of(args[1]));
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        String filter = args.length > 3 ? args[3] : "";
        SatEngine engine = new SatEngine();
        int ok = 0, bad = 0, skipped = 0, verdictOk = 0;
        List<Long> times = new ArrayList<>();
        long total = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split("\t", -1);
            if (!f[2].equals("PPC") || !f[0].contains(filter)) continue;
            Path file = root.resolve(f[0]);
            Program p;
            try {
                p = Frontend.load(file);
            } catch (InputException e) {
                skipped++;
                System.out.println("SKIP " + f[0] + ": " + e.getMessage());
                continue;
            }
            Outcome o = null;
            long best = Long.MAX_VALUE;
            try {
                for (int r = 0; r < reps; r++) {
                    long t0 = System.nanoTime();
                    o = engine.run(p, CheckOptions.defaults().withTimeoutMillis(60_000));
                    best = Math.min(best, System.nanoTime() - t0);
                }
            } catch (Exception | StackOverflowError e) {
                bad++;
                System.out.println("ERROR " + f[0] + ": " + e);
                e.printStackTrace(System.out);
                continue;
            }
            times.add(best);
            total += best;
            TreeSet<String> ours = new TreeSet<>();
            o.states().forEach(s -> ours.add(s.format(p.layout())));
            TreeSet<String> herd = herdStates(root.resolve("herd-out").resolve(f[0] + ".out"));
            Judgement j = Judgement.of(o);
            boolean verdict = j.verdict().equals(f[4]) && j.observation().equals(f[5]) && (j.ok() ? "Ok" : "No").equals(f[9]);
            if (verdict) verdictOk++;
            if (ours.equals(herd) && verdict) {
                ok++;
            } else {
                bad++;
                TreeSet<String> missing = new TreeSet<>(herd);
                missing.removeAll(ours);
                TreeSet<String> extra = new TreeSet<>(ours);
                extra.removeAll(herd);
                System.out.println("DIFF " + f[0] + " verdict=" + j.verdict() + "/" + j.observation() + " herd="
                        + f[4] + "/" + f[5] + " missing=" + missing + " extra=" + extra + " cut=" + o.boundCut());
            }
            if (best > 50_000_000L) System.out.printf("SLOW %s %.1f ms%n", f[0], best / 1e6);
        }
        long[] ts = times.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(ts);
        System.out.printf("agree=%d differ=%d skipped=%d verdictOk=%d median=%.3f ms p90=%.3f ms max=%.1f ms total=%.2f s%n",
                ok, bad, skipped, verdictOk, ts.length == 0 ? 0 : ts[ts.length / 2] / 1e6,
                ts.length == 0 ? 0 : ts[ts.length * 9 / 10] / 1e6, ts.length == 0 ? 0 : ts[ts.length - 1] / 1e6,
                total / 1e9);
    }

    static TreeSet<String> herdStates(Path out) throws Exception {
        TreeSet<String> states = new TreeSet<>();
        boolean in = false;
        for (String line : Files.readAllLines(out)) {
            if (line.startsWith("States ")) { in = true; continue; }
            if (in && (line.equals("Ok") || line.equals("No") || line.startsWith("Loop"))) break;
            if (in) states.add(line.trim());
        }
        return states;
    }
}
