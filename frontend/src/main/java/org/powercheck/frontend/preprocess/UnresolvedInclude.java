package org.powercheck.frontend.preprocess;

import org.powercheck.ir.SourcePos;

/**
 * An {@code #include <header>} that was not read because no {@code -I} directory has it: kernel
 * headers are replaced by the bundled prelude, so the caller decides what the header stands for.
 * A missing {@code #include "header"} is an error, unless the options ask to record it too.
 */
public record UnresolvedInclude(String header, boolean angled, SourcePos pos) {
}
