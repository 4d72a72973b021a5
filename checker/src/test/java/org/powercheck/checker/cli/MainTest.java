package org.powercheck.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MainTest {
    @TempDir
    Path dir;

    private CliRun check(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "check";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.of(FakeBackends.backends(), all);
    }

    private String file(String scenario) {
        return FakeBackends.write(dir, scenario + ".litmus", scenario).toString();
    }

    @ParameterizedTest(name = "{0} -> exit {1}")
    @CsvSource({
            "reachable, 1", "unreachable, 0", "always, 1",
            "notexists-holds, 0", "notexists-violated, 1",
            "forall-holds, 0", "forall-violated, 1",
            "boundcut, 3", "boundcut-reachable, 1",
            "slow, 3", "crash, 3", "syntax-error, 2", "unsupported, 2"})
    void exitStatusFollowsTheCondition(String scenario, int status) {
        assertEquals(status, check(file(scenario)).status());
    }

    @Test
    void severalTestsTakeTheMostSeriousStatus() {
        assertEquals(1, check(file("unreachable"), file("reachable")).status());
        assertEquals(3, check(file("reachable"), file("boundcut"), file("unreachable")).status());
        assertEquals(2, check(file("boundcut"), file("syntax-error"), file("reachable")).status());
        assertEquals(0, check(file("unreachable"), file("notexists-holds"), file("forall-holds")).status());
    }

    @Test
    void badFlagIsOneLineAndStatusTwo() {
        CliRun r = check("--bogus", file("reachable"));
        assertEquals(2, r.status());
        assertEquals(1, r.errLines(), r.err());
        assertTrue(r.err().contains("--bogus"), r.err());
        assertEquals("", r.out());
    }

    @ParameterizedTest
    @CsvSource({"--jobs, 0", "--jobs, x", "--unwind, -1", "--timeout, soon", "--format, xml", "--engine, magic"})
    void badFlagValuesAreOneLine(String flag, String value) {
        CliRun r = check(flag, value, file("reachable"));
        assertEquals(2, r.status());
        assertEquals(1, r.errLines(), r.err());
        assertTrue(r.err().contains(flag), r.err());
    }

    @Test
    void missingFileIsOneLineWithPosition() {
        String missing = dir.resolve("nope.litmus").toString();
        CliRun r = check(missing);
        assertEquals(2, r.status());
        assertEquals(missing + ":0:0: no such file or folder\n", r.err());
    }

    @Test
    void syntaxErrorIsReportedAtItsPositionAndTheOtherTestsStillRun() {
        String bad = file("syntax-error");
        CliRun r = check(bad, file("unreachable"));
        assertEquals(2, r.status());
        assertEquals(bad + ":3:7: expected ';'\n", r.err());
        assertTrue(r.out().contains("Test unreachable Allowed"), r.out());
    }

    @Test
    void crashIsOneLineWithoutStackTrace() {
        CliRun r = check(file("crash"));
        assertEquals(1, r.errLines(), r.err());
        assertTrue(r.err().contains("internal error: IllegalStateException: engine bug"), r.err());
    }

    @Test
    void bugsOutsideTheEngineAreOneLineToo() {
        String f = file("loader-bug");
        CliRun checked = check(f);
        assertEquals(3, checked.status());
        assertEquals(1, checked.errLines(), checked.err());
        CliRun parsed = CliRun.of(FakeBackends.backends(), "parse", f);
        assertEquals(3, parsed.status());
        assertEquals(1, parsed.errLines(), parsed.err());
        assertTrue(parsed.err().startsWith("powercheck: internal error: java.lang.IllegalStateException: loader bug"), parsed.err());
    }

    @Test
    void noArgumentsPrintsUsageAndStatusTwo() {
        CliRun r = CliRun.of(FakeBackends.backends());
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("usage: powercheck"), r.err());
    }

    @Test
    void unknownCommandIsOneLine() {
        CliRun r = CliRun.of(FakeBackends.backends(), "chek", "x");
        assertEquals(2, r.status());
        assertEquals("powercheck: unknown command 'chek' (see: powercheck --help)\n", r.err());
    }

    @Test
    void helpAndVersion() {
        CliRun help = CliRun.of(FakeBackends.backends(), "--help");
        assertEquals(0, help.status());
        for (String c : List.of("check", "bench", "parse")) assertTrue(help.out().contains("  " + c + " "), c);
        CliRun checkHelp = CliRun.of(FakeBackends.backends(), "check", "--help");
        assertEquals(0, checkHelp.status());
        for (String flag : List.of("--format", "--expect", "--timeout", "--jobs", "--engine", "--unwind", "--quiet", "not in the manifest")) {
            assertTrue(checkHelp.out().replaceAll("\\s+", " ").contains(flag), flag);
        }
        assertTrue(CliRun.of(FakeBackends.backends(), "bench", "--help").out().contains("--compare-herd"));
        assertTrue(CliRun.of(FakeBackends.backends(), "parse", "--help").out().contains("powercheck parse"));
        CliRun version = CliRun.of(FakeBackends.backends(), "--version");
        assertEquals(0, version.status());
        assertTrue(version.out().startsWith("powercheck "), version.out());
    }

    @Test
    void resultsComeInInputOrderWithManyJobs() {
        List<String> scenarios = List.of("reachable", "unreachable", "always", "notexists-holds", "forall-holds");
        String[] args = new String[2 + 40];
        args[0] = "--jobs";
        args[1] = "4";
        for (int i = 0; i < 40; i++) {
            String s = scenarios.get(i % scenarios.size());
            args[2 + i] = FakeBackends.write(dir, "t" + i + ".litmus", s).toString();
        }
        CliRun r = check(args);
        List<String> names = r.out().lines().filter(l -> l.startsWith("Test ")).map(l -> l.split(" ")[1]).toList();
        for (int i = 0; i < 40; i++) assertEquals("t" + i, names.get(i));
    }

    @Test
    void foldersAreSearchedRecursivelyInSortedOrder() {
        FakeBackends.write(dir, "b/z.litmus", "unreachable");
        FakeBackends.write(dir, "b/a.litmus", "unreachable");
        FakeBackends.write(dir, "a.litmus", "unreachable");
        FakeBackends.write(dir, "b/notes.txt", "unreachable");
        CliRun r = check(dir.toString());
        List<String> names = r.out().lines().filter(l -> l.startsWith("Test ")).map(l -> l.split(" ")[1]).toList();
        assertEquals(List.of("a", "a", "z"), names);
        assertEquals(0, r.status());
    }

    @Test
    void quietPrintsOneLinePerTest() {
        CliRun r = check("-q", file("reachable"), file("boundcut"));
        assertEquals(List.of("Observation reachable Sometimes 1 1", "Observation boundcut Never 0 1 (bound cut)"),
                r.out().lines().toList());
    }

    @Test
    void boundCutSaysTheVerdictIsUnknown() {
        CliRun r = check("--unwind", "3", file("boundcut"));
        assertTrue(r.out().contains("\nLoop No\n"), r.out());
        assertTrue(r.out().contains("Bound boundcut: the unwinding bound 3 cut some execution; the verdict is unknown"), r.out());
        CliRun cex = check(file("boundcut-reachable"));
        assertTrue(cex.out().contains("the counterexample above is real"), cex.out());
    }

    @Test
    void timeoutIsReportedAsUnknown() {
        CliRun r = check("--timeout", "0.5", file("slow"));
        assertEquals(3, r.status());
        assertTrue(r.out().startsWith("Test slow Unknown\nTimeout slow: no result within the time limit\n"), r.out());
    }

    @Test
    void expectWithFormatIsAUsageError() {
        CliRun r = check("--expect", "x.tsv", "--format", "json", file("reachable"));
        assertEquals(2, r.status());
        assertEquals(1, r.errLines());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
