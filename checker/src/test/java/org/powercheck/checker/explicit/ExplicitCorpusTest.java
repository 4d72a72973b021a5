package org.powercheck.checker.explicit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.CheckTimeoutException;
import org.powercheck.checker.Judgement;
import org.powercheck.checker.Outcome;
import org.powercheck.checker.cli.ProjectPaths;
import org.powercheck.frontend.Frontend;
import org.powercheck.ir.Program;

/**
 * The explicit engine on the whole PPC corpus: for every test of ../shared/litmus/EXPECTED.tsv,
 * the final states must be herd7's (herd-out/PATH.out, the lines after "States N") and the
 * verdict must be the one in EXPECTED.tsv. Without ../shared it fails under CI, else is skipped.
 */
class ExplicitCorpusTest {
    @Test
    void ppcCorpusMatchesHerd() throws IOException {
        Path litmus = ProjectPaths.requireSharedLitmus("explicit corpus run");
        List<String> rows = Files.readAllLines(litmus.resolve("EXPECTED.tsv"));
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split("\t", -1);
            String path = f[0];
            if (!f[2].equals("PPC")) continue;
            compared++;
            try {
                Program p = Frontend.load(litmus.resolve(path));
                Outcome o = new ExplicitEngine().run(p, CheckOptions.defaults().withTimeoutMillis(60_000));
                List<String> states = o.states().stream().map(s -> s.format(p.layout())).toList();
                List<String> herd = herdStates(litmus.resolve("herd-out").resolve(path + ".out"));
                if (!new TreeSet<>(states).equals(new TreeSet<>(herd))) {
                    failures.add(path + ": states " + states + ", herd " + herd);
                }
                String verdict = Judgement.of(o).verdict();
                if (!verdict.equals(f[4])) failures.add(path + ": " + verdict + ", herd " + f[4]);
            } catch (CheckTimeoutException | RuntimeException e) {
                failures.add(path + ": " + e);
            }
        }
        assertTrue(compared > 1000, "suspiciously few PPC tests: " + compared);
        assertTrue(failures.isEmpty(), failures.size() + " of " + compared + " differ from herd7:\n"
                + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    /** The {@code N} lines after herd's {@code States N}. */
    private static List<String> herdStates(Path out) throws IOException {
        List<String> lines = Files.readAllLines(out);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("States ")) {
                int n = Integer.parseInt(lines.get(i).substring("States ".length()).trim());
                return lines.subList(i + 1, i + 1 + n).stream().map(String::trim).toList();
            }
        }
        throw new IllegalStateException("no States line in " + out);
    }
}
