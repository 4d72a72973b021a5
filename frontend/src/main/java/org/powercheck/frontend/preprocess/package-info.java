/**
 * The C preprocessor of the kernel-C front end. {@link org.powercheck.frontend.preprocess.Preprocessor}
 * turns one source file into text for the C parser plus a source map back to the user's files;
 * kernel headers are not read (a bundled prelude stands in for them). The {@code #if} expression
 * grammar is {@code IfExpression.jj}.
 */
package org.powercheck.frontend.preprocess;
