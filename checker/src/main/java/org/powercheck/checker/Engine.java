package org.powercheck.checker;

import org.powercheck.ir.Program;

/**
 * Explores every candidate execution of a program that the model allows, up to the unrolling
 * bound, and returns the reachable final states. Two implementations share the model text but
 * not its evaluation: {@code sat} (the default) and {@code explicit} (the oracle).
 */
public interface Engine {
    Outcome run(Program program, CheckOptions options) throws CheckTimeoutException;

    String name();
}
