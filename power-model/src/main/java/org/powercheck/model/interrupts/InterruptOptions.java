package org.powercheck.model.interrupts;

/**
 * How interrupts are taken.
 *
 * @param maxPerCpu at most this many interrupts per CPU; {@code -1}: what the harness says, else 1
 * @param ipiEntry  what the hardware entry adds after the delivery read
 * @param points    where a handler may start
 */
public record InterruptOptions(int maxPerCpu, IpiEntry ipiEntry, Points points) {
    public static final InterruptOptions DEFAULT = new InterruptOptions(-1, IpiEntry.PLAIN, Points.ENABLED);

    /** power-model.md 3.3, "Ordering of delivery". */
    public enum IpiEntry {
        /** the delivery read has no ordering of its own: the handler's barriers give it (sound) */
        PLAIN,
        /**
         * the interrupt acts as a branch on the delivery followed by {@code isync} (interrupts are
         * context synchronising); reproduces hardware observations, not sound for proofs
         */
        CTRLISYNC;

        public String flag() {
            return name().toLowerCase();
        }
    }

    /** power-model.md 3.3, "Interruption points". */
    public enum Points {
        /** only where interrupts are effectively enabled: soft mask clear and MSR[EE] set */
        ENABLED,
        /** every instruction boundary, masked or not (an over-approximation; masked points are flagged) */
        ANYWHERE;

        public String flag() {
            return name().toLowerCase();
        }
    }
}
