package org.powercheck.checker.explicit;

import java.util.BitSet;
import org.powercheck.ir.FenceKind;
import org.powercheck.ir.Instr;

/**
 * An event of one thread run. Dependencies name reads of the same run by their index in the
 * run's event list.
 *
 * @param cell      the accessed cell, -1 for a fence
 * @param value     the memory value read or written (as stored, before any sign extension)
 * @param fence     the kind of a fence event, else null
 * @param exclusive a load-reserve read or a successful store-conditional write (the set X)
 * @param addr      reads the address depends on
 * @param data      reads the stored value depends on
 * @param ctrl      reads some earlier conditional branch depends on
 */
record LocalEvent(Kind kind, int cell, long value, FenceKind fence, boolean exclusive,
                  BitSet addr, BitSet data, BitSet ctrl, Instr instr) {
    enum Kind { READ, WRITE, FENCE }
}
