package org.powercheck.frontend.preprocess;

import org.powercheck.ir.SourcePos;

/**
 * An {@code #include <header>} that was not read because no {@code -I} directory has it: kernel
 * headers are replaced by the bundled prelude, so the caller decides what the header stands for.
 */
public record UnresolvedInclude(String header, SourcePos pos) {
}
