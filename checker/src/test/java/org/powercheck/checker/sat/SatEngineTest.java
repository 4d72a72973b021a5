package org.powercheck.checker.sat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.powercheck.checker.sat.Litmus.and;
import static org.powercheck.checker.sat.Litmus.eq;
import static org.powercheck.checker.sat.Litmus.mem;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.Judgement;
import org.powercheck.checker.Outcome;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Program;

class SatEngineTest {
    private final SatEngine engine = new SatEngine();

    private Outcome run(Program p) throws Exception {
        return engine.run(p, CheckOptions.defaults());
    }

    private static Set<String> states(Outcome o) {
        Set<String> out = new TreeSet<>();
        o.states().forEach(s -> out.add(s.format(o.program().layout())));
        return out;
    }

    private static Litmus mpShape(String name, boolean writerLwsync) {
        Litmus l = new Litmus(name, "x", "y");
        Litmus.T p0 = l.thread().addr("r2", "x").addr("r4", "y").li("r1", 1).stw("r1", "r2");
        if (writerLwsync) p0.lwsync();
        p0.li("r3", 1).stw("r3", "r4");
        return l;
    }

    @Test
    void mpIsAllowedWithoutBarriers() throws Exception {
        Litmus l = mpShape("MP", false);
        l.thread().addr("r2", "y").addr("r4", "x").lwz("r1", "r2").lwz("r3", "r4");
        Outcome o = run(l.exists(and(eq(1, "r1", 1), eq(1, "r3", 0))));
        assertEquals(Set.of("1:r1=0; 1:r3=0;", "1:r1=0; 1:r3=1;", "1:r1=1; 1:r3=0;", "1:r1=1; 1:r3=1;"), states(o));
        assertEquals("Sometimes", Judgement.of(o).observation());
        assertTrue(o.witness().isPresent());
        assertFalse(o.boundCut());
    }

    @Test
    void mpWithLwsyncsIsForbidden() throws Exception {
        Litmus l = mpShape("MP+lwsyncs", true);
        l.thread().addr("r2", "y").addr("r4", "x").lwz("r1", "r2").lwsync().lwz("r3", "r4");
        Outcome o = run(l.exists(and(eq(1, "r1", 1), eq(1, "r3", 0))));
        assertEquals(Set.of("1:r1=0; 1:r3=0;", "1:r1=0; 1:r3=1;", "1:r1=1; 1:r3=1;"), states(o));
        assertEquals("Never", Judgement.of(o).observation());
        assertTrue(o.witness().isEmpty());
    }

    @Test
    void mpWithLwsyncAndCtrlIsAllowedButCtrlIsyncForbids() throws Exception {
        Litmus ctrl = mpShape("MP+lwsync+ctrl", true);
        ctrl.thread().addr("r2", "y").addr("r4", "x").lwz("r1", "r2").cmpw("r1", "r1").beq("LC00")
                .label("LC00").lwz("r3", "r4");
        assertEquals("Sometimes", Judgement.of(run(ctrl.exists(and(eq(1, "r1", 1), eq(1, "r3", 0))))).observation());

        Litmus isync = mpShape("MP+lwsync+ctrlisync", true);
        isync.thread().addr("r2", "y").addr("r4", "x").lwz("r1", "r2").cmpw("r1", "r1").beq("LC00")
                .label("LC00").isync().lwz("r3", "r4");
        Outcome o = run(isync.exists(and(eq(1, "r1", 1), eq(1, "r3", 0))));
        assertEquals("Never", Judgement.of(o).observation());
        assertEquals(3, o.states().size());
    }

    @Test
    void sbWithSyncsIsForbiddenWithLwsyncsAllowed() throws Exception {
        for (boolean sync : new boolean[] {true, false}) {
            Litmus l = new Litmus("SB", "x", "y");
            Litmus.T p0 = l.thread().addr("r2", "x").addr("r4", "y").li("r1", 1).stw("r1", "r2");
            Litmus.T p1 = l.thread().addr("r2", "y").addr("r4", "x").li("r1", 1).stw("r1", "r2");
            if (sync) { p0.sync(); p1.sync(); } else { p0.lwsync(); p1.lwsync(); }
            p0.lwz("r3", "r4");
            p1.lwz("r3", "r4");
            Outcome o = run(l.exists(and(eq(0, "r3", 0), eq(1, "r3", 0))));
            assertEquals(sync ? 3 : 4, o.states().size());
            assertEquals(sync ? "Never" : "Sometimes", Judgement.of(o).observation());
        }
    }

    @Test
    void lbWithDataDependenciesIsForbidden() throws Exception {
        for (boolean data : new boolean[] {true, false}) {
            Litmus l = new Litmus("LB", "x", "y");
            for (int t = 0; t < 2; t++) {
                Litmus.T p = l.thread().addr("r2", t == 0 ? "x" : "y").addr("r4", t == 0 ? "y" : "x").lwz("r1", "r2");
                if (data) p.xor("r3", "r1", "r1").addi("r3", "r3", 1); else p.li("r3", 1);
                p.stw("r3", "r4");
            }
            Outcome o = run(l.exists(and(eq(0, "r1", 1), eq(1, "r1", 1))));
            assertEquals(data ? "Never" : "Sometimes", Judgement.of(o).observation());
            assertEquals(data ? 3 : 4, o.states().size());
        }
    }

    @Test
    void iriwWithSyncsIsForbiddenWithLwsyncsAllowed() throws Exception {
        for (boolean sync : new boolean[] {true, false}) {
            Litmus l = new Litmus("IRIW", "x", "y");
            l.thread().addr("r2", "x").li("r1", 1).stw("r1", "r2");
            Litmus.T p1 = l.thread().addr("r2", "x").addr("r4", "y").lwz("r1", "r2");
            l.thread().addr("r2", "y").li("r1", 1).stw("r1", "r2");
            Litmus.T p3 = l.thread().addr("r2", "y").addr("r4", "x").lwz("r1", "r2");
            if (sync) { p1.sync(); p3.sync(); } else { p1.lwsync(); p3.lwsync(); }
            p1.lwz("r3", "r4");
            p3.lwz("r3", "r4");
            Outcome o = run(l.exists(and(eq(1, "r1", 1), eq(1, "r3", 0), eq(3, "r1", 1), eq(3, "r3", 0))));
            assertEquals(sync ? 15 : 16, o.states().size());
            assertEquals(sync ? "Never" : "Sometimes", Judgement.of(o).observation());
        }
    }

    @Test
    void rWithLwsyncAndSyncIsAllowedByPpcCat() throws Exception {
        Litmus l = new Litmus("R+lwsync+sync", "x", "y");
        l.thread().addr("r2", "x").addr("r4", "y").li("r1", 1).stw("r1", "r2").lwsync().li("r3", 1).stw("r3", "r4");
        l.thread().addr("r2", "y").addr("r4", "x").li("r1", 2).stw("r1", "r2").sync().lwz("r3", "r4");
        Outcome o = run(l.exists(and(mem("y", 2), eq(1, "r3", 0))));
        assertEquals(Set.of("1:r3=0; [y]=1;", "1:r3=0; [y]=2;", "1:r3=1; [y]=1;", "1:r3=1; [y]=2;"), states(o));
        assertEquals("Sometimes", Judgement.of(o).observation());
    }

    @Test
    void twoPlusTwoWritesWithLwsyncsIsForbidden() throws Exception {
        Litmus l = new Litmus("2+2W+lwsyncs", "x", "y");
        l.thread().addr("r2", "x").addr("r4", "y").li("r1", 2).stw("r1", "r2").lwsync().li("r3", 1).stw("r3", "r4");
        l.thread().addr("r2", "y").addr("r4", "x").li("r1", 2).stw("r1", "r2").lwsync().li("r3", 1).stw("r3", "r4");
        Outcome o = run(l.exists(and(mem("x", 2), mem("y", 2))));
        assertEquals(Set.of("[x]=1; [y]=1;", "[x]=1; [y]=2;", "[x]=2; [y]=1;"), states(o));
    }

    @Test
    void atomicIncrementsCannotBothSucceedOnTheSameValue() throws Exception {
        Litmus l = new Litmus("ATOM+inc", "x");
        for (int t = 0; t < 2; t++) {
            l.thread().addr("r2", "x").set("r5", 0).lwarx("r1", "r2").addi("r1", "r1", 1).stwcx("r1", "r2")
                    .bne("LC0" + t).li("r5", 1).label("LC0" + t);
        }
        Outcome o = run(l.exists(and(mem("x", 1), eq(0, "r5", 1), eq(1, "r5", 1))));
        assertEquals(Set.of("0:r5=0; 1:r5=0; [x]=0;", "0:r5=0; 1:r5=1; [x]=1;", "0:r5=1; 1:r5=0; [x]=1;",
                "0:r5=1; 1:r5=1; [x]=2;"), states(o));
    }

    @Test
    void storeConditionalWithoutReservationFails() throws Exception {
        Litmus l = new Litmus("SC-no-reservation", "x");
        l.thread().addr("r2", "x").li("r1", 5).stwcx("r1", "r2").bne("L").li("r5", 1).label("L");
        Outcome o = run(l.exists(eq(0, "r5", 1)));
        assertEquals(Set.of("0:r5=0;"), states(o));
    }

    @Test
    void coRRIsForbidden() throws Exception {
        Litmus l = new Litmus("CoRR", "x");
        l.thread().addr("r2", "x").li("r1", 1).stw("r1", "r2");
        l.thread().addr("r2", "x").lwz("r1", "r2").lwz("r3", "r2");
        Outcome o = run(l.exists(and(eq(1, "r1", 1), eq(1, "r3", 0))));
        assertEquals(Set.of("1:r1=0; 1:r3=0;", "1:r1=0; 1:r3=1;", "1:r1=1; 1:r3=1;"), states(o));
    }

    @Test
    void wrcIsForbiddenWithLwsyncAndAddrButAllowedWithDataAndAddr() throws Exception {
        for (boolean lwsync : new boolean[] {true, false}) {
            Litmus l = new Litmus("WRC", "x", "y");
            l.thread().addr("r2", "x").li("r1", 1).stw("r1", "r2");
            Litmus.T p1 = l.thread().addr("r2", "x").addr("r4", "y").lwz("r1", "r2");
            if (lwsync) p1.lwsync().li("r3", 1); else p1.xor("r3", "r1", "r1").addi("r3", "r3", 1);
            p1.stw("r3", "r4");
            l.thread().addr("r2", "y").addr("r4", "x").lwz("r1", "r2").xor("r3", "r1", "r1").lwzx("r5", "r3", "r4");
            Outcome o = run(l.exists(and(eq(1, "r1", 1), eq(2, "r1", 1), eq(2, "r5", 0))));
            assertEquals(lwsync ? "Never" : "Sometimes", Judgement.of(o).observation());
            assertEquals(lwsync ? 7 : 8, o.states().size());
        }
    }

    @Test
    void spinLoopIsCutAtTheUnwindingBound() throws Exception {
        Litmus l = new Litmus("spin", "x");
        l.thread().addr("r2", "x").li("r1", 1).stw("r1", "r2");
        l.thread().addr("r2", "x").label("L").lwz("r1", "r2").cmpwi("r1", 0).beq("L");
        Outcome o = run(l.exists(eq(1, "r1", 1)));
        assertEquals(Set.of("1:r1=1;"), states(o));
        assertTrue(o.boundCut());
    }

    @Test
    void countingLoopWithinTheBoundIsNotCut() throws Exception {
        Litmus l = new Litmus("count", "x");
        l.thread().li("r1", 0).label("L").addi("r1", "r1", 1).cmpwi("r1", 3).bne("L");
        Program p = l.exists(eq(0, "r1", 3));
        Outcome o = engine.run(p, CheckOptions.defaults());
        assertEquals(Set.of("0:r1=3;"), states(o));
        assertFalse(o.boundCut());
        Outcome cut = engine.run(p, CheckOptions.defaults().withUnwind(1));
        assertTrue(cut.states().isEmpty());
        assertTrue(cut.boundCut());
    }

    @Test
    void filterAndAssumeDropExecutions() throws Exception {
        Litmus l = new Litmus("MP-filter", "x", "y");
        l.thread().addr("r2", "x").addr("r4", "y").li("r1", 1).stw("r1", "r2").li("r3", 1).stw("r3", "r4");
        l.thread().addr("r2", "y").addr("r4", "x").lwz("r1", "r2")
                .assume(new Expr.Binary(Expr.BinOp.EQ, Litmus.reg("r1"), new Expr.Const(1))).lwz("r3", "r4");
        l.filter(eq(1, "r3", 1));
        Outcome o = run(l.exists(eq(1, "r1", 1)));
        assertEquals(Set.of("1:r1=1;"), states(o));
    }
}
