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
        assertEquals("4 passed, 6 failed, 1 unsupported", lines.get(lines.size() - 1), r.out());
        assertEquals(1, r.status());
        assertTrue(lines.contains("FAIL ppc/wrong-verdict.litmus: expected Forbidden, got Allowed"), r.out());
        assertTrue(lines.contains("FAIL ppc/wrong-observation.litmus: expected Observation Always, got Sometimes"), r.out());
        assertTrue(lines.contains("FAIL c/lkmm-forbidden.litmus: expected Forbidden (LKMM forbids, POWER is stronger), got Allowed"), r.out());
        assertTrue(lines.contains("FAIL c/lkmm-allowed-power.litmus: expected Forbidden (POWER, C-on-POWER.tsv), got Allowed"), r.out());
        assertTrue(lines.contains("FAIL ppc/wrong-states.litmus: states differ: herd 2, ours 2; missing {1:r1=0 [x]=1} {1:r1=1 [x]=1}; extra {1:r1=0} {1:r1=1}"), r.out());
        assertTrue(lines.contains("FAIL ppc/broken.litmus: input error: " + dir.resolve("ppc/broken.litmus") + ":3:7: expected ';'"), r.out());
        assertTrue(lines.contains("not supported yet: synchronize_rcu at " + dir.resolve("ppc/unsupported.litmus") + ":2:5"), r.out());
        assertTrue(lines.contains("unlisted/extra.litmus: not in manifest, not compared: Allowed (Observation Sometimes 1 1)"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void allPassingExitsZero() {
        Path dir = resources();
        CliRun r = expect(dir.resolve("ppc/pass.litmus").toString(), dir.resolve("ppc/states-match.litmus").toString(),
                dir.resolve("ppc/unsupported.litmus").toString());
        assertEquals("2 passed, 0 failed, 1 unsupported\n", r.out().substring(r.out().lastIndexOf('\n', r.out().length() - 2) + 1));
        assertEquals(0, r.status());
    }

    @Test
    void quietShowsOnlyFailuresAndTheSummary() {
        Path dir = resources();
        CliRun r = expect("-q", dir.resolve("ppc").toString(), dir.resolve("unlisted").toString());
        assertTrue(r.out().lines().allMatch(l -> l.startsWith("FAIL ") || l.endsWith(" unsupported")), r.out());
    }

    @Test
    void missingManifestIsOneLine() {
        CliRun r = CliRun.of(FakeBackends.backends(), "check", "--expect", "/nonexistent/EXPECTED.tsv",
                resources().resolve("ppc/pass.litmus").toString());
        assertEquals(2, r.status());
        assertEquals("/nonexistent/EXPECTED.tsv:0:0: no such file\n", r.err());
    }
}
