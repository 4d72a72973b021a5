package org.powercheck.frontend.preprocess;

import java.util.Arrays;
import org.powercheck.ir.SourcePos;

/**
 * Where each piece of the output came from: every output line knows the source line it was
 * started for, and every token on it (a segment, from its output column on) knows its own source
 * position. Tokens spelled in the source map column-exactly; tokens made by macro replacement
 * map to the invocation.
 */
final class SourceMap {
    private String[] lineFile = new String[256];
    private int[] lineNumber = new int[256];
    private int[] lineFirstSegment = new int[256];
    private int lines;

    private int[] segmentColumn = new int[1024];
    private String[] segmentFile = new String[1024];
    private int[] segmentLine = new int[1024];
    private int[] segmentSourceColumn = new int[1024];
    private boolean[] segmentExact = new boolean[1024];
    private int segments;

    /** Starts the next output line, made for line {@code line} of {@code file}. */
    void startLine(String file, int line) {
        if (lines == lineFile.length) {
            int n = lines * 2;
            lineFile = Arrays.copyOf(lineFile, n);
            lineNumber = Arrays.copyOf(lineNumber, n);
            lineFirstSegment = Arrays.copyOf(lineFirstSegment, n);
        }
        lineFile[lines] = file;
        lineNumber[lines] = line;
        lineFirstSegment[lines] = segments;
        lines++;
    }

    /** Records that {@code token} starts at {@code outColumn} of the current output line. */
    void addSegment(int outColumn, PpLexeme token) {
        if (segments == segmentColumn.length) {
            int n = segments * 2;
            segmentColumn = Arrays.copyOf(segmentColumn, n);
            segmentFile = Arrays.copyOf(segmentFile, n);
            segmentLine = Arrays.copyOf(segmentLine, n);
            segmentSourceColumn = Arrays.copyOf(segmentSourceColumn, n);
            segmentExact = Arrays.copyOf(segmentExact, n);
        }
        segmentColumn[segments] = outColumn;
        segmentFile[segments] = token.file;
        segmentLine[segments] = token.line;
        segmentSourceColumn[segments] = token.column;
        segmentExact[segments] = token.fromSource;
        segments++;
    }

    int lineCount() {
        return lines;
    }

    /** The source position of output (line, column), both 1-based; out-of-range lines are clamped. */
    SourcePos map(int outLine, int outColumn) {
        if (lines == 0) {
            return SourcePos.UNKNOWN;
        }
        int l = Math.max(1, Math.min(outLine, lines)) - 1;
        int from = lineFirstSegment[l];
        int to = l + 1 < lines ? lineFirstSegment[l + 1] : segments;
        if (from == to) {
            return new SourcePos(lineFile[l], lineNumber[l], Math.max(1, outColumn));
        }
        int s = from;
        int lo = from;
        int hi = to - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (segmentColumn[mid] <= outColumn) {
                s = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        int column = segmentSourceColumn[s];
        if (segmentExact[s]) {
            column = Math.max(1, column + outColumn - segmentColumn[s]);
        }
        return new SourcePos(segmentFile[s], segmentLine[s], column);
    }
}
