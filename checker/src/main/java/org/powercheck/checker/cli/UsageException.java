package org.powercheck.checker.cli;

/** A bad command line: reported in one line, exit status 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
