package org.powercheck.checker;

import org.powercheck.model.Model;
import org.powercheck.model.PpcModel;
import org.powercheck.model.interrupts.InterruptOptions;

/**
 * How to explore.
 *
 * @param model      the axioms (ppc.cat by default)
 * @param unwind     how often one backward branch may be taken each time its loop is entered
 *                   (leaving the loop forward starts the count again); executions that need
 *                   more are cut and the outcome says so (the unwinding check)
 * @param deadlineNanos absolute {@link System#nanoTime()} deadline, or {@code Long.MAX_VALUE}
 * @param interrupts how many interrupts a CPU may take, where, and what their entry orders
 */
public record CheckOptions(Model model, int unwind, long deadlineNanos, InterruptOptions interrupts) {
    public static final int DEFAULT_UNWIND = 2;

    public CheckOptions(Model model, int unwind, long deadlineNanos) {
        this(model, unwind, deadlineNanos, InterruptOptions.DEFAULT);
    }

    public static CheckOptions defaults() {
        return new CheckOptions(PpcModel.MODEL, DEFAULT_UNWIND, Long.MAX_VALUE);
    }

    public CheckOptions withModel(Model m) {
        return new CheckOptions(m, unwind, deadlineNanos, interrupts);
    }

    public CheckOptions withUnwind(int k) {
        return new CheckOptions(model, k, deadlineNanos, interrupts);
    }

    public CheckOptions withTimeoutMillis(long ms) {
        return new CheckOptions(model, unwind, ms <= 0 ? Long.MAX_VALUE : System.nanoTime() + ms * 1_000_000L,
                interrupts);
    }

    public CheckOptions withInterrupts(InterruptOptions i) {
        return new CheckOptions(model, unwind, deadlineNanos, i);
    }

    public void checkDeadline() throws CheckTimeoutException {
        if (System.nanoTime() > deadlineNanos) throw new CheckTimeoutException("timeout");
    }
}
