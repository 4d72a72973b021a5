package org.powercheck.checker.explicit;

/**
 * The rf and co choices for the events of one cell.
 *
 * @param co       the cell's writes in coherence order (the initial write first)
 * @param rfSource for each read of the cell (in {@link EventGraph#readsOf} order), the write it reads from
 */
record LocationChoice(int[] co, int[] rfSource) {
    /** The co-last write: the one that leaves the cell's final value. */
    int finalWrite() {
        return co[co.length - 1];
    }
}
