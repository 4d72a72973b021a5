package org.powercheck.checker;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.powercheck.checker.explicit.PpcBuilder;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Program;
import org.powercheck.ir.Prop;
import org.powercheck.ir.Reg;
import org.powercheck.ir.StateKey;
import org.powercheck.ir.ThreadCode;

/**
 * Small random PPC-shaped programs for comparing the engines: 2-4 threads over 1-3 cells with
 * loads, stores of constants and of loaded values (data dependencies), address dependencies
 * through {@code xor r,r1,r1} and an indexed access, fences of every kind, lwarx/stwcx. pairs,
 * conditional branches on loaded values (with or without isync), and now and then a spin loop
 * that the unrolling bound cuts. A program is generated as a list of abstract operations per
 * thread so that jqwik shrinks a failure to few threads and few operations.
 */
public final class RandomPrograms {
    private RandomPrograms() {}

    private static final String[] CELLS = {"x", "y", "z"};
    /** At most this many operations over all threads, so that the explicit engine stays fast. */
    private static final int MAX_OPS = 8;
    private static final int MAX_WRITES_PER_CELL = 3;

    enum Kind { LOAD, STORE_CONST, STORE_LOADED, STORE_DATA, STORE_ADDR, LOAD_ADDR, FENCE, RMW, CTRL, SPIN }

    /**
     * One abstract operation; {@code value} is the constant it stores or compares with and
     * {@code variant} picks the fence kind, the branch sense, isync after a branch, or the rmw shape.
     */
    record Op(Kind kind, int cell, int value, int variant) { }

    /**
     * @param picks   the condition's atoms, as indices into the program's observable keys
     * @param values  the values the atoms compare with
     * @param observeAll also print every register and cell ({@code locations}), so the engines'
     *                   states are compared on everything a test can observe
     */
    record Spec(int cells, List<List<Op>> threads, List<Integer> picks, List<Integer> values, boolean observeAll) { }

    /** A generated program; prints as a listing so a failing sample can be read. */
    public record RandomProgram(Spec spec, Program program) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("\n");
            for (ThreadCode t : program.threads()) {
                sb.append(t.name()).append(" ").append(t.registerInit()).append('\n');
                for (Instr i : t.code()) sb.append("    ").append(i).append('\n');
            }
            sb.append(program.condition());
            if (!program.locations().isEmpty()) sb.append(" locations ").append(program.locations());
            return sb.append('\n').toString();
        }
    }

    public static Arbitrary<RandomProgram> programs() {
        Arbitrary<Kind> kind = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(Kind.LOAD)),
                Tuple.of(5, Arbitraries.just(Kind.STORE_CONST)),
                Tuple.of(2, Arbitraries.just(Kind.STORE_LOADED)),
                Tuple.of(2, Arbitraries.just(Kind.STORE_DATA)),
                Tuple.of(1, Arbitraries.just(Kind.STORE_ADDR)),
                Tuple.of(2, Arbitraries.just(Kind.LOAD_ADDR)),
                Tuple.of(4, Arbitraries.just(Kind.FENCE)),
                Tuple.of(2, Arbitraries.just(Kind.RMW)),
                Tuple.of(2, Arbitraries.just(Kind.CTRL)),
                Tuple.of(1, Arbitraries.just(Kind.SPIN)));
        Arbitrary<Op> op = Combinators.combine(kind, Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(1, 2), Arbitraries.integers().between(0, 3)).as(Op::new);
        Arbitrary<List<Op>> thread = op.list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<List<List<Op>>> threads = thread.list().ofMinSize(2).ofMaxSize(4)
                .filter(ts -> ts.stream().mapToInt(List::size).sum() <= MAX_OPS);
        Arbitrary<List<Integer>> picks = Arbitraries.integers().between(0, 20).list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<List<Integer>> values = Arbitraries.integers().between(0, 2).list().ofSize(3);
        return Combinators.combine(Arbitraries.integers().between(1, 3), threads, picks, values,
                Arbitraries.of(true, false)).as(Spec::new).filter(RandomPrograms::affordable)
                .map(s -> new RandomProgram(s, build(s)));
    }

    /**
     * Keeps the explicit engine fast: it enumerates every coherence order of a cell (factorial
     * in its writes, as herd7) and every value a load may return, and increments and spin loops
     * multiply those values and runs.
     */
    private static boolean affordable(Spec spec) {
        int[] writes = new int[spec.cells()];
        int increments = 0;
        int spins = 0;
        for (List<Op> ops : spec.threads()) {
            for (Op op : ops) {
                int cell = op.cell() % spec.cells();
                switch (op.kind()) {
                    case STORE_CONST, STORE_LOADED, STORE_DATA, STORE_ADDR -> writes[cell]++;
                    case RMW -> {
                        writes[cell]++;
                        if (op.variant() == 0) increments++;
                    }
                    case SPIN -> spins++;
                    default -> { }
                }
            }
        }
        return increments <= 1 && spins <= 1
                && java.util.Arrays.stream(writes).allMatch(w -> w <= MAX_WRITES_PER_CELL);
    }

    static Program build(Spec spec) {
        PpcBuilder b = new PpcBuilder("random", java.util.Arrays.copyOf(CELLS, spec.cells()));
        List<StateKey> observable = new ArrayList<>();
        for (int t = 0; t < spec.threads().size(); t++) {
            new ThreadWriter(spec, b.thread(), t, observable).write(spec.threads().get(t));
        }
        for (int c = 0; c < spec.cells(); c++) observable.add(new StateKey.MemKey(CELLS[c]));
        Prop condition = null;
        for (int i = 0; i < spec.picks().size(); i++) {
            StateKey key = observable.get(spec.picks().get(i) % observable.size());
            Prop atom = key instanceof StateKey.RegKey r
                    ? PpcBuilder.reg(r.thread(), r.reg().name(), spec.values().get(i))
                    : PpcBuilder.mem(((StateKey.MemKey) key).cell(), spec.values().get(i));
            condition = condition == null ? atom : PpcBuilder.and(condition, atom);
        }
        b.exists(condition);
        if (spec.observeAll()) b.locations(observable.toArray(StateKey[]::new));
        return b.build();
    }

    /** Lowers one thread's operations to PPC-style instructions. */
    private static final class ThreadWriter {
        private final Spec spec;
        private final PpcBuilder.Thread code;
        private final int thread;
        private final List<StateKey> observable;
        private int nextReg = 1;
        private int nextLabel = 0;
        private String lastLoaded;
        /** a forward branch target to place after the next operation, and whether isync follows it */
        private String pendingLabel;
        private boolean pendingIsync;

        ThreadWriter(Spec spec, PpcBuilder.Thread code, int thread, List<StateKey> observable) {
            this.spec = spec;
            this.code = code;
            this.thread = thread;
            this.observable = observable;
            for (int c = 0; c < spec.cells(); c++) code.initAddress(base(c), CELLS[c]);
        }

        private static String base(int cell) {
            return "r2" + cell;
        }

        private String fresh() {
            String r = "r" + nextReg++;
            if (nextReg == 20) nextReg = 30;
            return r;
        }

        private String observed(String reg) {
            observable.add(new StateKey.RegKey(thread, new Reg(reg)));
            return reg;
        }

        /** A register with no value dependency on {@code lastLoaded} but a syntactic one. */
        private String fakeDependency() {
            String t = fresh();
            code.xor(t, lastLoaded, lastLoaded);
            return t;
        }

        void write(List<Op> ops) {
            for (Op op : ops) {
                String label = pendingLabel;
                boolean isync = pendingIsync;
                pendingLabel = null;
                write(op);
                if (label != null) {
                    code.label(label);
                    if (isync) code.isync();
                }
            }
            if (pendingLabel != null) {
                code.label(pendingLabel);
                if (pendingIsync) code.isync();
            }
        }

        private void write(Op op) {
            int cell = op.cell() % spec.cells();
            String base = base(cell);
            Kind kind = op.kind();
            boolean needsLoad = kind == Kind.STORE_LOADED || kind == Kind.STORE_DATA || kind == Kind.STORE_ADDR
                    || kind == Kind.LOAD_ADDR || kind == Kind.CTRL;
            if (needsLoad && lastLoaded == null) {
                kind = kind == Kind.LOAD_ADDR || kind == Kind.CTRL ? Kind.LOAD : Kind.STORE_CONST;
            }
            switch (kind) {
                case LOAD -> {
                    lastLoaded = observed(fresh());
                    code.lwz(lastLoaded, 0, base);
                }
                case STORE_CONST -> {
                    String v = fresh();
                    code.li(v, op.value()).stw(v, 0, base);
                }
                case STORE_LOADED -> code.stw(lastLoaded, 0, base);
                case STORE_DATA -> {
                    String t = fakeDependency();
                    code.addi(t, t, op.value()).stw(t, 0, base);
                }
                case STORE_ADDR -> {
                    String t = fakeDependency();
                    String v = fresh();
                    code.li(v, op.value()).stwx(v, t, base);
                }
                case LOAD_ADDR -> {
                    String t = fakeDependency();
                    lastLoaded = observed(fresh());
                    code.lwzx(lastLoaded, t, base);
                }
                case FENCE -> {
                    switch (op.variant()) {
                        case 0 -> code.sync();
                        case 1 -> code.lwsync();
                        case 2 -> code.isync();
                        default -> code.eieio();
                    }
                }
                case RMW -> {
                    String old = observed(fresh());
                    String stored = fresh();
                    String status = observed(fresh());
                    code.lwarx(old, "r0", base);
                    if (op.variant() == 0) code.addi(stored, old, 1); else code.li(stored, op.value());
                    // variant 3 stores to another cell: the reservation does not cover it
                    String target = op.variant() == 3 ? base((cell + 1) % spec.cells()) : base;
                    code.stwcx(stored, "r0", target).mr(status, "cr0");
                    lastLoaded = old;
                }
                case CTRL -> {
                    String label = "L" + thread + "_" + nextLabel++;
                    code.cmpwi(lastLoaded, op.value());
                    if (op.variant() % 2 == 0) code.beq(label); else code.bne(label);
                    pendingLabel = label;
                    pendingIsync = op.variant() >= 2;
                }
                case SPIN -> {
                    String label = "S" + thread + "_" + nextLabel++;
                    lastLoaded = observed(fresh());
                    code.label(label).lwz(lastLoaded, 0, base).cmpwi(lastLoaded, op.value()).bne(label);
                }
            }
        }
    }
}
