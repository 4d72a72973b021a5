package org.powercheck.checker.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.powercheck.checker.Engine;
import org.powercheck.checker.Execution;
import org.powercheck.checker.Outcome;
import org.powercheck.checker.cli.ProjectPaths;
import org.powercheck.checker.explicit.ExplicitEngine;
import org.powercheck.checker.explicit.ModelEvaluation;
import org.powercheck.checker.sat.SatEngine;
import org.powercheck.frontend.Frontend;
import org.powercheck.ir.Program;
import org.powercheck.model.Check;
import org.powercheck.model.PpcModel;
import org.powercheck.model.Rel;

/**
 * The execution each engine records for its witness is one the model allows (every axiom holds
 * on it when the explicit engine's evaluator reads it), reads every value from a write of that
 * value, and the explanation's claims are true of it: the cycle is a cycle of po|rf|co|fr, and
 * a step said to be ordered by a relation is in it, one said to be unordered is in none.
 */
class WitnessExecutionTest {
    @TestFactory
    Stream<DynamicTest> witnessesAreAllowedAndExplanationsTrue() throws IOException {
        List<Path> tests = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Stream.concat(Files.list(ProjectPaths.examples()),
                Files.list(ProjectPaths.specs().resolve("S9-classic-shapes"))),
                Stream.concat(Files.list(ProjectPaths.root().resolve("examples/mixed")),
                        Stream.of("S11-soft-masking/S11-any-boundary.litmus", "S4-relaxed-receiver/S4-relaxed-receiver.litmus",
                                "S3-relaxed-cause-ipi/S3-B1-data.litmus").map(ProjectPaths.specs()::resolve)))) {
            files.filter(f -> f.toString().endsWith(".litmus")).sorted().forEach(tests::add);
        }
        List<DynamicTest> out = new ArrayList<>();
        for (Path t : tests) {
            Program p = Frontend.load(t);
            for (Engine e : List.of(new SatEngine(), new ExplicitEngine())) {
                if (!p.interrupts().isEmpty() && e instanceof ExplicitEngine) continue; // too slow for a unit test
                out.add(DynamicTest.dynamicTest(t.getFileName() + " (" + e.name() + ")", () -> check(p, e)));
            }
        }
        return out.stream();
    }

    private static void check(Program p, Engine engine) throws Exception {
        Outcome o = engine.run(p, CheckOptions.defaults());
        if (o.witness().isEmpty()) return;
        Execution x = o.witness().get().execution().orElseThrow();
        ModelEvaluation eval = new ModelEvaluation(x);
        List<Check> checks = new ArrayList<>(PpcModel.MODEL.checks());
        checks.addAll(PpcModel.SINGLE_COPY_ATOMIC);
        for (Check c : checks) assertTrue(eval.holds(c), c.name() + " fails on the witness");
        BitSet[] rf = x.relations().get(Rel.Base.RF);
        for (Execution.Event r : x.events()) {
            if (r.kind() != Execution.Kind.READ) continue;
            int sources = 0;
            for (Execution.Event w : x.events()) {
                if (!rf[w.id()].get(r.id())) continue;
                sources++;
                assertEquals(w.location(), r.location(), "rf between locations");
                assertEquals(w.value(), r.value(), "a read's value is its write's");
            }
            assertEquals(1, sources, "each read reads from one write: " + r.label());
        }
        // program order: per CPU a strict total order of its instructions, an interrupt's events in one block
        BitSet[] po = x.relations().get(Rel.Base.PO), si = x.relations().get(Rel.Base.SI);
        for (Execution.Event a : x.events()) {
            for (Execution.Event b : x.events()) {
                if (a.kind() == Execution.Kind.INIT || b.kind() == Execution.Kind.INIT || a.cpu() != b.cpu()) {
                    assertTrue(!po[a.id()].get(b.id()), "po between CPUs");
                    continue;
                }
                if (a.id() == b.id() || si[a.id()].get(b.id())) continue;
                assertTrue(po[a.id()].get(b.id()) ^ po[b.id()].get(a.id()), "po orders " + a.label() + " and " + b.label() + " one way");
                for (Execution.Event m : x.events()) {
                    if (po[a.id()].get(m.id()) && po[m.id()].get(b.id())) assertTrue(po[a.id()].get(b.id()), "po is transitive");
                }
            }
        }
        for (var events : ProgramOrder.perCpu(x).values()) {
            List<Integer> blocks = new ArrayList<>();
            for (Execution.Event e : events) if (blocks.isEmpty() || blocks.get(blocks.size() - 1) != e.handler()) blocks.add(e.handler());
            List<Integer> handlers = blocks.stream().filter(h -> h >= 0).toList();
            assertEquals(handlers.stream().distinct().count(), handlers.size(), "an interrupt's events are not in one block: " + blocks);
        }
        Explanation why = Explainer.explain(x);
        BitSet[] com = eval.relation(Rel.union(PpcModel.po, PpcModel.rf, PpcModel.co, PpcModel.fr));
        for (int i = 0; i < why.cycle().size(); i++) {
            Explanation.Edge e = why.cycle().get(i);
            assertTrue(com[e.from()].get(e.to()), "cycle edge not in po|rf|co|fr");
            assertEquals(e.to(), why.cycle().get((i + 1) % why.cycle().size()).from(), "the cycle is broken");
        }
        for (Explanation.Step s : why.steps()) {
            for (String name : List.of("ppo", "sync", "lwsync", "eieio")) {
                Rel rel = switch (name) {
                    case "ppo" -> PpcModel.ppo;
                    case "sync" -> PpcModel.sync;
                    case "lwsync" -> PpcModel.lwsync;
                    default -> PpcModel.eieio;
                };
                assertEquals(s.orderedBy().contains(name), eval.relation(rel)[s.edge().from()].get(s.edge().to()),
                        name + " on step " + s.edge());
            }
        }
    }
}
