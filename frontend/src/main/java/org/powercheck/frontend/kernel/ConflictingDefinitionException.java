package org.powercheck.frontend.kernel;

import org.powercheck.ir.SourcePos;
import org.powercheck.ir.InputException;

/**
 * Two definitions of one name that disagree. Unlike a name a header would have defined, which
 * stays unknown until the code uses it, this is an error in the code itself and is reported at once.
 */
final class ConflictingDefinitionException extends InputException {
    ConflictingDefinitionException(SourcePos pos, String detail) {
        super(pos, detail);
    }
}
