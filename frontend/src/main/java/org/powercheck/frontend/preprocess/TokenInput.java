package org.powercheck.frontend.preprocess;

/** A stream of preprocessing tokens without line ends; after the last token it returns EOF forever. */
interface TokenInput {
    PpLexeme next();
}
