package org.powercheck.checker.explicit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.powercheck.checker.explicit.PpcBuilder.and;
import static org.powercheck.checker.explicit.PpcBuilder.mem;
import static org.powercheck.checker.explicit.PpcBuilder.reg;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.CheckTimeoutException;
import org.powercheck.checker.Outcome;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Program;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.StateKey;
import org.powercheck.model.Check;
import org.powercheck.model.Model;
import org.powercheck.model.PpcModel;

/** The execution semantics of the IR that both engines share (the Javadoc of Instr). */
class ExplicitEngineSemanticsTest {
    private static Outcome run(Program p, CheckOptions options) throws CheckTimeoutException {
        return new ExplicitEngine().run(p, options);
    }

    private static List<String> states(Outcome o) {
        return o.states().stream().map(s -> s.format(o.program().layout())).toList();
    }

    /** P0 spins until it reads x != 0; P1 sets x. */
    private static Program spin() {
        PpcBuilder b = new PpcBuilder("spin", "x");
        b.thread().initAddress("r2", "x").label("L").lwz("r1", 0, "r2").cmpwi("r1", 0).beq("L");
        b.thread().initAddress("r2", "x").li("r1", 1).stw("r1", 0, "r2");
        return b.exists(reg(0, "r1", 1)).build();
    }

    @Test
    void loopBeyondTheBoundIsReportedAsCut() throws Exception {
        Outcome o = run(spin(), CheckOptions.defaults().withUnwind(2));
        assertEquals(List.of("0:r1=1;"), states(o));
        assertTrue(o.boundCut());
    }

    /** A counted loop: the backward branch is taken exactly once. */
    private static Program countedLoop() {
        PpcBuilder b = new PpcBuilder("count", "x");
        b.thread().initAddress("r2", "x").li("r1", 0).label("L").addi("r1", "r1", 1).stw("r1", 0, "r2")
                .cmpwi("r1", 2).bne("L");
        return b.exists(mem("x", 2)).build();
    }

    @Test
    void loopWithinTheBoundIsNotCut() throws Exception {
        Outcome o = run(countedLoop(), CheckOptions.defaults().withUnwind(1));
        assertEquals(List.of("[x]=2;"), states(o));
        assertFalse(o.boundCut());
    }

    @Test
    void loopNeedingOneMoreIterationIsCut() throws Exception {
        Outcome o = run(countedLoop(), CheckOptions.defaults().withUnwind(0));
        assertEquals(List.of(), states(o));
        assertTrue(o.boundCut());
    }

    @Test
    void cutExecutionsTheModelForbidsDoNotCount() throws Exception {
        // P1 spins on y until it sees 1, then (in the cut prefix) it has read x=0 after a stale y:
        // the only cut runs read y=0 repeatedly, which the model allows, so take a forbidden one.
        PpcBuilder b = new PpcBuilder("cut-forbidden", "x");
        b.thread().initAddress("r2", "x").li("r1", 1).stw("r1", 0, "r2");
        // Reads x=1 then x=0 before looping: CoRR forbids that prefix.
        b.thread().initAddress("r2", "x").label("L").lwz("r1", 0, "r2").lwz("r3", 0, "r2")
                .cmpwi("r1", 1).bne("E").cmpwi("r3", 0).beq("L").label("E");
        Outcome o = run(b.exists(reg(1, "r1", 1)).build(), CheckOptions.defaults().withUnwind(0));
        assertFalse(o.boundCut());
        assertEquals(List.of("1:r1=0;", "1:r1=1;"), states(o));
    }

    @Test
    void assumeDiscardsExecutions() throws Exception {
        PpcBuilder b = new PpcBuilder("assume", "x");
        b.thread().initAddress("r2", "x").li("r1", 1).stw("r1", 0, "r2");
        b.thread().initAddress("r2", "x").lwz("r1", 0, "r2")
                .add(new Instr.Assume(new Expr.RegRef(new Reg("r1")), SourcePos.UNKNOWN));
        assertEquals(List.of("1:r1=1;"), states(run(b.exists(reg(1, "r1", 1)).build(), CheckOptions.defaults())));
    }

    @Test
    void filterDropsFinalStatesOnKeysNotObserved() throws Exception {
        PpcBuilder b = new PpcBuilder("filter", "x", "y");
        b.thread().initAddress("r2", "x").initAddress("r4", "y").li("r1", 1).stw("r1", 0, "r2").stw("r1", 0, "r4");
        b.thread().initAddress("r2", "y").initAddress("r4", "x").lwz("r1", 0, "r2").lwz("r3", 0, "r4");
        Program p = b.exists(reg(1, "r3", 0)).filter(reg(1, "r1", 1)).build();
        assertEquals(List.of("1:r3=0;", "1:r3=1;"), states(run(p, CheckOptions.defaults())));
    }

    @Test
    void storeConditionalNeedsAReservationOnTheSameAddress() throws Exception {
        PpcBuilder b = new PpcBuilder("stwcx-reservation", "x", "y");
        b.thread().initAddress("r2", "x").initAddress("r3", "y").li("r5", 7)
                .stwcx("r5", "r0", "r2").mr("r6", "cr0")        // no reservation: fails
                .lwarx("r1", "r0", "r3").stwcx("r5", "r0", "r2").mr("r7", "cr0")   // other address: fails
                .lwarx("r1", "r0", "r2").stwcx("r5", "r0", "r2").mr("r8", "cr0")   // may succeed
                .stwcx("r5", "r0", "r2").mr("r9", "cr0");       // reservation consumed: fails
        b.locations(new StateKey.MemKey("x"));
        Program p = b.exists(and(reg(0, "r6", 1), reg(0, "r7", 1), reg(0, "r8", 0), reg(0, "r9", 1))).build();
        assertEquals(List.of("0:r6=1; 0:r7=1; 0:r8=0; 0:r9=1; [x]=7;", "0:r6=1; 0:r7=1; 0:r8=1; 0:r9=1; [x]=0;"),
                states(run(p, CheckOptions.defaults())));
    }

    @Test
    void accessToANonCellAddressDropsTheExecution() throws Exception {
        PpcBuilder b = new PpcBuilder("wild", "x");
        // r1 is 0 or 1; adding it to &x gives a non-cell address when it is 1.
        b.thread().initAddress("r2", "x").li("r3", 1).stw("r3", 0, "r2");
        b.thread().initAddress("r2", "x").lwz("r1", 0, "r2").lwzx("r4", "r1", "r2");
        assertEquals(List.of("1:r1=0; 1:r4=0;", "1:r1=0; 1:r4=1;"),
                states(run(b.exists(and(reg(1, "r1", 0), reg(1, "r4", 0))).build(), CheckOptions.defaults())));
    }

    @Test
    void valuesComputedFromLoadedValuesAreRead() throws Exception {
        // x goes 0 -> 1 (P0) -> 2 (P1 adds one to what it read): a load of x may return 2.
        PpcBuilder b = new PpcBuilder("chain", "x");
        b.thread().initAddress("r2", "x").li("r1", 1).stw("r1", 0, "r2").lwz("r3", 0, "r2");
        b.thread().initAddress("r2", "x").lwz("r1", 0, "r2").addi("r1", "r1", 1).stw("r1", 0, "r2");
        Program p = b.exists(reg(0, "r3", 2)).build();
        assertEquals(List.of("0:r3=1;", "0:r3=2;"), states(run(p, CheckOptions.defaults())));
    }

    @Test
    void valuesFlowThroughChainsOfThreads() throws Exception {
        // P0: x=1; P1: y = x+1; P2: x = y+1. x ends as 3 only through both copies (2 rounds of
        // the value domain), and y=2 excludes x=2 since y has one write.
        PpcBuilder b = new PpcBuilder("chain3", "x", "y");
        b.thread().initAddress("r2", "x").li("r1", 1).stw("r1", 0, "r2");
        b.thread().initAddress("r2", "x").initAddress("r4", "y").lwz("r1", 0, "r2").addi("r3", "r1", 1).stw("r3", 0, "r4");
        b.thread().initAddress("r2", "y").initAddress("r4", "x").lwz("r1", 0, "r2").addi("r3", "r1", 1).stw("r3", 0, "r4");
        Program p = b.exists(mem("x", 3)).locations(new StateKey.MemKey("y")).build();
        assertEquals(List.of("[x]=1; [y]=1;", "[x]=1; [y]=2;", "[x]=2; [y]=1;", "[x]=3; [y]=2;"),
                states(run(p, CheckOptions.defaults())));
    }

    @Test
    void pathsGivenUpForNowStillFeedTheValues() throws Exception {
        // P1 reads z as a pointer only after its own write z=&x; until y=1 is readable, that path
        // reads z=0 and dereferences nothing. The write z=&x must still reach the domain.
        PpcBuilder b = new PpcBuilder("PPOCA", "x", "y", "z");
        b.thread().initAddress("r2", "x").initAddress("r4", "y").li("r1", 1).stw("r1", 0, "r2").lwsync()
                .stw("r1", 0, "r4");
        b.thread().initAddress("r4", "y").initAddress("r5", "z").lwz("r1", 0, "r4").cmpwi("r1", 0).beq("L")
                .la("r6", "x").stw("r6", 0, "r5").lwz("r2", 0, "r5").lwz("r3", 0, "r2").label("L");
        Program p = b.exists(and(reg(1, "r1", 1), reg(1, "r3", 0))).locations(new StateKey.RegKey(1, new Reg("r2"))).build();
        assertEquals(List.of("1:r1=0; 1:r2=0; 1:r3=0;", "1:r1=1; 1:r2=x; 1:r3=0;", "1:r1=1; 1:r2=x; 1:r3=1;"),
                states(run(p, CheckOptions.defaults())));
    }

    @Test
    void theModelComesFromTheOptions() throws Exception {
        List<Check> weaker = new ArrayList<>(PpcModel.MODEL.checks());
        weaker.removeIf(c -> c.name().equals("observation"));
        PpcBuilder b = new PpcBuilder("MP+lwsyncs", "x", "y");
        b.thread().initAddress("r2", "x").initAddress("r4", "y").li("r1", 1).stw("r1", 0, "r2").lwsync()
                .stw("r1", 0, "r4");
        b.thread().initAddress("r2", "y").initAddress("r4", "x").lwz("r1", 0, "r2").lwsync().lwz("r3", 0, "r4");
        Program p = b.exists(and(reg(1, "r1", 1), reg(1, "r3", 0))).build();
        CheckOptions options = new CheckOptions(new Model("no-observation", weaker), 2, Long.MAX_VALUE);
        assertEquals(4, run(p, options).states().size());
        assertEquals(3, run(p, CheckOptions.defaults()).states().size());
    }

    @Test
    void deadlineIsHonoured() {
        CheckOptions expired = new CheckOptions(PpcModel.MODEL, 2, System.nanoTime() - 1);
        assertThrows(CheckTimeoutException.class, () -> run(spin(), expired));
    }
}
