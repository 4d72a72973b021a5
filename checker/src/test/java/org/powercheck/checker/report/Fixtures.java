package org.powercheck.checker.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.powercheck.checker.FinalState;
import org.powercheck.checker.Judgement;
import org.powercheck.checker.Outcome;
import org.powercheck.ir.Cell;
import org.powercheck.ir.Condition;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Program;
import org.powercheck.ir.Prop;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.StateKey;
import org.powercheck.ir.Width;

/** Hand-made programs and outcomes (no front end, no engine) for the report tests. */
final class Fixtures {
    static final SourcePos AT = new SourcePos("t.litmus", 1, 1);

    private Fixtures() {}

    static StateKey reg(int thread, String r) {
        return new StateKey.RegKey(thread, new Reg(r));
    }

    static Prop eq(StateKey k, long v) {
        return new Prop.Eq(k, new Expr.Const(v));
    }

    static Program program(String name, Program.Arch arch, Condition.Quantifier q, Prop prop, String... cells) {
        List<Cell> cs = new ArrayList<>();
        for (String c : cells) cs.add(new Cell(c, new Expr.Const(0), Width.WORD, AT));
        return new Program(name, arch, name + ".litmus", cs, List.of(), new Condition(q, prop, AT), List.of(), Optional.empty());
    }

    /** The shape of herd's MP+lwsync+po: exists (1:r1=1 /\ 1:r3=0) with all four (r1, r3) states. */
    static Program mp() {
        return program("MP+lwsync+po", Program.Arch.PPC, Condition.Quantifier.EXISTS,
                new Prop.And(eq(reg(1, "r1"), 1), eq(reg(1, "r3"), 0)), "x", "y");
    }

    static TestResult.Checked checked(Path file, Program p, boolean boundCut, List<Map<StateKey, Long>> states) {
        List<FinalState> fs = new ArrayList<>();
        for (Map<StateKey, Long> s : states) fs.add(FinalState.of(s));
        Outcome o = new Outcome(p, fs, boundCut, Optional.empty(), 5_000_000);
        return new TestResult.Checked(file, o, Judgement.of(o), "fake", 12_345_678);
    }

    static TestResult.Checked mpChecked(Path file) {
        StateKey r1 = reg(1, "r1"), r3 = reg(1, "r3");
        return checked(file, mp(), false, List.of(
                Map.of(r1, 0L, r3, 0L), Map.of(r1, 0L, r3, 1L), Map.of(r1, 1L, r3, 0L), Map.of(r1, 1L, r3, 1L)));
    }
}
