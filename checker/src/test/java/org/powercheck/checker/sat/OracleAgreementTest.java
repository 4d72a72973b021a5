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
 * The SAT engine and the explicit oracle must find the same final states and the same
 * unwinding verdict on random small programs with loads, stores, fences, dependencies,
 * branches, load-reserve/store-conditional pairs and spin loops.
 */
class OracleAgreementTest {
    private static final String[] CELLS = {"x", "y", "z"};

    @Property(tries = 150)
    void satAgreesWithExplicitEngine(@ForAll long seed) throws Exception {
        Program p = randomProgram(new Random(seed), 3);
        CheckOptions opts = CheckOptions.defaults().withUnwind(1);
        Outcome sat = new SatEngine().run(p, opts);
        Outcome explicit = new ExplicitEngine().run(p, opts);
        assertEquals(explicit.states(), sat.states(), () -> "states of seed " + seed);
        assertEquals(explicit.boundCut(), sat.boundCut(), () -> "bound cut of seed " + seed);
    }

    /** With every composition lazy (refined on models), the results must not change. */
    @Property(tries = 60)
    void lazyCompositionsAgreeWithEager(@ForAll long seed) throws Exception {
        Program p = randomProgram(new Random(seed), 3);
        CheckOptions opts = CheckOptions.defaults().withUnwind(1);
        Outcome eager = new SatEngine().run(p, opts);
        Outcome lazy = new SatEngine(0).run(p, opts);
        assertEquals(eager.states(), lazy.states(), () -> "states of seed " + seed);
        assertEquals(eager.boundCut(), lazy.boundCut(), () -> "bound cut of seed " + seed);
    }

    /** With every check over one-way relations decided on models, the results must not change. */
    @Property(tries = 100)
    void checksDecidedOnModelsAgreeWithEager(@ForAll long seed) throws Exception {
        Program p = randomProgram(new Random(seed), 3);
        CheckOptions opts = CheckOptions.defaults().withUnwind(1);
        Outcome eager = new SatEngine(RelationEncoder.DEFAULT_LAZY_TERMS, Long.MAX_VALUE).run(p, opts);
        Outcome refined = new SatEngine(RelationEncoder.DEFAULT_LAZY_TERMS, 0).run(p, opts);
        assertEquals(eager.states(), refined.states(), () -> "states of seed " + seed);
        assertEquals(eager.boundCut(), refined.boundCut(), () -> "bound cut of seed " + seed);
    }

    /** @param maxOps at most this many operations per thread (each a few instructions) */
    static Program randomProgram(Random rnd, int maxOps) {
        int cells = 2 + rnd.nextInt(2);
        String[] names = new String[cells];
        System.arraycopy(CELLS, 0, names, 0, cells);
        Litmus l = new Litmus("random", names);
        int threads = 2 + rnd.nextInt(2);
        for (int t = 0; t < threads; t++) {
            Litmus.T th = l.thread();
            for (int c = 0; c < cells; c++) th.addr("a" + c, names[c]);
            int regs = 0;
            int labels = 0;
            int ops = 1 + rnd.nextInt(maxOps);
            String lastLoad = null;
            for (int i = 0; i < ops; i++) {
                String a = "a" + rnd.nextInt(cells);
                switch (rnd.nextInt(10)) {
                    case 0, 1 -> {
                        String r = "r" + regs++;
                        th.li(r, 1 + rnd.nextInt(2)).stw(r, a);
                    }
                    case 2, 3 -> {
                        String r = "r" + regs++;
                        th.lwz(r, a);
                        l.location(new StateKey.RegKey(t, new Reg(r)));
                        lastLoad = r;
                    }
                    case 4 -> th.fence(org.powercheck.ir.FenceKind.values()[rnd.nextInt(4)]);
                    case 5 -> {
                        if (lastLoad == null) continue;
                        String d = "r" + regs++;
                        th.xor(d, lastLoad, lastLoad).addi(d, d, 1 + rnd.nextInt(2)).stw(d, a);
                    }
                    case 6 -> {
                        if (lastLoad == null) continue;
                        String d = "r" + regs++, v = "r" + regs++;
                        th.xor(d, lastLoad, lastLoad).lwzx(v, d, a);
                        l.location(new StateKey.RegKey(t, new Reg(v)));
                    }
                    case 7 -> {
                        if (lastLoad == null) continue;
                        String label = "L" + t + "_" + labels++;
                        th.cmpwi(lastLoad, rnd.nextInt(2)).beq(label);
                        if (rnd.nextBoolean()) th.isync();
                        String r = "r" + regs++;
                        th.lwz(r, a).label(label);
                        l.location(new StateKey.RegKey(t, new Reg(r)));
                    }
                    case 8 -> {
                        String r = "r" + regs++, v = "r" + regs++, ok = "r" + regs++;
                        String label = "L" + t + "_" + labels++;
                        th.set(ok, 0).lwarx(r, a).addi(v, r, 1).stwcx(v, a).bne(label).li(ok, 1).label(label);
                        l.location(new StateKey.RegKey(t, new Reg(r)));
                        l.location(new StateKey.RegKey(t, new Reg(ok)));
                    }
                    default -> {
                        String r = "r" + regs++;
                        String label = "L" + t + "_" + labels++;
                        th.label(label).lwz(r, a).cmpwi(r, 0).beq(label);
                        l.location(new StateKey.RegKey(t, new Reg(r)));
                    }
                }
            }
        }
        for (String c : names) l.location(new StateKey.MemKey(c));
        Prop p = new Prop.Eq(new StateKey.MemKey(names[0]), new Expr.Const(1));
        return l.exists(p);
    }
}
