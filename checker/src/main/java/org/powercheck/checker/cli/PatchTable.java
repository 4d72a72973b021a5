package org.powercheck.checker.cli;

import java.util.List;
import org.powercheck.checker.patch.FilePatch;
import org.powercheck.checker.report.HerdText;
import org.powercheck.checker.report.Status;
import org.powercheck.checker.report.TestResult;

/** The table of patch-check: one line per harness, the verdicts before and after and what changed. */
record PatchTable(String patchFile, List<FilePatch> patches, List<String> notes, List<TestResult> before,
                  List<TestResult> after) {
    enum Change { FIXED, BROKE, UNCHANGED, UNKNOWN, ERROR }

    String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("Patch ").append(patchFile).append('\n');
        for (FilePatch fp : patches) {
            sb.append("  ").append(fp.path()).append(": ").append(fp.hunks()).append(fp.hunks() == 1 ? " hunk" : " hunks").append('\n');
        }
        for (String n : notes) sb.append("  ").append(n).append('\n');
        sb.append(String.format("%-28s %-15s %-15s %-9s %6s %6s%n", "harness", "before", "after", "change", "before", "after"));
        for (int i = 0; i < before.size(); i++) {
            TestResult b = before.get(i), a = after.get(i);
            sb.append(String.format("%-28s %-15s %-15s %-9s %6s %6s%n", name(b), verdict(b), verdict(a),
                    change(b, a).name().toLowerCase(java.util.Locale.ROOT), seconds(b), seconds(a)));
        }
        return sb.toString();
    }

    int exitCode() {
        boolean broke = false, unknown = false, error = false;
        for (int i = 0; i < before.size(); i++) {
            switch (change(before.get(i), after.get(i))) {
                case BROKE -> broke = true;
                case UNKNOWN -> unknown = true;
                case ERROR -> error = true;
                case FIXED, UNCHANGED -> { }
            }
        }
        if (error) return 2;
        if (broke) return 1;
        return unknown ? 3 : 0;
    }

    static Change change(TestResult before, TestResult after) {
        Status b = before.status(), a = after.status();
        if (a == Status.INPUT_ERROR) return Change.ERROR;
        if (a == b) return Change.UNCHANGED;
        if (b == Status.COUNTEREXAMPLE && a == Status.NO_COUNTEREXAMPLE) return Change.FIXED;
        if (a == Status.COUNTEREXAMPLE) return Change.BROKE;
        return Change.UNKNOWN;
    }

    private static String name(TestResult r) {
        return r instanceof TestResult.Checked c ? c.name() : r.file().getFileName().toString();
    }

    private static String verdict(TestResult r) {
        return switch (r.status()) {
            case NO_COUNTEREXAMPLE -> "safe";
            case COUNTEREXAMPLE -> "counterexample";
            case UNKNOWN -> "unknown";
            case INPUT_ERROR -> "error";
        };
    }

    private static String seconds(TestResult r) {
        long nanos = r.elapsedNanos();
        return HerdText.seconds(nanos) + "s";
    }
}
