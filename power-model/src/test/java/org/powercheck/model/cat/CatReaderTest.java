package org.powercheck.model.cat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.powercheck.model.EventSet.Base.ALL;
import static org.powercheck.model.EventSet.Base.R;
import static org.powercheck.model.EventSet.Base.W;
import static org.powercheck.model.Rel.Base.CO;
import static org.powercheck.model.Rel.Base.EXT;
import static org.powercheck.model.Rel.Base.ID;
import static org.powercheck.model.Rel.Base.PO;
import static org.powercheck.model.Rel.Base.RF;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercheck.ir.FenceKind;
import org.powercheck.ir.InputException;
import org.powercheck.ir.UnsupportedConstructException;
import org.powercheck.model.Check;
import org.powercheck.model.EventSet;
import org.powercheck.model.Model;
import org.powercheck.model.Rel;

class CatReaderTest {
    @TempDir
    Path dir;

    private Model read(String text) throws IOException {
        Path f = dir.resolve("m.cat");
        Files.writeString(f, text);
        return CatReader.read(f);
    }

    private Rel only(String text) throws IOException {
        Model m = read(text);
        assertEquals(1, m.checks().size(), m.checks().toString());
        return m.checks().get(0).rel();
    }

    @Test
    void precedenceIsHerds() throws IOException {
        // weakest first: |, ;, \, &, then postfix, then ^-1
        assertEquals(PO.or(RF.seq(CO.minus(ID.and(EXT)))), only("acyclic po | rf ; co \\ id & ext"));
        assertEquals(RF.inverse().seq(CO).plus(), only("acyclic (rf^-1 ; co)+"));
        assertEquals(PO.seq(RF.star()).seq(CO.opt()), only("acyclic po ; rf* ; co?"));
    }

    @Test
    void starBeforeAnOperandIsTheProduct() throws IOException {
        assertEquals(PO.and(Rel.cross(W, R)), only("acyclic po & (W * R)"));
        assertEquals(PO.and(Rel.cross(ALL, new EventSet.Fences(FenceKind.SYNC))), only("empty po & (_ * SYNC)"));
        assertEquals(PO.star().seq(RF), only("let r = po*\nacyclic r ; rf"));
    }

    @Test
    void setsAndRelationsKeepTheirKinds() throws IOException {
        assertEquals(Rel.id(EventSet.Base.ALL.minus(R.or(W)).or(W)), only("let S = (~M) | W\nempty [S]"));
        // empty on a set tests the set's identity
        assertEquals(Rel.id(R.and(W)), only("empty R & W as rw"));
        InputException mixed = assertThrows(InputException.class, () -> read("acyclic po | R"));
        assertEquals("m.cat:1:12: a set and a relation combined by |", tail(mixed));
    }

    @Test
    void functionsTuplesAndLetIn() throws IOException {
        String text = """
                (* comments (* nest *) *)
                let restrict(r, S, T) = r & (S * T)
                let twice r = r ; r
                let both = let a = po and b = rf in a | b
                acyclic twice (restrict(both, W, R)) as t
                """;
        Model m = read(text);
        Rel inner = PO.or(RF).and(Rel.cross(W, R));
        assertEquals(List.of(new Check("t", Check.Kind.ACYCLIC, inner.seq(inner))), m.checks());
    }

    @Test
    void letRecIsOneFixpoint() throws IOException {
        Rel r = only("let rec a = po | (b ; a)\nand b = rf | a\nacyclic a");
        Rel.Fix fix = (Rel.Fix) r;
        assertEquals(List.of("a", "b"), fix.names());
        assertEquals(0, fix.index());
        assertEquals(PO.or(new Rel.Var("b").seq(new Rel.Var("a"))), fix.bodies().get(0));
    }

    @Test
    void recursiveSetsAreFixpointsOfTheirIdentities() throws IOException {
        Rel r = only("let rec S = W | range([S] ; po)\nempty [S] ; rf");
        Rel.Fix fix = (Rel.Fix) ((Rel.Seq) r).left();
        Rel.Var s = new Rel.Var("S");
        assertEquals(Rel.id(W).or(s.seq(PO).inverse().seq(s.seq(PO)).and(ID)), fix.bodies().get(0));
    }

    @Test
    void recursionThroughADifferenceIsNotSupported() throws IOException {
        // herd iterates such equations; the engines compute least fixpoints of monotone ones only
        UnsupportedConstructException e = assertThrows(UnsupportedConstructException.class,
                () -> read("let rec S = R \\ domain(po ; [S])\nempty [S]"));
        assertEquals("m.cat:1:9: not supported yet: cat recursive definition through a difference or complement (not monotone), "
                + "other than accumulators (x = x | ...) defined through an acyclic rest", tail(e));
        // a difference whose right side does not mention the variables is fine
        assertTrue(only("let rec a = po | (a ; rf) \\ co\nacyclic a") instanceof Rel.Fix);
    }

    @Test
    void shadowingUsesTheOldValue() throws IOException {
        assertEquals(PO.minus(Rel.cross(W, R)), only("let f = po\nlet f = f \\ (W * R)\nirreflexive f"));
    }

    @Test
    void tryFallsBackOnWhatIsNotThere() throws IOException {
        assertEquals(new Rel.Empty(), only("let x = try no-such-name with 0\nempty x"));
    }

    @Test
    void includeLooksBesideTheFileAndRunsOnce() throws IOException {
        Files.writeString(dir.resolve("defs.cat"), "Defs\nlet hb = po | rf\nacyclic hb as inner");
        Model m = read("\"top\"\ninclude \"defs.cat\"\ninclude \"defs.cat\"\nirreflexive hb as outer");
        assertEquals(List.of("inner", "outer"), m.checks().stream().map(Check::name).toList());
        InputException missing = assertThrows(InputException.class, () -> read("include \"nowhere.cat\""));
        assertEquals("m.cat:1:1: cannot find included file nowhere.cat", tail(missing));
    }

    @Test
    void variantsChooseTheBranch() throws IOException {
        Path f = dir.resolve("v.cat");
        Files.writeString(f, "if \"opt\" acyclic po as a else acyclic rf as b end");
        assertEquals("b", CatReader.read(f).checks().get(0).name());
        assertEquals("a", CatReader.read(f, Set.of("opt")).checks().get(0).name());
    }

    @Test
    void showEnumsAndFlagsDoNotConstrain() throws IOException {
        String text = """
                enum Accesses = 'once || 'release
                instructions R[{'once}]
                show po, rf
                show po \\ rf as porf
                unshow po
                flag ~empty po & rf as odd
                acyclic po as only
                """;
        assertEquals(List.of("only"), read(text).checks().stream().map(Check::name).toList());
    }

    @Test
    void whatCannotBeEvaluatedIsAnErrorOnlyWhereUsed() throws IOException {
        // match and ++ as in herd's cross.cat: read, never run unless a check needs them
        String text = """
                let rec f S = match S with || {} -> {} || e ++ S -> e ++ f S end
                let unused = f (po)
                acyclic po as fine
                """;
        assertEquals(1, read(text).checks().size());
        UnsupportedConstructException e = assertThrows(UnsupportedConstructException.class,
                () -> read("let rec f S = match S with || {} -> {} || e ++ S -> f S end\nacyclic f (po)"));
        assertEquals("m.cat:1:15: not supported yet: cat match", tail(e));
    }

    @Test
    void accumulatorsMayGrowThroughADifference() throws IOException {
        // the bell's rcu-rscs: herd's iteration ends, since m never shrinks and u is defined from m
        Rel r = only("let rec m = m | ((R * W) \\ (u ; u))\nand u = [W \\ range(m)] ; po\nacyclic m");
        Rel.Fix fix = (Rel.Fix) r;
        assertEquals(List.of("m", "u"), fix.names());
        // a cycle through the non-accumulators is refused
        assertThrows(UnsupportedConstructException.class,
                () -> read("let rec m = m | (po \\ u)\nand u = v ; m\nand v = u | rf\nacyclic m"));
    }

    @Test
    void withFromCrossIsTheChosenRfAmongTheCandidates() throws IOException {
        // lock.cat's idiom: for each read, the one-edge relations from the writes it may read
        String text = """
                let candidates r =
                    let pair-to-relation p = p ++ 0
                    in map pair-to-relation ((W * {r}) & loc & ext)
                with x from cross(map candidates R)
                acyclic x
                """;
        assertEquals(RF.and(Rel.cross(W, R).and(Rel.Base.LOC).and(EXT)), only(text));
        assertEquals(new Rel.Empty().and(RF).getClass(), only("with x from cross(0)\nacyclic x").getClass());
        UnsupportedConstructException e = assertThrows(UnsupportedConstructException.class,
                () -> read("with x from po\nacyclic x"));
        assertEquals("m.cat:1:1: not supported yet: with x from a set of relations other than cross(...)", tail(e));
    }

    @Test
    void withCoFromIsTheEnginesCoherenceOrder() throws IOException {
        assertEquals(CO.or(PO), only("with co from generate_cos(co0)\nacyclic co | po"));
    }

    @Test
    void syntaxErrorsNameTheirPlace() {
        assertEquals("m.cat:2:14: syntax error at ')'", tail(assertThrows(InputException.class,
                () -> read("let a = po\nacyclic (po |)"))));
        assertEquals("m.cat:1:12: comment is never closed", tail(assertThrows(InputException.class,
                () -> read("acyclic po (* open"))));
        assertEquals("m.cat:1:9: unbound name pox", tail(assertThrows(InputException.class,
                () -> read("acyclic pox"))));
        assertTrue(tail(assertThrows(InputException.class, () -> read("acyclic po $"))).startsWith("m.cat:1:"));
    }

    @Test
    void endlessRecursionIsAnInputError() {
        assertEquals("m.cat:1:15: calls of f nested more than 2000 deep (a recursion that never ends?)",
                tail(assertThrows(InputException.class, () -> read("let rec f x = f x\nacyclic f(po)"))));
    }

    @Test
    void proceduresRunTheirChecks() throws IOException {
        Model m = read("procedure irr(r) = irreflexive r as named end\ncall irr(po ; rf)");
        assertEquals(List.of(new Check("named", Check.Kind.IRREFLEXIVE, PO.seq(RF))), m.checks());
    }

    @Test
    void missingFileIsAnInputError() {
        InputException e = assertThrows(InputException.class, () -> CatReader.read(dir.resolve("absent.cat")));
        assertTrue(e.getMessage().contains("cannot read cat file"), e.getMessage());
    }

    /** The message with the temporary folder left out. */
    private String tail(InputException e) {
        return e.getMessage().replace(dir.toString() + "/", "");
    }
}
