package org.powercheck.checker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercheck.ir.Cell;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Layout;
import org.powercheck.ir.Locations;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.Width;

/** The locations both engines relate events on: cells split into the byte ranges accesses need. */
class LocationsTest {
    private static final Layout LAYOUT = new Layout(List.of(
            new Cell("m", new Expr.Const(0x0403_0201L), Width.WORD, SourcePos.UNKNOWN),
            new Cell("d", new Expr.Const(7), Width.DOUBLE, SourcePos.UNKNOWN)));
    private static final long M = LAYOUT.addressOf("m");
    private static final long D = LAYOUT.addressOf("d");

    @Test
    void wholeCellsAreNumberedLikeTheCells() {
        Locations l = Locations.whole(LAYOUT);
        assertTrue(l.whole());
        assertEquals(2, l.size());
        assertEquals(1, l.first(1));
        assertEquals(D, l.addressOf(1));
        assertEquals("m", l.name(0));
        // a narrower access at the base is part of the cell: whole locations do not tile it
        Locations.Span half = l.span(M, Width.HALF);
        assertEquals(new Locations.Span(0, 0, 2), half);
        assertNull(l.cover(half));
        // as in same-size herd, an access at the base at least as wide as the cell is the cell
        assertEquals(new Locations.Span(0, 0, 4), l.span(M, Width.DOUBLE));
        assertTrue(l.wholeCell(l.span(M, Width.DOUBLE)));
    }

    @Test
    void aByteStoreSplitsItsWordAndPartsAreLittleEndian() {
        Locations whole = Locations.whole(LAYOUT);
        Locations l = whole.refine(List.of(whole.span(M + 1, Width.BYTE)));
        assertFalse(l.whole());
        assertEquals(4, l.size());
        assertEquals(List.of(0, 1, 2), List.of(l.offset(0), l.offset(1), l.offset(2)));
        assertEquals(List.of(1, 1, 2), List.of(l.bytes(0), l.bytes(1), l.bytes(2)));
        assertEquals(3, l.first(1));
        assertEquals("m+1", l.name(1));
        assertEquals("d", l.name(3));
        assertEquals(List.of(0x01L, 0x02L, 0x0403L), List.of(l.initialValue(0), l.initialValue(1), l.initialValue(2)));
        Locations.Span word = l.span(M, Width.WORD);
        assertArrayEquals(new int[] {0, 1, 2}, l.cover(word));
        assertEquals(1L, l.part(0x0100L, word, 1));
        assertEquals(0L, l.part(0x0100L, word, 0));
        assertEquals(0x0403_0201L, l.assemble(word, new int[] {0, 1, 2}, new long[] {1, 2, 0x0403}));
        assertEquals(257L, l.cellValue(0, new long[] {1, 1, 0}));
        assertEquals(M + 1, l.addressOf(1));
        // a halfword at offset 1 would straddle two locations' boundary in the middle of a location
        assertNull(l.cover(new Locations.Span(0, 1, 2)));
    }

    @Test
    void accessesOutsideEveryCellOrMisalignedAreNoAccess() {
        Locations l = Locations.whole(LAYOUT);
        assertNull(l.span(M + 4, Width.BYTE));
        assertEquals(Locations.Fault.OUTSIDE, l.fault(M + 4, Width.BYTE));
        assertNull(l.span(D + 3, Width.HALF));
        assertEquals(Locations.Fault.MISALIGNED, l.fault(D + 3, Width.HALF));
        assertNull(l.span(M + 2, Width.WORD));
        assertEquals(Locations.Fault.OUTSIDE, l.fault(M + 2, Width.WORD));
        assertNull(l.span(Layout.BASE - 1, Width.BYTE));
    }
}
