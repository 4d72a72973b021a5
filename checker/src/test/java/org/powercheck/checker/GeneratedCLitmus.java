package org.powercheck.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random small C litmus tests in herd7's syntax, from a table of kernel primitives: marked and
 * plain accesses, acquire/release, fences, stores that depend on a load (data, control),
 * read-modify-writes, RCU read-side sections, rcu_dereference/rcu_assign_pointer and grace periods.
 * A new primitive is one more row of {@link #STATEMENTS}.
 */
final class GeneratedCLitmus {
    private GeneratedCLitmus() {}

    /** What a statement needs from the thread so far and what it adds. */
    enum Shape { STORE, LOAD, FENCE, STORE_FROM_LOAD }

    /**
     * One statement template: {@code %v} a shared variable (a pointer parameter), {@code %k} a
     * constant 1 or 2, {@code %r} a fresh register it loads into, {@code %l} the last register loaded.
     */
    record Statement(Shape shape, String template) { }

    static final List<Statement> STATEMENTS = List.of(
            new Statement(Shape.STORE, "WRITE_ONCE(*%v, %k);"),
            new Statement(Shape.STORE, "smp_store_release(%v, %k);"),
            new Statement(Shape.STORE, "*%v = %k;"),
            new Statement(Shape.LOAD, "%r = READ_ONCE(*%v);"),
            new Statement(Shape.LOAD, "%r = smp_load_acquire(%v);"),
            new Statement(Shape.LOAD, "%r = *%v;"),
            new Statement(Shape.FENCE, "smp_mb();"),
            new Statement(Shape.FENCE, "smp_rmb();"),
            new Statement(Shape.FENCE, "smp_wmb();"),
            new Statement(Shape.FENCE, "barrier();"),
            new Statement(Shape.STORE_FROM_LOAD, "WRITE_ONCE(*%v, %l);"),
            new Statement(Shape.STORE_FROM_LOAD, "if (%l == 1) WRITE_ONCE(*%v, %k);"),
            new Statement(Shape.STORE_FROM_LOAD, "smp_store_release(%v, %l + 1);"),
            new Statement(Shape.LOAD, "%r = xchg(%v, %k);"),
            new Statement(Shape.LOAD, "%r = cmpxchg_relaxed(%v, 1, %k);"),
            new Statement(Shape.LOAD, "rcu_read_lock(); %r = READ_ONCE(*%v); rcu_read_unlock();"),
            new Statement(Shape.LOAD, "%r = rcu_dereference(*%v);"),
            new Statement(Shape.STORE, "rcu_assign_pointer(*%v, %k);"),
            new Statement(Shape.FENCE, "synchronize_rcu();"));

    private static final String[] VARS = {"x", "y", "z"};

    /** A test of 2-3 threads of 2-{@code maxStatements} statements over 2-3 variables, every register and variable observed. */
    static String generate(Random rnd, int maxStatements) {
        int vars = rnd.nextInt(4) == 0 ? 3 : 2; // two shared variables conflict more often
        int threads = 2 + rnd.nextInt(2);
        StringBuilder text = new StringBuilder("C generated\n\n{\n}\n\n");
        List<String> observed = new ArrayList<>();
        String params = String.join(", ", java.util.Arrays.stream(VARS, 0, vars).map(v -> "int *" + v).toList());
        for (int t = 0; t < threads; t++) {
            List<String> body = new ArrayList<>();
            List<String> regs = new ArrayList<>();
            int n = 2 + rnd.nextInt(maxStatements - 1);
            for (int i = 0; i < n; i++) {
                Statement s = STATEMENTS.get(rnd.nextInt(STATEMENTS.size()));
                if (s.shape() == Shape.STORE_FROM_LOAD && regs.isEmpty()) continue;
                String line = s.template().replace("%v", VARS[rnd.nextInt(vars)]).replace("%k", String.valueOf(1 + rnd.nextInt(2)));
                if (!regs.isEmpty()) line = line.replace("%l", regs.get(regs.size() - 1));
                if (s.shape() == Shape.LOAD) {
                    String r = "r" + regs.size();
                    regs.add(r);
                    observed.add(t + ":" + r);
                    line = line.replace("%r", r);
                }
                body.add(line);
            }
            text.append("P").append(t).append("(").append(params).append(")\n{\n");
            if (!regs.isEmpty()) text.append("\tint ").append(String.join(", ", regs)).append(";\n\n");
            for (String line : body) text.append('\t').append(line).append('\n');
            text.append("}\n\n");
        }
        for (int v = 0; v < vars; v++) observed.add(VARS[v]);
        text.append("locations [").append(String.join("; ", observed)).append(";]\n");
        text.append("exists (").append(VARS[0]).append("=1)\n");
        return text.toString();
    }
}
