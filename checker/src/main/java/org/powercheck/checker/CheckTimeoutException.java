package org.powercheck.checker;

/** The run hit its deadline; the result is unknown (exit status 3). */
public final class CheckTimeoutException extends Exception {
    public CheckTimeoutException(String message) {
        super(message);
    }
}
