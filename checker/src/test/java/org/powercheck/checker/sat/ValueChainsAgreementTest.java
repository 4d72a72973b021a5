package org.powercheck.checker.sat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.Outcome;
import org.powercheck.checker.explicit.ExplicitEngine;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Program;
import org.powercheck.ir.Prop;
import org.powercheck.ir.Reg;
import org.powercheck.ir.StateKey;

/**
 * The SAT engine's value analysis stops a location's values early when their chains of stores
 * are short ({@link ValueChains}); the explicit engine enumerates values without it. On random
 * programs of counters several threads increment, pointers published to a cell (which starts
 * valid) and stores and increments through them (so that the cells a store writes depend on what it loaded), and
 * copies between cells, both must find the same final states.
 */
class ValueChainsAgreementTest {
    private static final String[] COUNTERS = {"x", "y"};

    @Property(tries = 150)
    void satAgreesWithExplicitOnCountersAndPointers(@ForAll long seed) throws Exception {
        Program p = randomProgram(new Random(seed));
        CheckOptions opts = CheckOptions.defaults().withUnwind(1);
        Outcome sat = new SatEngine().run(p, opts);
        Outcome explicit = new ExplicitEngine().run(p, opts);
        assertEquals(explicit.states(), sat.states(), () -> "states of seed " + seed);
    }

    static Program randomProgram(Random rnd) {
        Litmus l = new Litmus("chains", "x", "y", "p");
        // p starts valid, so that a store through it needs no branch: only the cells it may
        // write grow as other threads publish addresses
        l.initAddress("p", "y");
        int threads = 3 + rnd.nextInt(2);
        for (int t = 0; t < threads; t++) {
            Litmus.T th = l.thread();
            th.addr("ax", "x").addr("ay", "y").addr("ap", "p");
            int regs = 0;
            int ops = threads == 3 ? 1 + rnd.nextInt(2) : 1;
            for (int i = 0; i < ops; i++) {
                String a = "a" + COUNTERS[rnd.nextInt(4) == 0 ? 1 : 0];
                String r = "r" + regs++, v = "r" + regs++;
                switch (rnd.nextInt(9)) {
                    case 0, 6, 7, 8 -> th.lwz(r, a).addi(v, r, 1).stw(v, a);
                    case 1 -> th.stw(a, "ap");
                    case 2 -> th.lwz(r, "ap").li(v, 5 + rnd.nextInt(3)).stw(v, r);
                    case 3 -> th.lwz(r, "ap").lwz(v, r).addi(v, v, 2).stw(v, r);
                    case 4 -> th.lwz(r, a).stw(r, "a" + COUNTERS[rnd.nextInt(2)]);
                    default -> th.sync();
                }
                if (rnd.nextBoolean()) l.location(new StateKey.RegKey(t, new Reg(r)));
            }
        }
        for (String c : COUNTERS) l.location(new StateKey.MemKey(c));
        Prop p = new Prop.Eq(new StateKey.MemKey("x"), new Expr.Const(1));
        return l.exists(p);
    }
}
