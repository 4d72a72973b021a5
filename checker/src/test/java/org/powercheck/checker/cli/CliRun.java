package org.powercheck.checker.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One in-process run of the command line: exit status, stdout and stderr. */
public record CliRun(int status, String out, String err) {
    public static CliRun of(Backends backends, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int status = Main.run(args, o, e, backends);
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** With the real front end and engines. */
    public static CliRun real(String... args) {
        return of(Backends.standard(), args);
    }

    public long errLines() {
        return err.lines().count();
    }
}
