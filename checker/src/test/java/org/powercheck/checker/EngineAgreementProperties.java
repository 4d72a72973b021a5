package org.powercheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.powercheck.checker.explicit.ExplicitEngine;
import org.powercheck.checker.sat.SatEngine;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Program;
import org.powercheck.ir.Width;
import org.powercheck.model.Model;

/**
 * The oracle test: on small random programs ({@link RandomPrograms}) the SAT engine and the
 * explicit enumerator, which share the model's text but not its evaluation, must find the same
 * final states and agree on whether the unrolling bound cut an execution.
 */
class EngineAgreementProperties {
    /**
     * A fixed seed keeps CI deterministic; change it (or drop it) to explore new programs. A
     * program whose exhaustive enumeration exceeds the deadline is discarded, not counted: the
     * tries exceed 10,000 by enough to leave at least 10,000 compared programs.
     */
    @Property(tries = 10_100, seed = "20261125", maxDiscardRatio = 1)
    void satAndExplicitEnginesAgree(@ForAll("programs") RandomPrograms.RandomProgram p) throws CheckTimeoutException {
        Outcome explicit;
        try {
            explicit = new ExplicitEngine().run(p.program(), CheckOptions.defaults().withTimeoutMillis(5_000));
        } catch (CheckTimeoutException e) {
            Assume.that(false);
            return;
        }
        Outcome sat = new SatEngine().run(p.program(), CheckOptions.defaults());
        assertEquals(lines(explicit), lines(sat), "final states (explicit, then sat)");
        assertEquals(explicit.boundCut(), sat.boundCut(), "unrolling bound cut an execution (explicit, then sat)");
    }

    /**
     * The same on programs with byte and halfword accesses into the word cells: per-byte rf and
     * co, parts of one access related by si, the single-copy atomicity checks.
     */
    @Property(tries = 3_100, seed = "20261203", maxDiscardRatio = 1)
    void satAndExplicitEnginesAgreeOnMixedSizes(@ForAll("mixedPrograms") RandomPrograms.RandomProgram p)
            throws CheckTimeoutException {
        // A split load takes every combination of its parts' values: a few such programs have
        // more paths than the explicit engine takes; they are discarded like the slow ones.
        Statistics.collect(narrow(p.program()) ? "with byte or halfword accesses" : "same-size");
        try {
            satAndExplicitEnginesAgree(p);
        } catch (EngineLimitException e) {
            Assume.that(false);
        }
    }

    /**
     * A model read by the cat reader, with what PPC models do not use: sets computed from
     * relations (domain, range, under a difference too), a recursive set, complements and
     * differences of relations. The engines evaluate it independently, so they must agree.
     */
    static final Model CAT_MODEL = readCat("""
            "reader constructs"
            let fr = (rf^-1 ; co) \\ id
            acyclic po-loc | rf | fr | co as uniproc
            let fre = fr \\ (fr & int)
            let coe = co \\ (co & int)
            let rec Seen = IW | range([Seen] ; rf ; po)
            let unread = M \\ domain(rf)
            let ord = ([~X] ; po ; [W]) | ([domain(rf)] ; po ; [unread]) | (fencerel(SYNC) & (W * M))
            acyclic ord | (rf \\ (rf & int)) | coe | fre as causality
            irreflexive [Seen \\ IW] ; fre ; (po & (range(rf) * _)) as seen
            """);

    private static Model readCat(String text) {
        try {
            java.nio.file.Path f = java.nio.file.Files.createTempFile("agreement", ".cat");
            java.nio.file.Files.writeString(f, text);
            Model m = org.powercheck.model.cat.CatReader.read(f);
            java.nio.file.Files.delete(f);
            return m;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Property(tries = 1_000, seed = "20261203", maxDiscardRatio = 1)
    void satAndExplicitEnginesAgreeOnACatModel(@ForAll("programs") RandomPrograms.RandomProgram p)
            throws CheckTimeoutException {
        CheckOptions options = CheckOptions.defaults().withModel(CAT_MODEL);
        Outcome explicit;
        try {
            explicit = new ExplicitEngine().run(p.program(), options.withTimeoutMillis(5_000));
        } catch (CheckTimeoutException e) {
            Assume.that(false);
            return;
        }
        Outcome sat = new SatEngine().run(p.program(), options);
        Statistics.collect(explicit.states().size() > 1 ? "several final states" : "at most one final state");
        assertEquals(lines(explicit), lines(sat), "final states (explicit, then sat)");
        assertEquals(explicit.boundCut(), sat.boundCut(), "unrolling bound cut an execution (explicit, then sat)");
    }

    private static boolean narrow(Program p) {
        return p.threads().stream().flatMap(t -> t.code().stream()).anyMatch(i ->
                i instanceof Instr.Load l && l.width() != Width.WORD || i instanceof Instr.Store st && st.width() != Width.WORD);
    }

    @Provide
    Arbitrary<RandomPrograms.RandomProgram> mixedPrograms() {
        return RandomPrograms.mixedPrograms();
    }

    @Provide
    Arbitrary<RandomPrograms.RandomProgram> programs() {
        return RandomPrograms.programs();
    }

    private static List<String> lines(Outcome o) {
        return o.states().stream().map(s -> s.format(o.program().layout())).toList();
    }
}
