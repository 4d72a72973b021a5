package org.powercheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.powercheck.checker.explicit.ExplicitEngine;
import org.powercheck.checker.sat.SatEngine;
import org.powercheck.frontend.clitmus.CLitmusFrontend;
import org.powercheck.ir.Program;
import org.powercheck.model.Model;
import org.powercheck.model.PpcModel;
import org.powercheck.model.cat.CatReader;
import org.powercheck.model.mapping.KernelMapping;

/**
 * The SAT engine and the explicit oracle find the same final states and the same unwinding
 * verdict on random C litmus tests ({@link GeneratedCLitmus}), under each built-in model: on
 * POWER (the kernel's ppc64 lowering, ppc.cat) and under the LKMM (lkmm.cat through the cat
 * reader).
 */
class ModelOracleAgreementTest {
    private static final Model LKMM = CatReader.bundled(CatReader.LKMM);

    /**
     * The kernel's POWER lowering of these primitives is at least as strong as the LKMM: every
     * final state POWER reaches, the LKMM reaches too (a state only POWER reaches would be a
     * mapping or model mismatch, as {@code check --model both} reports).
     */
    @Property(tries = 150)
    void powerReachesNoStateTheLkmmForbids(@ForAll long seed) throws Exception {
        String text = GeneratedCLitmus.generate(new Random(seed), 4);
        CheckOptions opts = CheckOptions.defaults();
        var power = new SatEngine().run(CLitmusFrontend.parse(text, "generated.litmus", KernelMapping.power9()), opts).states();
        var lkmm = new SatEngine().run(CLitmusFrontend.parse(text, "generated.litmus", KernelMapping.lkmm()),
                opts.withModel(LKMM)).states();
        var onlyPower = new java.util.HashSet<>(power);
        onlyPower.removeAll(lkmm);
        assertEquals(java.util.Set.of(), onlyPower, () -> "states only POWER reaches, seed " + seed + ":\n" + text);
    }

    @Property(tries = 150)
    void satAgreesWithExplicitOnPower(@ForAll long seed) throws Exception {
        agree(seed, KernelMapping.power9(), PpcModel.MODEL);
    }

    @Property(tries = 150)
    void satAgreesWithExplicitUnderTheLkmm(@ForAll long seed) throws Exception {
        agree(seed, KernelMapping.lkmm(), LKMM);
    }

    /**
     * Found by the property: a cycle of values through a plain read (x to y on P0, y to x on P2)
     * that the LKMM does not order; the SAT engine once satisfied it with no value at all, and the
     * final value of x had none.
     */
    @net.jqwik.api.Example
    void valueCycleThroughAPlainReadUnderTheLkmm() throws Exception {
        agree(0, """
                C value-cycle
                {
                }
                P0(int *x, int *y)
                {
                	int r0, r1;
                	r0 = *x;
                	r1 = READ_ONCE(*x);
                	WRITE_ONCE(*y, r1);
                }
                P1(int *x, int *y)
                {
                	WRITE_ONCE(*y, 1);
                }
                P2(int *x, int *y)
                {
                	int r0;
                	r0 = *y;
                	WRITE_ONCE(*x, r0);
                }
                locations [0:r0;]
                exists (x=1)
                """, KernelMapping.lkmm(), LKMM);
    }

    private static void agree(long seed, KernelMapping mapping, Model model) throws Exception {
        agree(seed, GeneratedCLitmus.generate(new Random(seed), 4), mapping, model);
    }

    private static void agree(long seed, String text, KernelMapping mapping, Model model) throws Exception {
        Program p = CLitmusFrontend.parse(text, "generated.litmus", mapping);
        CheckOptions opts = CheckOptions.defaults().withModel(model);
        Outcome sat, explicit;
        try {
            sat = new SatEngine().run(p, opts);
            explicit = new ExplicitEngine().run(p, opts);
        } catch (RuntimeException e) {
            throw new AssertionError("seed " + seed + ": " + e + "\n" + text, e);
        }
        assertEquals(explicit.states(), sat.states(), () -> "states of seed " + seed + ":\n" + text);
        net.jqwik.api.statistics.Statistics.collect(sat.states().size() == 1 ? "one final state" : "several final states");
        assertEquals(explicit.boundCut(), sat.boundCut(), () -> "bound cut of seed " + seed + ":\n" + text);
    }
}
