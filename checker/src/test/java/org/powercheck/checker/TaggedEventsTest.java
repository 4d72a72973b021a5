package org.powercheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercheck.checker.cli.ProjectPaths;
import org.powercheck.checker.explicit.ExplicitEngine;
import org.powercheck.checker.sat.SatEngine;
import org.powercheck.frontend.Frontend;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Program;
import org.powercheck.ir.ThreadCode;
import org.powercheck.model.Model;
import org.powercheck.model.cat.CatReader;

/**
 * LKMM annotations on events: tagged loads and stores and tag-only fences ({@link Instr.Marker})
 * are what a cat model's bell sets ({@code Once}, {@code Mb}) select, on both engines.
 */
class TaggedEventsTest {
    @TempDir
    Path dir;

    private static final String BELL = """
            enum Accesses = 'once
            enum Barriers = 'mb
            let fr = (rf^-1 ; co) \\ id
            acyclic po-loc | rf | co | fr as coherence
            """;

    private Model model(String check) throws IOException {
        Path f = dir.resolve("m.cat");
        Files.writeString(f, BELL + check + "\n");
        return CatReader.read(f);
    }

    /** SB with its accesses tagged {@code once} and, optionally, an {@code mb} marker before each load. */
    private static Program sb(boolean tagged, boolean mb) {
        Program p = Frontend.load(ProjectPaths.examples().resolve("SB.litmus"));
        List<ThreadCode> threads = new ArrayList<>();
        for (ThreadCode t : p.threads()) {
            List<Instr> code = new ArrayList<>();
            for (Instr i : t.code()) {
                Set<String> tags = tagged ? Set.of("once") : Set.of();
                switch (i) {
                    case Instr.Load l -> {
                        if (mb) code.add(new Instr.Marker("mb", l.pos()));
                        code.add(new Instr.Load(l.dst(), l.address(), l.width(), l.signed(), l.reserve(), l.pos(), tags));
                    }
                    case Instr.Store s -> code.add(new Instr.Store(s.value(), s.address(), s.width(), s.pos(), tags));
                    default -> code.add(i);
                }
            }
            threads.add(new ThreadCode(t.id(), t.name(), t.registerInit(), code, t.pos()));
        }
        return new Program(p.name(), p.arch(), p.file(), p.cells(), threads, p.condition(), p.locations(), p.filter(),
                p.keyWidths(), p.interrupts());
    }

    private static List<String> states(Engine engine, Program p, Model m) throws CheckTimeoutException {
        Outcome o = engine.run(p, CheckOptions.defaults().withModel(m));
        return o.states().stream().map(s -> s.format(p.layout())).toList();
    }

    private static void assertOutcome(Program p, Model m, int states) throws CheckTimeoutException {
        List<String> explicit = states(new ExplicitEngine(), p, m);
        assertEquals(explicit, states(new SatEngine(), p, m), "explicit, then sat");
        assertEquals(states, explicit.size(), explicit.toString());
    }

    @Test
    void onceSelectsTaggedAccesses() throws Exception {
        Model sc = model("acyclic ([Once] ; po ; [Once]) | (rf & ext) | (co & ext) | (fr & ext) as once-sc");
        assertOutcome(sb(false, false), sc, 4);  // no tags: only coherence, all four outcomes
        assertOutcome(sb(true, false), sc, 3);   // sequentially consistent among Once accesses
    }

    @Test
    void markersAreFencesOfTheirTag() throws Exception {
        Model mb = model("acyclic ([M] ; fencerel(Mb) ; [M]) | (rf & ext) | (co & ext) | (fr & ext) as mb\n"
                + "empty [Mb] \\ [F] as mb-is-a-fence");
        assertOutcome(sb(false, false), mb, 4);
        assertOutcome(sb(false, true), mb, 3);
    }
}
