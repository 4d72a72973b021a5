package org.powercheck.checker.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.Execution;
import org.powercheck.checker.Judgement;
import org.powercheck.checker.cli.ProjectPaths;
import org.powercheck.checker.explicit.ExplicitEngine;
import org.powercheck.checker.explicit.ModelEvaluation;
import org.powercheck.checker.sat.SatEngine;
import org.powercheck.frontend.Frontend;
import org.powercheck.ir.Program;
import org.powercheck.model.Check;
import org.powercheck.model.Rel;

/**
 * Every why-forbidden explanation of the forbidden examples (examples/litmus and the small
 * specs/S9 shapes), against the explicit engine: its candidates are exactly those reaching the
 * outcome, each fails the axiom named, and the cycle named is a cycle of that axiom's relation
 * in that candidate, edge by edge in the relation each edge names, as is its spelt-out form.
 */
class WhyForbiddenTest {
    @TestFactory
    Stream<DynamicTest> everyExplanationHoldsInEveryCandidate() throws Exception {
        List<Path> tests = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.list(ProjectPaths.examples()),
                Files.list(ProjectPaths.specs().resolve("S9-classic-shapes")))) {
            files.filter(f -> f.toString().endsWith(".litmus")).sorted().forEach(tests::add);
        }
        List<DynamicTest> out = new ArrayList<>();
        for (Path t : tests) {
            Program p = Frontend.load(t);
            if (!p.interrupts().isEmpty()) continue; // the interrupt scenarios are too large to enumerate in a unit test
            var outcome = new SatEngine().run(p, CheckOptions.defaults());
            if (Judgement.of(outcome).positive() > 0 || outcome.anyCut()) continue;
            out.add(DynamicTest.dynamicTest(t.getFileName().toString(), () -> check(p)));
        }
        assertTrue(out.size() >= 15, "forbidden examples found: " + out.size());
        return out.stream();
    }

    private static void check(Program p) throws Exception {
        CheckOptions options = CheckOptions.defaults();
        WhyForbidden why = WhyForbiddenFinder.find(p, options, 60_000);
        assertTrue(why.complete(), "enumerated in time");
        List<Execution> candidates = new ArrayList<>();
        if (why.uniprocPruned()) ExplicitEngine.candidatesReachingPastUniproc(p, options, candidates::add);
        else ExplicitEngine.candidatesReaching(p, options, candidates::add);
        assertEquals(candidates.size(), why.rejections().size(), "one explanation per candidate reaching the outcome");
        for (WhyForbidden.Rejection r : why.rejections()) {
            ModelEvaluation eval = new ModelEvaluation(r.execution());
            Check c = r.check();
            assertNotNull(c, "a candidate the model allows reaches a forbidden outcome");
            assertFalse(eval.holds(c), c.name() + " holds on the candidate it is said to rule out");
            assertClosedPath(r.cycle(), eval, c.name());
            assertClosedPath(r.steps(), eval, c.name() + " (spelt out)");
            BitSet[] axiom = eval.relation(c.rel());
            switch (c.kind()) {
                case ACYCLIC -> {
                    for (WhyForbidden.Link l : r.cycle()) {
                        assertTrue(axiom[l.from()].get(l.to()), "edge " + l + " is not in the relation of " + c.name());
                    }
                }
                case IRREFLEXIVE -> {
                    int x = r.cycle().get(0).from();
                    assertTrue(axiom[x].get(x), "the path of " + c.name() + " does not start at a reflexive point");
                    List<Rel> parts = new ArrayList<>();
                    sequence(c.rel(), parts, true);
                    assertEquals(parts, r.cycle().stream().map(WhyForbidden.Link::rel).toList(),
                            "the path follows " + c.name() + "'s sequence");
                }
                case EMPTY -> {
                    WhyForbidden.Link l = r.cycle().get(0);
                    assertTrue(axiom[l.from()].get(l.to()), "the pair is not in " + c.name());
                }
            }
        }
    }

    /** Each edge in the relation it names, each edge starting where the one before ended, back to the start. */
    private static void assertClosedPath(List<WhyForbidden.Link> links, ModelEvaluation eval, String what) {
        assertFalse(links.isEmpty(), what + ": no cycle");
        for (int i = 0; i < links.size(); i++) {
            WhyForbidden.Link l = links.get(i);
            assertTrue(eval.relation(l.rel())[l.from()].get(l.to()), what + ": " + l.from() + " -" + l.name() + "-> "
                    + l.to() + " is not in " + l.name());
            if (links.size() > 1 || l.from() == l.to()) {
                assertEquals(l.to(), links.get((i + 1) % links.size()).from(), what + ": the path is broken after edge " + i);
            }
        }
    }

    private static void sequence(Rel rel, List<Rel> out, boolean top) {
        if (rel instanceof Rel.Seq s && (top || RelNames.nameOf(rel) == null)) {
            sequence(s.left(), out, false);
            sequence(s.right(), out, false);
        } else {
            out.add(rel);
        }
    }
}
