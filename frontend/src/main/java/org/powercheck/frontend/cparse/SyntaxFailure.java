package org.powercheck.frontend.cparse;

/** A declaration that did not parse, with the token the parser had reached, for a later report. */
record SyntaxFailure(ParseException error, Token next) {
}
