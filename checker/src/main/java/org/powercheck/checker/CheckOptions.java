package org.powercheck.checker;

import java.util.List;
import org.powercheck.ir.Instr;
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
 * @param loopBounds loops with a bound of their own instead of {@code unwind}; the first that
 *                   names a loop applies
 */
public record CheckOptions(Model model, int unwind, long deadlineNanos, InterruptOptions interrupts,
                           List<LoopBound> loopBounds) {
    public static final int DEFAULT_UNWIND = 2;

    public CheckOptions {
        loopBounds = List.copyOf(loopBounds);
    }

    public CheckOptions(Model model, int unwind, long deadlineNanos, InterruptOptions interrupts) {
        this(model, unwind, deadlineNanos, interrupts, List.of());
    }

    public CheckOptions(Model model, int unwind, long deadlineNanos) {
        this(model, unwind, deadlineNanos, InterruptOptions.DEFAULT);
    }

    /** The bound of the loop closed by {@code branch}, which jumps back to {@code head}. */
    public int unwindFor(Instr.Branch branch, Instr head) {
        for (LoopBound b : loopBounds) if (b.names(branch, head)) return b.bound();
        return unwind;
    }

    public CheckOptions withLoopBounds(List<LoopBound> bounds) {
        return new CheckOptions(model, unwind, deadlineNanos, interrupts, bounds);
    }

    public static CheckOptions defaults() {
        return new CheckOptions(PpcModel.MODEL, DEFAULT_UNWIND, Long.MAX_VALUE);
    }

    public CheckOptions withModel(Model m) {
        return new CheckOptions(m, unwind, deadlineNanos, interrupts, loopBounds);
    }

    public CheckOptions withUnwind(int k) {
        return new CheckOptions(model, k, deadlineNanos, interrupts, loopBounds);
    }

    public CheckOptions withTimeoutMillis(long ms) {
        return new CheckOptions(model, unwind, ms <= 0 ? Long.MAX_VALUE : System.nanoTime() + ms * 1_000_000L,
                interrupts, loopBounds);
    }

    public CheckOptions withInterrupts(InterruptOptions i) {
        return new CheckOptions(model, unwind, deadlineNanos, i, loopBounds);
    }

    public void checkDeadline() throws CheckTimeoutException {
        if (System.nanoTime() > deadlineNanos) throw new CheckTimeoutException("timeout");
    }
}
