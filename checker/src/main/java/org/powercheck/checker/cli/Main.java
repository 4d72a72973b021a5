package org.powercheck.checker.cli;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import org.powercheck.ir.InputException;

/**
 * The {@code powercheck} command line. {@link #run} is the whole program minus {@code System.exit},
 * so tests drive it in-process.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Backends.standard());
    }

    /**
     * Runs one command; usage and input errors become one line on {@code err} and status 2, an
     * internal error one line and status 3.
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Backends backends) {
        try {
            return dispatch(args, out, err, backends);
        } catch (UsageException e) {
            err.println("powercheck: " + e.getMessage());
            return 2;
        } catch (InputException e) {
            err.println(e.getMessage());
            return 2;
        } catch (RuntimeException | StackOverflowError e) {
            // A bug in powercheck itself: still one line, and the result is unknown.
            StackTraceElement[] trace = e.getStackTrace();
            err.println("powercheck: internal error: " + e + (trace.length > 0 ? " (at " + trace[0] + ")" : ""));
            if (System.getenv("POWERCHECK_TRACE") != null) e.printStackTrace(err);
            return 3;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int dispatch(String[] args, PrintStream out, PrintStream err, Backends backends) {
        if (args.length == 0) {
            err.print(usage());
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "-h", "--help", "help" -> {
                out.print(usage());
                return 0;
            }
            case "-V", "--version", "version" -> {
                out.println("powercheck " + version());
                return 0;
            }
            case CheckCommand.NAME -> {
                return new CheckCommand(backends).run(rest, out, err);
            }
            case BenchCommand.NAME -> {
                return new BenchCommand(backends).run(rest, out, err);
            }
            case ParseCommand.NAME -> {
                return new ParseCommand(backends).run(rest, out, err);
            }
            case PatchCheckCommand.NAME -> {
                return new PatchCheckCommand(backends).run(rest, out, err);
            }
            default -> throw new UsageException("unknown command '" + args[0] + "' (see: powercheck --help)");
        }
    }

    static String usage() {
        return String.join("\n",
                "usage: powercheck COMMAND [options] ARGS...",
                "",
                "A bounded model checker for memory-ordering bugs on IBM POWER: it explores every execution of",
                "a litmus test that herd7's ppc.cat allows and prints herd7-shaped results.",
                "",
                "commands:",
                "  check FILE|DIR...   check litmus tests (herd7-style text or JSON; --expect compares with a manifest)",
                "  bench FILE|DIR...   time the checker over a corpus in one JVM, optionally against herd7",
                "  parse FILE|DIR...   print the intermediate representation tests are lowered to",
                "  patch-check --patch FILE HARNESS...",
                "                      apply a patch to a copy of the sources, check each harness before and after",
                "  --version           print the version",
                "  --help              print this help",
                "",
                "exit status: 0 no counterexample, 1 counterexample found, 2 usage or input error,",
                "             3 unknown (unwinding bound too small, timeout)",
                "",
                "'powercheck COMMAND --help' describes each command's options.",
                "");
    }

    /** The version Maven recorded in the jar; "dev" when running from classes. */
    static String version() {
        try (InputStream in = Main.class.getResourceAsStream(
                "/META-INF/maven/org.powercheck/powercheck-checker/pom.properties")) {
            if (in == null) return "dev";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
