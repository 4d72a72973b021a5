package org.powercheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.powercheck.checker.explicit.ExplicitEngine;
import org.powercheck.checker.sat.SatEngine;

/**
 * The oracle test for interrupts: on small random programs whose CPU1 takes interrupts
 * ({@link RandomInterruptPrograms}), the SAT engine, which chooses the interruption point inside
 * the encoding, and the explicit engine, which inserts every handler run at every allowed
 * boundary of every path one by one, must find the same final states and agree on whether the
 * unwinding bound or the interrupt bound cut an execution.
 */
class InterruptAgreementProperties {
    /** A fixed seed keeps CI deterministic; programs whose enumeration exceeds the deadline are discarded. */
    @Property(tries = 3_000, seed = "20261203", maxDiscardRatio = 1)
    void satAndExplicitEnginesAgreeOnInterrupts(@ForAll("programs") RandomInterruptPrograms.Generated g)
            throws CheckTimeoutException {
        CheckOptions options = CheckOptions.defaults().withInterrupts(g.options());
        Outcome explicit;
        try {
            explicit = new ExplicitEngine().run(g.program(), options.withTimeoutMillis(5_000));
        } catch (CheckTimeoutException e) {
            Assume.that(false);
            return;
        }
        Outcome sat = new SatEngine().run(g.program(), options);
        assertEquals(lines(explicit), lines(sat), "final states (explicit, then sat) of " + g);
        assertEquals(explicit.boundCut(), sat.boundCut(), "unwinding bound cut (explicit, then sat) of " + g);
        assertEquals(explicit.interruptCut(), sat.interruptCut(), "interrupt bound cut (explicit, then sat) of " + g);
    }

    @Provide
    Arbitrary<RandomInterruptPrograms.Generated> programs() {
        return Arbitraries.longs().map(RandomInterruptPrograms::generate);
    }

    private static List<String> lines(Outcome o) {
        return o.states().stream().map(s -> s.format(o.program().layout())).toList();
    }
}
