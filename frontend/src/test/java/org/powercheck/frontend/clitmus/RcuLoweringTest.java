package org.powercheck.frontend.clitmus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercheck.ir.InputException;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Program;
import org.powercheck.model.mapping.KernelMapping;

/**
 * RCU and SRCU in C litmus tests: the events each model gets (herd's tagged events under the
 * LKMM, the ppc64 sequence with the section and grace-period events on POWER), and the misuse
 * the kernel's API forbids, reported at the call.
 */
class RcuLoweringTest {
    private static final String SRCU_THREAD = "\\tint r1;\\n\\tr1 = srcu_read_lock(s);\\n\\tWRITE_ONCE(*x, 1);\\n"
            + "\\tsrcu_read_unlock(s, r1);\\n\\tsynchronize_srcu(s);\\n";

    private static List<String> code(String body, KernelMapping mapping) {
        String text = "C t\n{}\nP0(int *x, struct srcu_struct *s, struct srcu_struct *s2)\n{\n" + body.replace("\\t", "\t").replace("\\n", "\n")
                + "\n}\nexists (x=0)\n";
        Program p = CLitmusFrontend.parse(text, "t.litmus", mapping);
        return p.threads().get(0).code().stream().map(Instr::toString).toList();
    }

    private static String error(String body) {
        return assertThrows(InputException.class, () -> code(body, KernelMapping.power9())).getMessage();
    }

    @Test
    void srcuUnderTheLkmmIsHerdsReadAndWriteOfTheSrcuStruct() {
        assertEquals(List.of(
                "r1 = load.32{srcu-lock} [&s]",
                "store.32{once} [&x] = 1",
                "store.32{srcu-unlock} [&s] = r1",
                "F[sync-srcu] [&s]"), code(SRCU_THREAD, KernelMapping.lkmm()));
    }

    @Test
    void srcuOnPowerIsTheIndexLoadAndTheFullBarriersOfTreeSrcu() {
        assertEquals(List.of(
                "r1 = load.32{srcu-lock} [&s]",
                "sync",
                "r1 = extend_word(r1)",
                "store.32 [&x] = 1",
                "sync",
                "F[srcu-unlock] [&s] (r1)",
                "sync",
                "F[sync-srcu] [&s]",
                "sync"), code(SRCU_THREAD, KernelMapping.power9()));
    }

    @Test
    void rcuOnPowerIsNoInstructionButTheSectionEventsAndSyncsAroundTheGracePeriod() {
        String body = "\\trcu_read_lock();\\n\\tWRITE_ONCE(*x, 1);\\n\\trcu_read_unlock();\\n\\tsynchronize_rcu();\\n"
                + "\\tsmp_mb__after_srcu_read_unlock();\\n";
        assertEquals(List.of(
                "F[rcu-lock]",
                "store.32 [&x] = 1",
                "F[rcu-unlock]",
                "sync",
                "F[sync-rcu]",
                "sync"),
                code(body, KernelMapping.power9()));
        assertEquals(List.of("F[rcu-lock]", "store.32{once} [&x] = 1", "F[rcu-unlock]", "F[sync-rcu]", "F[after-srcu-read-unlock]"),
                code(body, KernelMapping.lkmm()));
    }

    @Test
    void aGracePeriodInsideAnRcuReadSideSectionIsAnError() {
        assertEquals("t.litmus:7:2: synchronize_rcu() inside the RCU read-side critical section begun at 5:2: "
                + "the grace period waits for that section, which waits for it",
                error("\\trcu_read_lock();\\n\\tWRITE_ONCE(*x, 1);\\n\\tsynchronize_rcu();\\n\\trcu_read_unlock();\\n"));
        assertEquals("t.litmus:6:2: synchronize_srcu() may sleep, so not inside the RCU read-side critical section begun at 5:2"
                + " (herd7 flags invalid-sleep)", error("\\trcu_read_lock();\\n\\tsynchronize_srcu(s);\\n\\trcu_read_unlock();\\n"));
    }

    @Test
    void sectionsNestedDeeperThanTheModelMatchesAreUnsupported() {
        String three = "\\trcu_read_lock();\\n".repeat(3) + "\\trcu_read_unlock();\\n".repeat(3);
        assertEquals(6, code(three, KernelMapping.lkmm()).size());
        var e = assertThrows(org.powercheck.ir.UnsupportedConstructException.class,
                () -> code("\\trcu_read_lock();\\n".repeat(4), KernelMapping.lkmm()));
        assertEquals("not supported yet: rcu_read_lock() nested more than 3 deep at t.litmus:8:2", e.report());
    }

    @Test
    void aGracePeriodAfterTheSectionIsFine() {
        assertEquals(List.of("F[rcu-lock]", "F[rcu-unlock]", "F[sync-rcu]"),
                code("\\trcu_read_lock();\\n\\trcu_read_unlock();\\n\\tsynchronize_rcu();\\n", KernelMapping.lkmm()));
    }

    @Test
    void srcuReadUnlockNeedsTheIndexItsOwnDomainReturned() {
        assertEquals("t.litmus:7:2: srcu_read_unlock() given the constant index 0, not the value srcu_read_lock() returned"
                + " (herd7 flags unmatched-srcu-lock and unmatched-srcu-unlock)",
                error("\\tint r1;\\n\\tr1 = srcu_read_lock(s);\\n\\tsrcu_read_unlock(s, 0);\\n"));
        assertEquals("t.litmus:7:2: srcu_read_unlock() of another srcu_struct than the srcu_read_lock() at 6:7 that returned"
                + " its index (herd7 flags unmatched-srcu-lock and unmatched-srcu-unlock)",
                error("\\tint r1;\\n\\tr1 = srcu_read_lock(s);\\n\\tsrcu_read_unlock(s2, r1);\\n"));
    }

    @Test
    void aLocationsListMayNameARegisterTheThreadDoesNotDeclare() {
        Program p = CLitmusFrontend.parse("C t\n{}\nP0(int *x) { WRITE_ONCE(*x, 1); }\nlocations [0:r9]\nexists (x=1)\n", "t.litmus");
        assertEquals("[0:r9]", p.locations().toString());
        assertEquals("t.litmus:4:9: P0 has no local variable 'r9'", assertThrows(InputException.class,
                () -> CLitmusFrontend.parse("C t\n{}\nP0(int *x) { WRITE_ONCE(*x, 1); }\nexists (0:r9=1)\n", "t.litmus")).getMessage());
    }
}
