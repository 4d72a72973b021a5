package org.powercheck.checker.sat;

import org.powercheck.ir.FenceKind;
import org.powercheck.ir.Instr;

/**
 * One possible event of the unrolled program: it happens exactly when {@link #guard} is true.
 * Relation literals built from events always imply the guards of both ends.
 */
final class Event {
    final int id;
    /** index of the thread in the program's thread list, -1 for an initial write */
    final int thread;
    /** DAG node of the thread (-1 for an initial write) */
    final int node;
    /** the instruction, null for an initial write */
    final Instr instr;
    final boolean read, write, exclusive;
    /** the fence kind, null for memory events */
    final FenceKind fence;
    int guard;
    /** the guard is its DAG node's path condition (not narrowed by a success or an address choice) */
    boolean atNode;
    /** cells this memory event may access, with the literal "happens and accesses this cell" */
    int[] cells = new int[0];
    int[] cellLits = new int[0];
    /** memory value written or read (literals valid under the guard) */
    ValueMap value;
    /** reads the address and the stored value depend on (literals valid under the guard) */
    EventMap addr = EventMap.EMPTY, data = EventMap.EMPTY;
    /** for a successful store-conditional: its paired load-reserve (literals include the guard) */
    EventMap rmw = EventMap.EMPTY;

    Event(int id, int thread, int node, Instr instr, boolean read, boolean write, boolean exclusive, FenceKind fence) {
        this.id = id;
        this.thread = thread;
        this.node = node;
        this.instr = instr;
        this.read = read;
        this.write = write;
        this.exclusive = exclusive;
        this.fence = fence;
    }

    boolean isInit() {
        return thread < 0;
    }

    /** The literal "happens and accesses cell c". */
    int cellLit(int c) {
        for (int i = 0; i < cells.length; i++) if (cells[i] == c) return cellLits[i];
        return Circuit.FALSE;
    }

    boolean mayShareCell(Event o) {
        for (int a : cells) for (int b : o.cells) if (a == b) return true;
        return false;
    }
}
