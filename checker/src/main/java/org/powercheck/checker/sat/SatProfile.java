package org.powercheck.checker.sat;

import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powercheck.model.PpcModel;
import org.powercheck.model.Rel;

/**
 * Where one program's encoding goes: variables and clauses per phase and per model node, and
 * the solver calls with their times. Printed to stderr when the system property
 * {@code powercheck.satProfile} is set (a diagnostic for tuning the encoding, not a report).
 */
final class SatProfile {
    static final boolean ON = Boolean.getBoolean("powercheck.satProfile");

    private final Circuit c;
    private final Map<String, long[]> phases = new LinkedHashMap<>();
    private final List<String> nodes = new ArrayList<>();
    private int vars0, clauses0;
    private long t0;

    SatProfile(Circuit c) {
        this.c = c;
        mark();
    }

    void mark() {
        vars0 = c.vars();
        clauses0 = c.clauses();
        t0 = System.nanoTime();
    }

    /** Charges the variables and clauses since the last mark to {@code phase}. */
    void phase(String phase) {
        long[] p = phases.computeIfAbsent(phase, k -> new long[3]);
        p[0] += c.vars() - vars0;
        p[1] += c.clauses() - clauses0;
        p[2] += System.nanoTime() - t0;
        mark();
    }

    void node(ModelGraph g, int v, long needed, long must) {
        int dv = c.vars() - vars0, dc = c.clauses() - clauses0;
        long ns = System.nanoTime() - t0;
        nodes.add(String.format("%8d vars %8d clauses %6.0f ms  needed %8d must %8d  #%d %s %s", dv, dc, ns / 1e6,
                needed, must, v, g.kind(v), name(g, v)));
        phase("relations");
    }

    private long refinements, refineClauses, solves, sat;
    private long solveNanos, maxSolveNanos;
    private final List<String> slowSolves = new ArrayList<>();

    void refined(int added) {
        if (added > 0) refinements++;
        refineClauses += added;
    }

    void solved(long nanos, boolean result, int[] assumptions, Map<String, Number> stats) {
        solves++;
        if (result) sat++;
        solveNanos += nanos;
        maxSolveNanos = Math.max(maxSolveNanos, nanos);
        if (nanos > 50_000_000L) slowSolves.add(String.format("solve %6.0f ms %s with %d assumptions", nanos / 1e6,
                result ? "sat" : "unsat", assumptions.length) + " " + stats);
    }

    void print(PrintStream out) {
        out.printf("solver: %d calls (%d sat), %.0f ms, max %.0f ms; %d refinements adding %d clauses%n",
                solves, sat, solveNanos / 1e6, maxSolveNanos / 1e6, refinements, refineClauses);
        slowSolves.forEach(out::println);
        StringBuilder h = new StringBuilder("clause lengths (up to 2^k):");
        for (int k = 0; k < c.clauseLengths.length; k++) if (c.clauseLengths[k] > 0) h.append(" ").append(1 << k).append(":").append(c.clauseLengths[k]);
        out.println(h);
        java.util.Map<String, Integer> where = new java.util.TreeMap<>();
        for (Throwable t : c.longClauses) {
            StackTraceElement[] st = t.getStackTrace();
            StringBuilder k = new StringBuilder();
            for (int i = 1; i < Math.min(st.length, 6); i++) k.append(st[i].getMethodName()).append(":").append(st[i].getLineNumber()).append(" < ");
            where.merge(k.toString(), 1, Integer::sum);
        }
        where.forEach((k, v) -> out.println("long clauses " + v + " at " + k));
        for (Map.Entry<String, long[]> e : phases.entrySet()) {
            long[] p = e.getValue();
            out.printf("phase %-22s %9d vars %9d clauses %8.0f ms%n", e.getKey(), p[0], p[1], p[2] / 1e6);
        }
        nodes.stream().filter(s -> !s.startsWith("       0 vars        0 clauses")).forEach(out::println);
    }

    private static Map<Rel, String> relNames;

    /** The ppc.cat name of a node, where one of {@link PpcModel}'s fields compiles to it. */
    static String name(ModelGraph g, int v) {
        if (relNames == null) {
            Map<Rel, String> m = new java.util.IdentityHashMap<>();
            for (Field f : PpcModel.class.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) || !Rel.class.isAssignableFrom(f.getType())) continue;
                try {
                    f.setAccessible(true);
                    m.put((Rel) f.get(null), f.getName());
                } catch (ReflectiveOperationException e) {
                    // a name is only a label
                }
            }
            relNames = m;
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Rel, String> e : relNames.entrySet()) {
            Integer id = g.idOf(e.getKey());
            if (id != null && id == v) sb.append(e.getValue()).append(' ');
        }
        sb.append(java.util.Arrays.toString(g.children(v)));
        return sb.toString();
    }
}
