package org.powercheck.checker.report;

import java.util.Collection;

/**
 * What one test contributes to the process exit status. With several tests the most serious
 * status wins: input errors, then unknown results, then counterexamples.
 */
public enum Status {
    NO_COUNTEREXAMPLE(0), COUNTEREXAMPLE(1), INPUT_ERROR(2), UNKNOWN(3);

    public final int exitCode;

    Status(int exitCode) {
        this.exitCode = exitCode;
    }

    public static int exitCode(Collection<Status> statuses) {
        if (statuses.contains(INPUT_ERROR)) return INPUT_ERROR.exitCode;
        if (statuses.contains(UNKNOWN)) return UNKNOWN.exitCode;
        if (statuses.contains(COUNTEREXAMPLE)) return COUNTEREXAMPLE.exitCode;
        return NO_COUNTEREXAMPLE.exitCode;
    }
}
