package org.powercheck.checker.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.powercheck.checker.cli.ProjectPaths;

/**
 * The harnesses of {@code examples/kernel/realtree} run scenarios S1, S2 and S5 on a kernel
 * tree's own, unedited {@code arch/powerpc/kernel/smp.c}, {@code dbell.c} and
 * {@code kernel/task_work.c}, read with the tree's headers ({@code --kernel-tree TREE -I TREE}),
 * and must get the verdict the kernel-style harness of the same scenario gets
 * ({@code examples/kernel/harness/EXPECTED.tsv}): S1 safe; S2 with the sender's {@code smp_mb()}
 * taken out of a copy of smp.c a counterexample in the loop and safe through a new interrupt;
 * S5 safe, and a counterexample with a relaxed publishing cmpxchg. The edits are made to a copy
 * by {@code powercheck patch-check}, from a patch this test writes from the tree's own lines.
 * Opt-in, since the project ships no kernel text: {@code -Dpowercheck.kernelTree=DIR} (or
 * {@code POWERCHECK_KERNEL_TREE}) names an unpacked tree such as Debian's
 * {@code linux-source-6.1}; without one the test says so and is skipped. Each check runs as
 * {@code powercheck} runs it, in a JVM of its own with the launcher's flags.
 */
class KernelTreeHarnessTest {
    private static final long TIMEOUT_S = 900;

    /** The edits of the mutations: in which file of the tree, which line becomes which (null: dropped). */
    private record Edit(String file, String line, String replacement) {}

    private static final Map<String, Edit> EDITS = Map.of(
            "remove-set-message-mb", new Edit("arch/powerpc/kernel/smp.c", "\tsmp_mb();\n\tmessage[msg] = 1;", "\tmessage[msg] = 1;"),
            "relaxed-publish", new Edit("kernel/task_work.c", "\t} while (!try_cmpxchg(&task->task_works, &head, work));",
                    "\t} while (!try_cmpxchg_relaxed(&task->task_works, &head, work));"));

    record Row(String path, String edit, String counterpart, List<String> options) {
        @Override public String toString() {
            return path + (edit.equals("-") ? "" : " + " + edit);
        }
    }

    @TempDir
    Path dir;

    private static Path tree() {
        String named = System.getProperty("powercheck.kernelTree", System.getenv("POWERCHECK_KERNEL_TREE"));
        assumeTrue(named != null, "no kernel tree: set -Dpowercheck.kernelTree=DIR (an unpacked linux-source tree)"
                + " to check S1, S2 and S5 on its smp.c, dbell.c and task_work.c");
        Path tree = Path.of(named);
        assumeTrue(Files.isRegularFile(tree.resolve("arch/powerpc/kernel/smp.c")), "no arch/powerpc/kernel/smp.c in " + tree);
        return tree;
    }

    static Path folder() {
        return ProjectPaths.root().resolve("examples/kernel/realtree");
    }

    static Stream<Row> manifest() throws IOException {
        List<String> lines = Files.readAllLines(folder().resolve("EXPECTED.tsv"));
        return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t", -1))
                .map(f -> new Row(f[0], f[1], f[2], f[3].isBlank() ? List.of() : Arrays.asList(f[3].trim().split("\\s+"))));
    }

    /** The kernel-style harness's verdict, Ok or No, from its manifest. */
    private static String kernelStyleVerdict(String path) throws IOException {
        Path manifest = ProjectPaths.root().resolve("examples/kernel/harness/EXPECTED.tsv");
        List<String> lines = Files.readAllLines(manifest);
        List<String> header = List.of(lines.get(0).split("\t"));
        int p = header.indexOf("path"), result = header.indexOf("herd_result");
        return lines.stream().skip(1).map(l -> l.split("\t")).filter(f -> f[p].equals(path)).map(f -> f[result])
                .findFirst().orElseThrow(() -> new AssertionError(path + " is not in " + manifest));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifest")
    void harnessOverTheTreesFilesGetsTheKernelStyleVerdict(Row row) throws Exception {
        Path tree = tree();
        String expected = kernelStyleVerdict(row.counterpart());
        Path harness = folder().resolve(row.path());
        List<String> args = new ArrayList<>(List.of("--kernel-tree", tree.toString(), "-I", tree.toString()));
        args.addAll(row.options());
        if (row.edit().equals("-")) {
            List<String> check = new ArrayList<>(List.of("check", "--timeout", Long.toString(TIMEOUT_S)));
            check.addAll(args);
            check.add(harness.toString());
            Run run = powercheck(check);
            assertTrue(run.status() == 0 || run.status() == 1, row + ": exit " + run.status() + "\n" + run.out());
            String verdict = run.out().lines().filter(l -> l.equals("Ok") || l.equals("No")).findFirst().orElse("(none)");
            assertEquals(expected, verdict, run.out());
            return;
        }
        List<String> patchCheck = new ArrayList<>(List.of("patch-check", "--source", tree.toString(), "--patch",
                patch(tree, EDITS.get(row.edit())).toString(), "--timeout", Long.toString(TIMEOUT_S)));
        patchCheck.addAll(args);
        patchCheck.add(harness.toString());
        Run run = powercheck(patchCheck);
        String name = Files.readString(harness).lines().findFirst().orElseThrow().substring(2).trim();
        String line = run.out().lines().filter(l -> l.startsWith(name + " ")).findFirst().orElse("(none)");
        // before: the unedited files, safe; after: the kernel-style mutation's verdict
        String after = expected.equals("Ok") ? "safe" : "counterexample";
        assertTrue(line.matches(java.util.regex.Pattern.quote(name) + "\\s+safe\\s+" + after + "\\s.*"),
                row + ": exit " + run.status() + "\n" + run.out());
    }

    /** A unified diff of the edit, made from the tree's own file, as a patch to it. */
    private Path patch(Path tree, Edit edit) throws IOException {
        String text = Files.readString(tree.resolve(edit.file()));
        assumeTrue(text.contains(edit.line()), edit.file() + " of this tree has no line " + edit.line().strip());
        List<String> before = text.lines().toList();
        List<String> after = text.replace(edit.line(), edit.replacement()).lines().toList();
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("a/" + edit.file(), "b/" + edit.file(), before,
                DiffUtils.diff(before, after), 3);
        Path p = dir.resolve(edit.file().replace('/', '-') + ".patch");
        Files.write(p, diff, StandardCharsets.UTF_8);
        return p;
    }

    private record Run(int status, String out) {}

    private static Run powercheck(List<String> args) throws IOException, InterruptedException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(javaBin, "--enable-preview", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xss16m", "-cp", System.getProperty("java.class.path"),
                "org.powercheck.checker.cli.Main"));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }
}
