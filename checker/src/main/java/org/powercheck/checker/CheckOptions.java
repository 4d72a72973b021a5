package org.powercheck.checker;

import org.powercheck.model.Model;
import org.powercheck.model.PpcModel;

/**
 * How to explore.
 *
 * @param model      the axioms (ppc.cat by default)
 * @param unwind     how often one backward branch may be taken each time its loop is entered
 *                   (leaving the loop forward starts the count again); executions that need
 *                   more are cut and the outcome says so (the unwinding check)
 * @param deadlineNanos absolute {@link System#nanoTime()} deadline, or {@code Long.MAX_VALUE}
 */
public record CheckOptions(Model model, int unwind, long deadlineNanos) {
    public static final int DEFAULT_UNWIND = 2;

    public static CheckOptions defaults() {
        return new CheckOptions(PpcModel.MODEL, DEFAULT_UNWIND, Long.MAX_VALUE);
    }

    public CheckOptions withUnwind(int k) {
        return new CheckOptions(model, k, deadlineNanos);
    }

    public CheckOptions withTimeoutMillis(long ms) {
        return new CheckOptions(model, unwind, ms <= 0 ? Long.MAX_VALUE : System.nanoTime() + ms * 1_000_000L);
    }

    public void checkDeadline() throws CheckTimeoutException {
        if (System.nanoTime() > deadlineNanos) throw new CheckTimeoutException("timeout");
    }
}
