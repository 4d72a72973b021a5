package org.powercheck.checker.cli;

import java.nio.file.Path;
import org.powercheck.ir.Program;

/** Reads and lowers one input file; bad input raises {@code InputException}. */
@FunctionalInterface
public interface ProgramLoader {
    Program load(Path file);
}
