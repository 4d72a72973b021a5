package org.powercheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.powercheck.checker.explicit.ExplicitEngine;
import org.powercheck.checker.sat.SatEngine;
import org.powercheck.frontend.clitmus.CLitmusFrontend;
import org.powercheck.ir.Program;
import org.powercheck.model.PpcModel;
import org.powercheck.model.cat.CatReader;
import org.powercheck.model.mapping.KernelMapping;

/**
 * herd7's unsolved values under the LKMM: reads in a cycle of reads-from and data that no
 * constant grounds read {@code undetermined}, a concrete value never travels round such a cycle,
 * a branch on it goes either way; both engines agree, and POWER (ppc.cat's no-thin-air) has none.
 */
class UndeterminedValuesTest {
    /** herd7's C-OOTA (tools/memory-model's plain/C-OOTA), whose herd7 states are S8/S8 and 0/0. */
    private static final String COPY_CYCLE = """
            C copy-cycle
            {}
            P0(int *x, int *y)
            {
            	int r1;
            	r1 = *x;
            	*y = r1;
            }
            P1(int *x, int *y)
            {
            	int r1;
            	r1 = *y;
            	*x = r1;
            }
            exists (~0:r1=0 \\/ ~1:r1=0)
            """;

    @Test
    void aCopyCycleCarriesTheUndeterminedValueOnlyUnderTheLkmm() throws Exception {
        assertEquals(Set.of("0:r1=0; 1:r1=0;", "0:r1=undetermined; 1:r1=undetermined;"), lkmmStates(COPY_CYCLE));
        Program power = CLitmusFrontend.parse(COPY_CYCLE, "copy-cycle.litmus", KernelMapping.power9());
        CheckOptions ppc = CheckOptions.defaults().withModel(PpcModel.MODEL);
        assertEquals(Set.of("0:r1=0; 1:r1=0;"), format(new SatEngine().run(power, ppc), power));
        assertEquals(Set.of("0:r1=0; 1:r1=0;"), format(new ExplicitEngine().run(power, ppc), power));
    }

    /** A constant that could travel round the cycle (1 is written to x elsewhere) does not: only what grounds it. */
    @Test
    void aConstantInTheDomainDoesNotTravelRoundTheCycle() throws Exception {
        String text = COPY_CYCLE.replace("exists", """
                P2(int *x)
                {
                	WRITE_ONCE(*x, 1);
                }
                exists""");
        assertEquals(Set.of("0:r1=0; 1:r1=0;", "0:r1=1; 1:r1=0;", "0:r1=1; 1:r1=1;",
                "0:r1=undetermined; 1:r1=undetermined;"), lkmmStates(text));
    }

    @Test
    void aBranchOnTheUndeterminedValueGoesEitherWay() throws Exception {
        String text = COPY_CYCLE.replace("\tr1 = *x;\n\t*y = r1;",
                        "\tr1 = *x;\n\tif (r1)\n\t\tWRITE_ONCE(*z, 1);\n\t*y = r1;")
                .replace("P0(int *x, int *y)", "P0(int *x, int *y, int *z)")
                .replace("exists (~0:r1=0 \\/ ~1:r1=0)", "locations [0:r1; 1:r1; z]\nexists (z=1)");
        assertEquals(Set.of("0:r1=0; 1:r1=0; [z]=0;", "0:r1=undetermined; 1:r1=undetermined; [z]=0;",
                "0:r1=undetermined; 1:r1=undetermined; [z]=1;"), lkmmStates(text));
    }

    /** The LKMM's states, the same on both engines. */
    private static Set<String> lkmmStates(String text) throws Exception {
        Program p = CLitmusFrontend.parse(text, "generated.litmus", KernelMapping.lkmm());
        CheckOptions lkmm = CheckOptions.defaults().withModel(CatReader.bundled(CatReader.LKMM));
        Set<String> sat = format(new SatEngine().run(p, lkmm), p);
        assertEquals(format(new ExplicitEngine().run(p, lkmm), p), sat, "the engines disagree");
        return sat;
    }

    private static Set<String> format(Outcome o, Program p) {
        Set<String> out = new TreeSet<>();
        for (FinalState s : o.states()) out.add(s.format(p.layout()));
        return out;
    }
}
