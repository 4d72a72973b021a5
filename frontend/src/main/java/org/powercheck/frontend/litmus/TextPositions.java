package org.powercheck.frontend.litmus;

import java.util.ArrayList;
import java.util.List;

/**
 * Converts between character offsets and 1-based line/column pairs, counting line breaks and
 * columns exactly as the JavaCC character streams do ({@code \r\n}, {@code \n} and {@code \r}
 * end a line; a tab is one column), so a position a grammar reports maps back to the offset
 * another grammar can start from.
 */
public final class TextPositions {
    private final int[] lineStarts;
    private final int length;

    public TextPositions(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
            if (c == '\n' || c == '\r') starts.add(i + 1);
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        length = text.length();
    }

    /** The offset of a 1-based line and column, clamped to the text. */
    public int offset(int line, int column) {
        if (line < 1) return 0;
        if (line > lineStarts.length) return length;
        return Math.min(length, lineStarts[line - 1] + Math.max(0, column - 1));
    }

    public int line(int offset) {
        int lo = 0, hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) lo = mid;
            else hi = mid - 1;
        }
        return lo + 1;
    }

    public int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }
}
