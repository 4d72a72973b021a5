package org.powercheck.frontend.cparse;

import org.powercheck.ir.SourcePos;

/**
 * Where a position of the parsed text is in the user's sources. The parser runs on preprocessed
 * text; with {@code PreprocessedUnit::map} every node and every error points at the original file.
 */
@FunctionalInterface
public interface PositionMap {
    SourcePos at(int line, int column);

    /** Positions in the parsed text itself, named {@code file}. */
    static PositionMap identity(String file) {
        return (line, column) -> new SourcePos(file, line, column);
    }
}
