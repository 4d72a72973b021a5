package org.powercheck.checker.explicit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.powercheck.checker.explicit.PpcBuilder.and;
import static org.powercheck.checker.explicit.PpcBuilder.mem;
import static org.powercheck.checker.explicit.PpcBuilder.reg;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.CheckTimeoutException;
import org.powercheck.checker.FinalState;
import org.powercheck.checker.Outcome;
import org.powercheck.ir.Program;
import org.powercheck.ir.StateKey;

/**
 * The classic shapes of shared/spec/power-model.md §1.11, built in IR; each expectation is
 * herd7 7.58's list of final states for the same test (shared/litmus/herd-out).
 */
class ExplicitEngineLitmusTest {
    private static Outcome run(Program p) throws CheckTimeoutException {
        return new ExplicitEngine().run(p, CheckOptions.defaults());
    }

    static void assertStates(Program p, String... herdLines) throws CheckTimeoutException {
        Outcome o = run(p);
        List<String> actual = o.states().stream().map(s -> s.format(p.layout())).toList();
        assertEquals(List.of(herdLines), actual, p.name());
        assertFalse(o.boundCut(), p.name());
    }

    /** MP with the given code between P0's stores and between P1's loads. */
    private static Program mp(String name, boolean writerLwsync, boolean readerLwsync) {
        PpcBuilder b = new PpcBuilder(name, "x", "y");
        PpcBuilder.Thread p0 = b.thread().initAddress("r2", "x").initAddress("r4", "y").li("r1", 1).stw("r1", 0, "r2");
        if (writerLwsync) p0.lwsync();
        p0.li("r3", 1).stw("r3", 0, "r4");
        PpcBuilder.Thread p1 = b.thread().initAddress("r2", "y").initAddress("r4", "x").lwz("r1", 0, "r2");
        if (readerLwsync) p1.lwsync();
        p1.lwz("r3", 0, "r4");
        return b.exists(and(reg(1, "r1", 1), reg(1, "r3", 0))).build();
    }

    @Test
    void mpAllowsEveryOutcome() throws Exception {
        assertStates(mp("MP", false, false),
                "1:r1=0; 1:r3=0;", "1:r1=0; 1:r3=1;", "1:r1=1; 1:r3=0;", "1:r1=1; 1:r3=1;");
    }

    @Test
    void mpWithLwsyncsForbidsStaleRead() throws Exception {
        assertStates(mp("MP+lwsyncs", true, true), "1:r1=0; 1:r3=0;", "1:r1=0; 1:r3=1;", "1:r1=1; 1:r3=1;");
    }

    @Test
    void mpWithLwsyncOnWriterOnlyIsAllowed() throws Exception {
        assertStates(mp("MP+lwsync+po", true, false),
                "1:r1=0; 1:r3=0;", "1:r1=0; 1:r3=1;", "1:r1=1; 1:r3=0;", "1:r1=1; 1:r3=1;");
    }

    private static Program mpCtrl(String name, boolean isync) {
        PpcBuilder b = new PpcBuilder(name, "x", "y");
        b.thread().initAddress("r2", "x").initAddress("r4", "y")
                .li("r1", 1).stw("r1", 0, "r2").lwsync().li("r3", 1).stw("r3", 0, "r4");
        PpcBuilder.Thread p1 = b.thread().initAddress("r2", "y").initAddress("r4", "x")
                .lwz("r1", 0, "r2").cmpw("r1", "r1").beq("LC00").label("LC00");
        if (isync) p1.isync();
        p1.lwz("r3", 0, "r4");
        return b.exists(and(reg(1, "r1", 1), reg(1, "r3", 0))).build();
    }

    @Test
    void ctrlAloneDoesNotOrderReads() throws Exception {
        assertStates(mpCtrl("MP+lwsync+ctrl", false),
                "1:r1=0; 1:r3=0;", "1:r1=0; 1:r3=1;", "1:r1=1; 1:r3=0;", "1:r1=1; 1:r3=1;");
    }

    @Test
    void ctrlIsyncOrdersReads() throws Exception {
        assertStates(mpCtrl("MP+lwsync+ctrlisync", true), "1:r1=0; 1:r3=0;", "1:r1=0; 1:r3=1;", "1:r1=1; 1:r3=1;");
    }

    @Test
    void sbWithSyncsForbidsBothZero() throws Exception {
        PpcBuilder b = new PpcBuilder("SB+syncs", "x", "y");
        b.thread().initAddress("r2", "x").initAddress("r4", "y").li("r1", 1).stw("r1", 0, "r2").sync().lwz("r3", 0, "r4");
        b.thread().initAddress("r2", "y").initAddress("r4", "x").li("r1", 1).stw("r1", 0, "r2").sync().lwz("r3", 0, "r4");
        assertStates(b.exists(and(reg(0, "r3", 0), reg(1, "r3", 0))).build(),
                "0:r3=0; 1:r3=1;", "0:r3=1; 1:r3=0;", "0:r3=1; 1:r3=1;");
    }

    @Test
    void lbWithDataDependenciesForbidsThinAir() throws Exception {
        PpcBuilder b = new PpcBuilder("LB+datas", "x", "y");
        for (int t = 0; t < 2; t++) {
            b.thread().initAddress("r2", t == 0 ? "x" : "y").initAddress("r4", t == 0 ? "y" : "x")
                    .lwz("r1", 0, "r2").xor("r3", "r1", "r1").addi("r3", "r3", 1).stw("r3", 0, "r4");
        }
        assertStates(b.notExists(and(reg(0, "r1", 1), reg(1, "r1", 1))).build(),
                "0:r1=0; 1:r1=0;", "0:r1=0; 1:r1=1;", "0:r1=1; 1:r1=0;");
    }

    private static Program iriw(String name, boolean sync) {
        PpcBuilder b = new PpcBuilder(name, "x", "y");
        b.thread().initAddress("r2", "x").li("r1", 1).stw("r1", 0, "r2");
        PpcBuilder.Thread p1 = b.thread().initAddress("r2", "x").initAddress("r4", "y").lwz("r1", 0, "r2");
        (sync ? p1.sync() : p1.lwsync()).lwz("r3", 0, "r4");
        b.thread().initAddress("r2", "y").li("r1", 1).stw("r1", 0, "r2");
        PpcBuilder.Thread p3 = b.thread().initAddress("r2", "y").initAddress("r4", "x").lwz("r1", 0, "r2");
        (sync ? p3.sync() : p3.lwsync()).lwz("r3", 0, "r4");
        return b.exists(and(reg(1, "r1", 1), reg(1, "r3", 0), reg(3, "r1", 1), reg(3, "r3", 0))).build();
    }

    private static String[] allIriwStatesExcept(String missing) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int bits = 0; bits < 16; bits++) {
            String s = "1:r1=" + (bits >> 3 & 1) + "; 1:r3=" + (bits >> 2 & 1) + "; 3:r1=" + (bits >> 1 & 1)
                    + "; 3:r3=" + (bits & 1) + ";";
            if (!s.equals(missing)) out.add(s);
        }
        return out.toArray(String[]::new);
    }

    @Test
    void iriwWithSyncsIsMulticopyAtomic() throws Exception {
        assertStates(iriw("IRIW+syncs", true), allIriwStatesExcept("1:r1=1; 1:r3=0; 3:r1=1; 3:r3=0;"));
    }

    @Test
    void iriwWithLwsyncsIsNot() throws Exception {
        assertStates(iriw("IRIW+lwsyncs", false), allIriwStatesExcept(""));
    }

    private static Program rShape(String name, boolean sync) {
        PpcBuilder b = new PpcBuilder(name, "x", "y");
        b.thread().initAddress("r2", "x").initAddress("r4", "y").li("r1", 1).stw("r1", 0, "r2").lwsync()
                .li("r3", 1).stw("r3", 0, "r4");
        PpcBuilder.Thread p1 = b.thread().initAddress("r2", "y").initAddress("r4", "x").li("r1", 2).stw("r1", 0, "r2");
        (sync ? p1.sync() : p1.lwsync()).lwz("r3", 0, "r4");
        return b.exists(and(mem("y", 2), reg(1, "r3", 0))).build();
    }

    @Test
    void rWithLwsyncAndSyncIsAllowedByTheModel() throws Exception {
        assertStates(rShape("R+lwsync+sync", true),
                "1:r3=0; [y]=1;", "1:r3=0; [y]=2;", "1:r3=1; [y]=1;", "1:r3=1; [y]=2;");
    }

    @Test
    void twoPlusTwoWritesWithLwsyncs() throws Exception {
        PpcBuilder b = new PpcBuilder("2+2W+lwsyncs", "x", "y");
        b.thread().initAddress("r5", "x").initAddress("r6", "y").initValue("r1", 1).initValue("r2", 2)
                .stw("r1", 0, "r5").lwsync().stw("r2", 0, "r6");
        b.thread().initAddress("r5", "x").initAddress("r6", "y").initValue("r1", 1).initValue("r2", 2)
                .stw("r1", 0, "r6").lwsync().stw("r2", 0, "r5");
        b.locations(new StateKey.MemKey("x"), new StateKey.MemKey("y"));
        assertStates(b.notExists(and(mem("x", 1), mem("y", 1))).build(),
                "[x]=1; [y]=2;", "[x]=2; [y]=1;", "[x]=2; [y]=2;");
    }

    @Test
    void atomicIncrementsDoNotLoseUpdates() throws Exception {
        PpcBuilder b = new PpcBuilder("ATOM+inc", "x");
        for (int t = 0; t < 2; t++) {
            b.thread().initAddress("r2", "x").initValue("r5", 0)
                    .lwarx("r1", "r0", "r2").addi("r1", "r1", 1).stwcx("r1", "r0", "r2").bne("LC0" + t)
                    .li("r5", 1).label("LC0" + t);
        }
        assertStates(b.exists(and(mem("x", 1), reg(0, "r5", 1), reg(1, "r5", 1))).build(),
                "0:r5=0; 1:r5=0; [x]=0;", "0:r5=0; 1:r5=1; [x]=1;", "0:r5=1; 1:r5=0; [x]=1;",
                "0:r5=1; 1:r5=1; [x]=2;");
    }

    @Test
    void coRRForbidsReadingBackwards() throws Exception {
        PpcBuilder b = new PpcBuilder("CoRR", "x");
        b.thread().initAddress("r2", "x").li("r1", 1).stw("r1", 0, "r2");
        b.thread().initAddress("r2", "x").lwz("r1", 0, "r2").lwz("r3", 0, "r2");
        assertStates(b.exists(and(reg(1, "r1", 1), reg(1, "r3", 0))).build(),
                "1:r1=0; 1:r3=0;", "1:r1=0; 1:r3=1;", "1:r1=1; 1:r3=1;");
    }

    @Test
    void wrcWithLwsyncAndAddressDependency() throws Exception {
        PpcBuilder b = new PpcBuilder("WRC+lwsync+addr", "x", "y");
        b.thread().initAddress("r2", "x").li("r1", 1).stw("r1", 0, "r2");
        b.thread().initAddress("r2", "x").initAddress("r4", "y").lwz("r1", 0, "r2").lwsync().li("r3", 1).stw("r3", 0, "r4");
        b.thread().initAddress("r2", "y").initAddress("r5", "x").lwz("r1", 0, "r2").xor("r3", "r1", "r1")
                .lwzx("r4", "r3", "r5");
        assertStates(b.notExists(and(reg(1, "r1", 1), reg(2, "r1", 1), reg(2, "r4", 0))).build(),
                "1:r1=0; 2:r1=0; 2:r4=0;", "1:r1=0; 2:r1=0; 2:r4=1;", "1:r1=0; 2:r1=1; 2:r4=0;",
                "1:r1=0; 2:r1=1; 2:r4=1;", "1:r1=1; 2:r1=0; 2:r4=0;", "1:r1=1; 2:r1=0; 2:r4=1;",
                "1:r1=1; 2:r1=1; 2:r4=1;");
    }

    @Test
    void witnessShowsAnExecutionOfTheCondition() throws Exception {
        Program p = mp("MP", false, false);
        Outcome o = run(p);
        FinalState w = o.witness().orElseThrow().state();
        assertEquals("1:r1=1; 1:r3=0;", w.format(p.layout()));
        assertEquals(2 + 2 + 2, o.witness().get().events().size());
    }

    @Test
    void noWitnessWhenTheConditionIsUnreachable() throws Exception {
        assertFalse(run(mp("MP+lwsyncs", true, true)).witness().isPresent());
    }
}
