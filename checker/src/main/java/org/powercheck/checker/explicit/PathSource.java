package org.powercheck.checker.explicit;

import org.powercheck.checker.CheckTimeoutException;

/** The concrete runs of one CPU's code over a value domain: a thread's, or a thread's with its interrupts. */
interface PathSource {
    ThreadInterpreter.Paths paths(ValueDomain domain) throws CheckTimeoutException;

    /**
     * For {@link ValueDomain}: with {@code freeControl}, a conditional branch on read values
     * goes both ways and an assume on them cuts nothing, so the paths' writes over-approximate
     * what any run over the domain writes, whatever its reads return.
     */
    ThreadInterpreter.Paths paths(ValueDomain domain, boolean freeControl) throws CheckTimeoutException;
}
