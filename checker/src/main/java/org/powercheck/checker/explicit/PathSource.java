package org.powercheck.checker.explicit;

import org.powercheck.checker.CheckTimeoutException;

/** The concrete runs of one CPU's code over a value domain: a thread's, or a thread's with its interrupts. */
interface PathSource {
    ThreadInterpreter.Paths paths(ValueDomain domain) throws CheckTimeoutException;
}
