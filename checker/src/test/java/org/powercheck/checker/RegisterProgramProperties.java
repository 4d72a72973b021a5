package org.powercheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.powercheck.checker.explicit.ExplicitEngine;
import org.powercheck.checker.sat.SatEngine;
import org.powercheck.frontend.asm.AsmModule;
import org.powercheck.frontend.asm.AsmRegisters;
import org.powercheck.ir.Cell;
import org.powercheck.ir.Condition;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Program;
import org.powercheck.ir.Prop;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.StateKey;
import org.powercheck.ir.ThreadCode;
import org.powercheck.ir.Width;

/**
 * The register dataflow of the assembly subset, checked on generated straight-line programs:
 * integer, FP, VSX and VMX moves and logic, MSR and FPSCR/VSCR moves, loads and stores at byte
 * offsets into a placed object (which {@code BYTE_ADD} moves across its cells). The SAT
 * encoding and the explicit engine, which interprets each instruction directly, must end in the
 * same single state, every register and cell observed.
 */
class RegisterProgramProperties {
    private static final int CELLS = 8;
    private static final List<Reg> OBSERVED = observed();

    @Property(tries = 1_000, seed = "20261203")
    void satEncodingAgreesWithTheInterpreter(@ForAll("programs") Generated g) throws Exception {
        Outcome explicit = new ExplicitEngine().run(g.program(), CheckOptions.defaults());
        Outcome sat = new SatEngine().run(g.program(), CheckOptions.defaults());
        assertEquals(1, explicit.states().size(), "straight-line code has one final state: " + g);
        assertEquals(lines(explicit), lines(sat), "final state (explicit, then sat) of " + g);
    }

    record Generated(Program program, String text) {
        @Override public String toString() {
            return "\n" + text;
        }
    }

    @Provide
    Arbitrary<Generated> programs() {
        return Arbitraries.longs().map(RegisterProgramProperties::generate);
    }

    private static List<Reg> observed() {
        List<Reg> out = new ArrayList<>();
        for (int n = 3; n <= 6; n++) out.add(AsmRegisters.gpr(n));
        for (int n : new int[] {0, 1, 2, 32, 33}) {
            out.add(AsmRegisters.vsr(n, 0));
            out.add(AsmRegisters.vsr(n, 1));
        }
        out.addAll(List.of(AsmRegisters.FPSCR, AsmRegisters.VSCR, AsmRegisters.MSR, Reg.CR0));
        return out;
    }

    static Generated generate(long seed) {
        Random r = new Random(seed);
        StringBuilder text = new StringBuilder();
        int n = 1 + r.nextInt(12);
        for (int i = 0; i < n; i++) text.append(instruction(r)).append('\n');
        SourcePos pos = new SourcePos("generated.S", 1, 1);
        List<Cell> cells = new ArrayList<>();
        for (int c = 0; c < CELLS; c++) {
            cells.add(new Cell("m[" + c + "]", new Expr.Const(r.nextInt(4)), Width.DOUBLE, pos, new Cell.Placement("m", 8L * c)));
        }
        Map<Reg, Expr> init = new TreeMap<>();
        for (Reg reg : OBSERVED) init.put(reg, new Expr.Const(r.nextInt(5)));
        init.put(AsmRegisters.gpr(3), new Expr.Addr("m[0]"));
        ThreadCode t = new ThreadCode(0, "P0", init, AsmModule.inline(text.toString(), pos).inlineCode(pos), pos);
        List<StateKey> keys = new ArrayList<>();
        for (Reg reg : OBSERVED) keys.add(new StateKey.RegKey(0, reg));
        for (int c = 0; c < CELLS; c++) keys.add(new StateKey.MemKey("m[" + c + "]"));
        Program p = new Program("generated", Program.Arch.PPC, "generated.S", cells, List.of(t),
                new Condition(Condition.Quantifier.EXISTS, new Prop.True(), pos), keys, Optional.empty());
        return new Generated(p, text.toString());
    }

    private static String instruction(Random r) {
        int g = 4 + r.nextInt(3); // r4..r6: r3 keeps the base address
        int a = 3 + r.nextInt(4);
        int f = r.nextInt(3), fb = r.nextInt(3);
        int[] vsrs = {0, 1, 2, 32, 33};
        int x = vsrs[r.nextInt(vsrs.length)], xa = vsrs[r.nextInt(vsrs.length)], xb = vsrs[r.nextInt(vsrs.length)];
        int v = r.nextInt(2), va = r.nextInt(2), vb = r.nextInt(2);
        int slot = r.nextInt(CELLS / 2) * 16;
        return switch (r.nextInt(24)) {
            case 0 -> "li r" + g + "," + r.nextInt(8);
            case 1 -> "addi r" + g + ",r" + (4 + r.nextInt(3)) + "," + (r.nextInt(7) - 3);
            case 2 -> "add r" + g + ",r" + (4 + r.nextInt(3)) + ",r" + (4 + r.nextInt(3));
            case 3 -> "xor r" + g + ",r" + a + ",r" + (4 + r.nextInt(3));
            case 4 -> "ld r" + g + "," + (8 * r.nextInt(CELLS)) + "(r3)";
            case 5 -> "std r" + (4 + r.nextInt(3)) + "," + (8 * r.nextInt(CELLS)) + "(r3)";
            case 6 -> "stfd f" + f + "," + (8 * r.nextInt(CELLS)) + "(r3)";
            case 7 -> "lfd f" + f + "," + (8 * r.nextInt(CELLS)) + "(r3)";
            case 8 -> "mffs f" + f;
            case 9 -> "mtfsf 0xff,f" + fb;
            case 10 -> "li r4," + slot + "\nstxvd2x vs" + x + ",r3,r4";
            case 11 -> "li r4," + slot + "\nlxvd2x vs" + x + ",r3,r4";
            case 12 -> "xxswapd vs" + x + ",vs" + xa;
            case 13 -> "xxpermdi vs" + x + ",vs" + xa + ",vs" + xb + "," + r.nextInt(4);
            case 14 -> "li r4," + (slot + 8 * r.nextInt(2)) + "\nstvx v" + v + ",r3,r4";
            case 15 -> "li r4," + slot + "\nlvx v" + v + ",r3,r4";
            case 16 -> "mfvscr v" + v;
            case 17 -> "mtvscr v" + vb;
            case 18 -> "fmr f" + f + ",f" + fb;
            case 19 -> (r.nextBoolean() ? "xxlor" : "xxlxor") + " vs" + x + ",vs" + xa + ",vs" + xb;
            case 20 -> (r.nextBoolean() ? "vor" : "vxor") + " v" + v + ",v" + va + ",v" + vb;
            case 21 -> "mfmsr r" + g + "\nori r" + g + ",r" + g + "," + (1 << r.nextInt(16)) + "\nmtmsrd r" + g
                    + (r.nextBoolean() ? ",1" : "");
            case 22 -> "cmpd r" + (4 + r.nextInt(3)) + ",r" + (4 + r.nextInt(3));
            default -> r.nextBoolean() ? "sync" : "lwsync";
        };
    }

    private static List<String> lines(Outcome o) {
        return o.states().stream().map(s -> s.format(o.program().layout())).toList();
    }
}
