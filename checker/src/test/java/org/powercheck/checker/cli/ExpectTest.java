package org.powercheck.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --expect against the small fake manifest in src/test/resources/expect. */
class ExpectTest {
    private static Path resources() {
        try {
            return Path.of(ExpectTest.class.getResource("/expect/EXPECTED.tsv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CliRun expect(String... extra) {
        Path dir = resources();
        String[] args = new String[4 + extra.length];
        args[0] = "check";
        args[1] = "--expect";
        args[2] = dir.resolve("EXPECTED.tsv").toString();
        args[3] = "--jobs=2";
        System.arraycopy(extra, 0, args, 4, extra.length);
        return CliRun.of(FakeBackends.backends(), args);
    }

    @Test
    void countsPassesFailuresAndUnsupported() {
        Path dir = resources();
        CliRun r = expect(dir.resolve("ppc").toString(), dir.resolve("c").toString(), dir.resolve("unlisted").toString());
        List<String> lines = r.out().lines().toList();
        assertEquals("4 passed, 6 failed, 1 unsupported, 3 unknown", lines.get(lines.size() - 1), r.out());
        assertEquals(1, r.status());
        assertTrue(lines.contains("FAIL ppc/wrong-verdict.litmus: expected Forbidden, got Allowed"), r.out());
        assertTrue(lines.contains("FAIL ppc/wrong-observation.litmus: expected Observation Always, got Sometimes"), r.out());
        assertTrue(lines.contains("FAIL c/lkmm-forbidden.litmus: expected Forbidden (LKMM forbids, POWER is stronger), got Allowed"), r.out());
        assertTrue(lines.contains("FAIL c/lkmm-allowed-power.litmus: expected Forbidden (POWER, C-on-POWER.tsv), got Allowed"), r.out());
        assertTrue(lines.contains("FAIL ppc/wrong-states.litmus: states differ: herd 2, ours 2; missing {1:r1=0 [x]=1} {1:r1=1 [x]=1}; extra {1:r1=0} {1:r1=1}"), r.out());
        assertTrue(lines.contains("FAIL ppc/broken.litmus: input error: " + dir.resolve("ppc/broken.litmus") + ":3:7: expected ';'"), r.out());
        assertTrue(lines.contains("UNSUPPORTED ppc/unsupported.litmus: not supported yet: synchronize_rcu at "
                + dir.resolve("ppc/unsupported.litmus") + ":2:5"), r.out());
        assertTrue(lines.contains("UNKNOWN ppc/limit.litmus: expected Forbidden, engine limit: a program this large at "
                + dir.resolve("ppc/limit.litmus") + ":4:1"), r.out());
        assertTrue(lines.contains("UNKNOWN ppc/slow.litmus: expected Forbidden, no result within the time limit"), r.out());
        assertTrue(lines.contains("UNKNOWN ppc/boundcut.litmus: expected Forbidden, the unwinding bound cut some execution"
                + " and no counterexample was found within it"), r.out());
        assertTrue(lines.contains("unlisted/extra.litmus: not in manifest, not compared: Allowed (Observation Sometimes 1 1)"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void allPassingExitsZero() {
        Path dir = resources();
        CliRun r = expect(dir.resolve("ppc/pass.litmus").toString(), dir.resolve("ppc/states-match.litmus").toString());
        assertEquals("2 passed, 0 failed, 0 unsupported, 0 unknown\n", r.out());
        assertEquals(0, r.status());
    }

    @Test
    void aTestThatCouldNotBeCheckedIsNamedAndExitsThreeAlsoWhenQuiet() {
        Path dir = resources();
        for (String unchecked : List.of("unsupported", "limit", "slow", "boundcut")) {
            CliRun r = expect("-q", dir.resolve("ppc/pass.litmus").toString(), dir.resolve("ppc/" + unchecked + ".litmus").toString());
            List<String> lines = r.out().lines().toList();
            assertEquals(2, lines.size(), r.out());
            assertTrue(lines.get(0).matches("(UNSUPPORTED|UNKNOWN) ppc/" + unchecked + "\\.litmus: .*"), r.out());
            assertEquals(3, r.status(), r.out());
        }
    }

    @Test
    void aFailureOutranksTestsThatCouldNotBeChecked() {
        Path dir = resources();
        CliRun r = expect("-q", dir.resolve("ppc/wrong-verdict.litmus").toString(), dir.resolve("ppc/limit.litmus").toString());
        assertEquals("FAIL ppc/wrong-verdict.litmus: expected Forbidden, got Allowed\n"
                + "UNKNOWN ppc/limit.litmus: expected Forbidden, engine limit: a program this large at "
                + dir.resolve("ppc/limit.litmus") + ":4:1\n"
                + "0 passed, 1 failed, 0 unsupported, 1 unknown\n", r.out());
        assertEquals(1, r.status());
    }

    @Test
    void missingManifestIsOneLine() {
        CliRun r = CliRun.of(FakeBackends.backends(), "check", "--expect", "/nonexistent/EXPECTED.tsv",
                resources().resolve("ppc/pass.litmus").toString());
        assertEquals(2, r.status());
        assertEquals("/nonexistent/EXPECTED.tsv:0:0: no such file\n", r.err());
    }
}
