package org.powercheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.powercheck.checker.cli.CliRun;
import org.powercheck.checker.cli.ProjectPaths;

/**
 * The kernel's own LKMM files ({@code tools/memory-model/linux-kernel.cat} with the bell its
 * linux-kernel.cfg names, lock.cat and linux-kernel.def beside it) through {@code --cat} give the
 * results of {@code --model lkmm} on every C test: the same Observation line per test, flags
 * included. The files of Linux v6.6 (shared/cat/lkmm-v6.6, required under CI) and, with
 * {@code -Dpowercheck.kernelTree=DIR}, those of that tree.
 */
class KernelLkmmCatTest {
    private static final Pattern OBSERVATION = Pattern.compile("^Observation (\\S+) .*$");

    @Test
    void linuxV66FilesMatchTheBuiltInLkmm() {
        compare(ProjectPaths.requireSharedCat("lkmm-v6.6/linux-kernel.cat", "the kernel's LKMM files (v6.6)"));
    }

    @Test
    void kernelTreeFilesMatchTheBuiltInLkmm() {
        String named = System.getProperty("powercheck.kernelTree", System.getenv("POWERCHECK_KERNEL_TREE"));
        assumeTrue(named != null, "no kernel tree: set -Dpowercheck.kernelTree=DIR (an unpacked linux-source tree) "
                + "to compare its tools/memory-model files with the built-in LKMM");
        Path cat = Path.of(named).resolve("tools/memory-model/linux-kernel.cat");
        assertTrue(Files.isRegularFile(cat), "no tools/memory-model/linux-kernel.cat in " + named);
        Path v66 = ProjectPaths.requireSharedCat("lkmm-v6.6/linux-kernel.cat", "the kernel's LKMM files (v6.6)");
        if (sameFiles(cat.getParent(), v66.getParent())) {
            compare(cat);
            return;
        }
        // Another version of the model (v6.1's has no carry-dep through plain accesses and
        // matches SRCU sections by nesting): its verdicts may differ from the v6.6 built-in;
        // it must still read whole and check every test.
        Path c = ProjectPaths.requireSharedLitmus("the kernel's LKMM files").resolve("c");
        CliRun kernel = CliRun.real("check", "-q", "--timeout", "120", "--cat", cat.toString(), c.toString());
        assertTrue(kernel.status() == 0 || kernel.status() == 1, "status " + kernel.status() + ":\n" + kernel.err());
        CliRun builtIn = CliRun.real("check", "-q", "--timeout", "120", "--model", "lkmm", c.toString());
        assertEquals(observations(builtIn.out()).keySet(), observations(kernel.out()).keySet());
    }

    private static boolean sameFiles(Path a, Path b) {
        try {
            for (String f : List.of("linux-kernel.cat", "linux-kernel.bell", "lock.cat", "linux-kernel.def")) {
                if (!Files.readString(a.resolve(f)).equals(Files.readString(b.resolve(f)))) return false;
            }
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void compare(Path cat) {
        Path c = ProjectPaths.requireSharedLitmus("the kernel's LKMM files against the built-in").resolve("c");
        CliRun kernel = CliRun.real("check", "-q", "--timeout", "120", "--cat", cat.toString(), c.toString());
        assertTrue(kernel.status() != 2, "the kernel's files are refused:\n" + kernel.err());
        CliRun builtIn = CliRun.real("check", "-q", "--timeout", "120", "--model", "lkmm", c.toString());
        Map<String, String> expected = observations(builtIn.out());
        Map<String, String> got = observations(kernel.out());
        assertTrue(expected.size() > 100, "suspiciously few tests under the built-in LKMM: " + expected.size());
        List<String> differ = new ArrayList<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String ours = got.get(e.getKey());
            if (!e.getValue().equals(ours)) differ.add("built-in: " + e.getValue() + "\n  " + cat.getFileName() + ": " + ours);
        }
        assertTrue(differ.isEmpty(), differ.size() + " of " + expected.size() + " tests differ:\n"
                + String.join("\n", differ.subList(0, Math.min(20, differ.size()))) + "\nstderr of --cat:\n"
                + kernel.err().lines().limit(20).reduce("", (a, b) -> a + b + "\n"));
    }

    /** Test name to its Observation line. */
    private static Map<String, String> observations(String out) {
        Map<String, String> m = new TreeMap<>();
        for (String line : out.lines().toList()) {
            Matcher o = OBSERVATION.matcher(line);
            if (o.matches()) m.put(o.group(1), line);
        }
        return m;
    }
}
