package org.powercheck.frontend.kernel;

import org.powercheck.ir.SourcePos;

/**
 * Where a position of the parsed text is in the user's files. The C grammar reports positions
 * in the text it parsed, which for kernel C is the preprocessor's output; every position that
 * reaches an instruction or a message goes through here.
 */
@FunctionalInterface
public interface Positions {
    Positions IDENTITY = pos -> pos;

    SourcePos map(SourcePos parsed);
}
