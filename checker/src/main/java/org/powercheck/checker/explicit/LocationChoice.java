package org.powercheck.checker.explicit;

/**
 * The rf and co choices for the accesses to one cell, by their number among the cell's writes
 * and reads ({@link CellAccesses}; {@link EventGraph#writesOf} and {@link EventGraph#readsOf}
 * give the events).
 *
 * @param co       the cell's writes in coherence order (the initial write, number 0, first)
 * @param rfSource for each read of the cell, the write it reads from
 */
record LocationChoice(int[] co, int[] rfSource) {
    /** The number of the co-last write: the one that leaves the cell's final value. */
    int finalWrite() {
        return co[co.length - 1];
    }
}
