package org.powercheck.ir;

import java.util.Optional;

/**
 * A handler that a CPU may take, and what raises it (power-model.md section 3.3). The CPU's own
 * thread is the interrupted context: the handler's code runs between two of its instructions, at
 * a point the checker chooses, with a register state of its own (entry saves the interrupted
 * registers and exit restores them).
 *
 * @param name      the handler's name, as the harness wrote it
 * @param cpu       the id of the thread ({@code Pn}) that is interrupted
 * @param kind      what raises it
 * @param trigger   for an {@link Kind#IPI}: the cell the senders' triggers write ({@code ipi@1});
 *                  the delivery reads it
 * @param handler   the handler's code (entry, body and exit are the checker's and the body's)
 */
public record InterruptSource(String name, int cpu, Kind kind, Optional<String> trigger, ThreadCode handler,
                              SourcePos pos) {
    public enum Kind {
        /** raised by a trigger (msgsnd, an ESB or ICP store, H_IPI) addressed to this CPU */
        IPI,
        /** may come at any enabled point (decrementer, external device), at most the bound's number of times */
        ASYNC
    }

    public InterruptSource {
        if ((kind == Kind.IPI) != trigger.isPresent()) {
            throw new IllegalArgumentException("an IPI source names its trigger cell, an asynchronous one none");
        }
    }
}
