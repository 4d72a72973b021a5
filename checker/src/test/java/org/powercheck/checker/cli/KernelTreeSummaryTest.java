package org.powercheck.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code powercheck parse --kernel-tree DIR --summary FILE...}: on the frontend's fake tree
 * always, and on the five files of issue 14 in a real tree when one is given
 * ({@code -Dpowercheck.kernelTree=DIR}, the Debian linux-source-6.1 tree); without one that test
 * says so and is skipped.
 */
class KernelTreeSummaryTest {
    private static final Path FAKE = Path.of("../frontend/src/test/resources/org/powercheck/frontend/kernel/fake-tree");
    private static final List<String> FILES = List.of("arch/powerpc/kernel/smp.c", "arch/powerpc/kernel/dbell.c",
            "kernel/task_work.c", "io_uring/io_uring.c", "io_uring/io-wq.c");
    private static final Pattern FILE_LINE = Pattern.compile("(?m)^(\\S+): (\\d+) of (\\d+) functions lower \\(");
    /**
     * The share of the five files' functions that lower on linux-source-6.1, as measured: 273 of
     * 301 on 6.1.192 (272 of 300 on 6.1.176). Issue 14 asks for at least 90%.
     */
    private static final double LOWERED_AT_LEAST = 0.90;

    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theSummaryOfAFakeTreesFile() {
        Path file = FAKE.resolve("kernel/thing.c");
        Run r = run("parse", "--kernel-tree", FAKE.toString(), "--summary", file.toString());
        assertEquals(2, r.status(), r.err());
        String masked = r.out().replaceAll("\\d+\\.\\d s CPU", "T s CPU");
        assertEquals(file + ": 3 of 4 functions lower (75%, T s CPU)\n"
                + "  " + file + ":20:16: undeclared variable 'UNDECLARED_NAME' (function 'not_declared')\n"
                + "  havoc'd, no body (1): thing_external\n"
                + "total: 3 of 4 functions lower (75%)\n"
                + "reasons, by the functions they stop:\n"
                + "     1  undeclared variable 'UNDECLARED_NAME'\n", masked);
    }

    @Test
    void badTreesAndConfigurationsAreInputErrors() {
        Path file = FAKE.resolve("kernel/thing.c");
        Run notATree = run("parse", "--kernel-tree", FAKE.resolve("kernel").toString(), file.toString());
        assertEquals(2, notATree.status());
        assertTrue(notATree.err().contains("is not a kernel source tree with powerpc headers (no include/linux/kconfig.h)"),
                notATree.err());
        Run unknown = run("parse", "--kernel-tree", FAKE.toString(), "--config",
                FAKE.resolve("unknown-option.config").toString(), file.toString());
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith(FAKE.resolve("unknown-option.config") + ":3:1: unknown configuration option "
                + "CONFIG_NOT_AN_OPTION"), unknown.err());
        Run noTree = run("parse", "--config", FAKE.resolve("good.config").toString(), file.toString());
        assertEquals(2, noTree.status());
        assertTrue(noTree.err().contains("--config needs --kernel-tree"), noTree.err());
        Run missing = run("parse", "--kernel-tree", FAKE.toString(), FAKE.resolve("kernel/missing.c").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().startsWith(FAKE.resolve("kernel/missing.c") + ":1:10: linux/no-such-header.h: No such file"),
                missing.err());
    }

    @Test
    void theFiveFilesOfARealTree() {
        String named = System.getProperty("powercheck.kernelTree", System.getenv("POWERCHECK_KERNEL_TREE"));
        assumeTrue(named != null, "no kernel tree: set -Dpowercheck.kernelTree=DIR (an unpacked linux-source tree)"
                + " to measure how much of smp.c, dbell.c, task_work.c, io_uring.c and io-wq.c lowers");
        Path tree = Path.of(named);
        assumeTrue(Files.isRegularFile(tree.resolve("io_uring/io-wq.c")), "no io_uring/io-wq.c in " + tree);
        List<String> args = new ArrayList<>(List.of("parse", "--kernel-tree", tree.toString(), "--summary"));
        for (String f : FILES) args.add(tree.resolve(f).toString());
        Run r = run(args.toArray(String[]::new));
        Matcher m = FILE_LINE.matcher(r.out());
        List<String> seen = new ArrayList<>();
        int lowered = 0, total = 0;
        while (m.find()) {
            if (m.group(1).equals("total")) continue;
            seen.add(m.group(1));
            lowered += Integer.parseInt(m.group(2));
            total += Integer.parseInt(m.group(3));
        }
        assertEquals(FILES.stream().map(f -> tree.resolve(f).toString()).toList(), seen, r.out());
        assertTrue(total > 0 && lowered >= LOWERED_AT_LEAST * total, lowered + " of " + total + "\n" + r.out());
        // every function that does not lower is named with its position
        long failures = r.out().lines().filter(l -> l.matches("  \\S+:\\d+:\\d+: .* \\(function '\\w+'\\)")).count();
        assertEquals(total - lowered, failures, r.out());
    }
}
