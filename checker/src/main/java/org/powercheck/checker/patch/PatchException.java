package org.powercheck.checker.patch;

/** A patch that cannot be read or applied: the message names the file, the hunk and why. */
public final class PatchException extends Exception {
    public PatchException(String message) {
        super(message);
    }
}
