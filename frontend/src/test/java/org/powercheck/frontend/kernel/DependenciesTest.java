package org.powercheck.frontend.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercheck.ir.Instr;
import org.powercheck.ir.ThreadCode;

/** The dependency annotations {@code powercheck parse} prints: addr, data and ctrl, through registers. */
class DependenciesTest {
    @Test
    void accessesListTheLoadsTheyDependOn() {
        ThreadCode t = KernelFrontend.harness("""
                C deps
                long x, y;
                long *p;
                {
                }
                P0(void)
                {
                	long r = READ_ONCE(x);
                	long *q = READ_ONCE(p);
                	WRITE_ONCE(y, r + 1);
                	if (r)
                		WRITE_ONCE(*q, 2);
                }
                """, "d.litmus", KernelOptions.defaults()).threads().get(0);
        List<String> shown = new ArrayList<>();
        List<String> deps = Dependencies.describe(t);
        for (int i = 0; i < t.code().size(); i++) {
            Instr in = t.code().get(i);
            shown.add(in + (deps.get(i).isEmpty() ? "" : "  (" + deps.get(i) + ")"));
        }
        assertEquals(List.of(
                "r = load.64 [&x]",
                "q = load.64 [&p]",
                "store.64 [&y] = (r + 1)  (data: 8:11)",
                "if (r == 0) goto %L1",
                "store.64 [q] = 2  (addr: 9:12, ctrl: 8:11)",
                "%L1:"), shown);
    }
}
