package org.powercheck.checker.explicit;

import java.util.BitSet;
import org.powercheck.ir.FenceKind;
import org.powercheck.ir.Instr;

/**
 * An event of one thread run. Dependencies name reads of the same run by their index in the
 * run's event list.
 *
 * @param cell      the accessed location ({@link org.powercheck.ir.Locations}), -1 for a fence
 * @param value     the memory value read or written (as stored, before any sign extension)
 * @param fence     the kind of a fence event, else null
 * @param exclusive a load-reserve read or a successful store-conditional write (the set X)
 * @param addr      reads the address depends on
 * @param data      reads the stored value depends on
 * @param ctrl      reads some earlier conditional branch depends on
 * @param further   a further part of the access of the event before it (an access split over
 *                  several locations is one event per location, in a row)
 */
record LocalEvent(Kind kind, int cell, long value, FenceKind fence, boolean exclusive,
                  BitSet addr, BitSet data, BitSet ctrl, Instr instr, boolean further) {
    enum Kind { READ, WRITE, FENCE }

    LocalEvent(Kind kind, int cell, long value, FenceKind fence, boolean exclusive,
               BitSet addr, BitSet data, BitSet ctrl, Instr instr) {
        this(kind, cell, value, fence, exclusive, addr, data, ctrl, instr, false);
    }
}
