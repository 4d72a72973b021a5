package org.powercheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.powercheck.checker.explicit.ExplicitEngine;
import org.powercheck.checker.sat.SatEngine;

/**
 * The oracle test: on small random programs ({@link RandomPrograms}) the SAT engine and the
 * explicit enumerator, which share the model's text but not its evaluation, must find the same
 * final states and agree on whether the unrolling bound cut an execution.
 */
class EngineAgreementProperties {
    @Property(tries = 10_000)
    void satAndExplicitEnginesAgree(@ForAll("programs") RandomPrograms.RandomProgram p) throws CheckTimeoutException {
        CheckOptions options = CheckOptions.defaults();
        Outcome explicit = new ExplicitEngine().run(p.program(), options);
        Outcome sat = new SatEngine().run(p.program(), options);
        assertEquals(lines(explicit), lines(sat), "final states (explicit, then sat)");
        assertEquals(explicit.boundCut(), sat.boundCut(), "unrolling bound cut an execution (explicit, then sat)");
    }

    @Provide
    Arbitrary<RandomPrograms.RandomProgram> programs() {
        return RandomPrograms.programs();
    }

    private static List<String> lines(Outcome o) {
        return o.states().stream().map(s -> s.format(o.program().layout())).toList();
    }
}
