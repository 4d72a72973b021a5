package org.powercheck.checker;

import java.util.ArrayList;
import java.util.Arrays;
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
import org.powercheck.ir.Width;

/**
 * Small random PPC litmus programs for comparing the engines, shaped the way diy7 shapes litmus
 * tests: a cycle of 2-4 threads, each with one or two accesses, where each thread's last access
 * communicates with the next thread's first one (rfe: a write the next thread reads; fre: a read
 * of a value the next thread overwrites; coe: two writes), and a thread's two accesses are joined
 * by a link that may order them: nothing, a fence of any kind, an address dependency
 * ({@code xor r,r1,r1} and an indexed access), a data dependency, a control dependency with or
 * without isync, or a branch that really skips the access. Those are the shapes (MP, SB, LB, IRIW,
 * WRC, 2+2W, ...) on which the axioms differ. Accesses may be lwarx/stwcx. pairs, and up to two
 * extra random steps per program add more of them (with a branch on the status, or a stwcx.
 * without its own lwarx), stores of loaded values, pointers stored and followed, and spin loops
 * that the unrolling bound cuts. Stores write values unique per cell, so the final states tell
 * the reads-from apart.
 *
 * <p>A program is generated as abstract steps so that jqwik shrinks a failure to few threads and
 * steps; {@link RandomProgram#toString()} prints the IR.
 */
public final class RandomPrograms {
    private RandomPrograms() {}

    private static final String[] CELLS = {"x", "y", "z", "w"};
    private static final int MAX_WRITES_PER_CELL = 3;
    /** store-conditionals: each doubles a thread's runs (success and failure) */
    private static final int MAX_EXCLUSIVES = 3;
    private static final Link[] FENCES = {Link.SYNC, Link.LWSYNC, Link.EIEIO, Link.PO};

    enum Access { LOAD, STORE, STORE_LOADED, RMW, RMW_BRANCH, LONE_SC, SPIN, STORE_POINTER, LOAD_INDIRECT }

    enum Link { PO, SYNC, LWSYNC, EIEIO, ISYNC, ADDR, DATA, CTRL, CTRL_ISYNC, CTRL_SKIP }

    /** A communication edge of the cycle, from one thread's last access to the next one's first. */
    enum Com {
        RFE(Access.STORE, Access.LOAD), FRE(Access.LOAD, Access.STORE), COE(Access.STORE, Access.STORE);

        final Access from;
        final Access to;

        Com(Access from, Access to) {
            this.from = from;
            this.to = to;
        }
    }

    /**
     * The cycle: {@code threads} threads; {@code coms.get(i)} leaves thread i. A thread has one
     * access when {@code single} says so and its incoming and outgoing edges agree on the access
     * kind; otherwise two, joined by {@code links.get(i)}, on different cells unless
     * {@code sameCell} says so. {@code exclusive.get(2i)} and {@code exclusive.get(2i+1)} make
     * thread i's first and second access a lwarx/stwcx. pair (diycross7's "A" accesses).
     */
    record Cycle(int threads, List<Com> coms, List<Boolean> single, List<Link> links, List<Boolean> sameCell,
                 List<Boolean> exclusive) { }

    /** An extra step at the start or end of thread {@code thread} (modulo the thread count). */
    record Extra(int thread, boolean atStart, Step step) { }

    /**
     * One access and the link from the thread's previous access to it (ignored for the first).
     * {@code variant} picks the shape of an rmw (0: increment, 1-2: store a new value, 3: store
     * to another cell than the reserved one) or the value a spin loop waits for. An
     * {@code RMW_BRANCH} is an rmw followed by {@code bne} on its status over the thread's next
     * step, with isync after the branch for even variants (the lock-acquire idiom). A
     * {@code LONE_SC} is a stwcx. with no lwarx of its own: it succeeds only on a reservation
     * left by an earlier lwarx whose stwcx. has not come yet. {@code STORE_POINTER} stores the
     * address of the next cell; {@code LOAD_INDIRECT} loads a cell and then the cell it points to
     * (an execution where it points nowhere is no execution).
     */
    record Step(Link link, Access access, int cell, int variant) { }

    /**
     * @param picks      the condition's atoms, as indices into the program's observable keys
     * @param values     the values the atoms compare with
     * @param observeAll also print every register and cell ({@code locations}), so the engines'
     *                   states are compared on everything a test can observe
     */
    record Spec(int cells, List<List<Step>> threads, List<Integer> picks, List<Integer> values, boolean observeAll,
                List<Integer> sizes) {
        Spec(int cells, List<List<Step>> threads, List<Integer> picks, List<Integer> values, boolean observeAll) {
            this(cells, threads, picks, values, observeAll, List.of());
        }

        Spec withSizes(List<Integer> sizes) {
            return new Spec(cells, threads, picks, values, observeAll, sizes);
        }
    }

    /**
     * Mixed sizes: the plain loads and stores of a program, in turn, take the shapes of
     * {@code sizes}: a word, a byte at offset 0, 1 or 3, or a halfword at offset 0 or 2 of the
     * word cell (reservations stay words, so a byte store races a lwarx/stwcx. swap).
     */
    private static final Width[] SIZE_WIDTH = {Width.WORD, Width.BYTE, Width.BYTE, Width.BYTE, Width.HALF, Width.HALF};
    private static final int[] SIZE_OFFSET = {0, 0, 1, 3, 0, 2};

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
        return specs().map(s -> new RandomProgram(s, build(s)));
    }

    /** Programs whose plain loads and stores are mostly bytes and halfwords of the word cells. */
    public static Arbitrary<RandomProgram> mixedPrograms() {
        Arbitrary<List<Integer>> sizes = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(0)), Tuple.of(2, Arbitraries.just(1)), Tuple.of(3, Arbitraries.just(2)),
                Tuple.of(1, Arbitraries.just(3)), Tuple.of(1, Arbitraries.just(4)), Tuple.of(2, Arbitraries.just(5)))
                .list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(specs(), sizes).as(Spec::withSizes).map(s -> new RandomProgram(s, build(s)));
    }

    private static Arbitrary<Spec> specs() {
        Arbitrary<Link> link = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(Link.PO)),
                Tuple.of(3, Arbitraries.just(Link.SYNC)),
                Tuple.of(3, Arbitraries.just(Link.LWSYNC)),
                Tuple.of(1, Arbitraries.just(Link.EIEIO)),
                Tuple.of(1, Arbitraries.just(Link.ISYNC)),
                Tuple.of(3, Arbitraries.just(Link.ADDR)),
                Tuple.of(2, Arbitraries.just(Link.DATA)),
                Tuple.of(2, Arbitraries.just(Link.CTRL)),
                Tuple.of(2, Arbitraries.just(Link.CTRL_ISYNC)),
                Tuple.of(1, Arbitraries.just(Link.CTRL_SKIP)));
        Arbitrary<Cycle> cycle = Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(2)), Tuple.of(3, Arbitraries.just(3)),
                        Tuple.of(2, Arbitraries.just(4))),
                Arbitraries.of(Com.class).list().ofSize(4),
                Arbitraries.of(true, false).list().ofSize(4),
                link.list().ofSize(4),
                Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(true)), Tuple.of(5, Arbitraries.just(false)))
                        .list().ofSize(4),
                Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(true)), Tuple.of(9, Arbitraries.just(false)))
                        .list().ofSize(8)).as(Cycle::new);
        Arbitrary<Access> access = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(Access.LOAD)),
                Tuple.of(2, Arbitraries.just(Access.STORE)),
                Tuple.of(2, Arbitraries.just(Access.STORE_LOADED)),
                Tuple.of(2, Arbitraries.just(Access.RMW)),
                Tuple.of(2, Arbitraries.just(Access.RMW_BRANCH)),
                Tuple.of(1, Arbitraries.just(Access.LONE_SC)),
                Tuple.of(1, Arbitraries.just(Access.SPIN)),
                Tuple.of(1, Arbitraries.just(Access.STORE_POINTER)),
                Tuple.of(1, Arbitraries.just(Access.LOAD_INDIRECT)));
        Arbitrary<Step> step = Combinators.combine(link, access, Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 3)).as(Step::new);
        Arbitrary<List<Extra>> extras = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.of(true, false), step).as(Extra::new).list().ofMaxSize(2);
        Arbitrary<List<Integer>> picks = Arbitraries.integers().between(0, 20).list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<List<Integer>> values = Arbitraries.integers().between(0, 2).list().ofSize(3);
        Arbitrary<Boolean> observeAll = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(true)), Tuple.of(1, Arbitraries.just(false)));
        return Combinators.combine(cycle, extras, picks, values, observeAll).as(RandomPrograms::spec)
                .filter(RandomPrograms::affordable);
    }

    private static Spec spec(Cycle cycle, List<Extra> extras, List<Integer> picks, List<Integer> values,
                             boolean observeAll) {
        int k = cycle.threads();
        boolean[] one = new boolean[k];
        boolean[] changesCell = new boolean[k];
        int changes = 0;
        for (int i = 0; i < k; i++) {
            Access in = cycle.coms().get((i + k - 1) % k).to;
            Access out = cycle.coms().get(i).from;
            one[i] = cycle.single().get(i) && in == out;
            changesCell[i] = !one[i] && !cycle.sameCell().get(i);
            if (changesCell[i]) changes++;
        }
        if (changes == 1) {
            // one change of cell cannot lead back to the first cell: keep that thread on one cell
            for (int i = 0; i < k; i++) changesCell[i] = false;
            changes = 0;
        }
        int cells = Math.max(1, changes);
        List<List<Step>> threads = new ArrayList<>();
        int cell = 0;
        for (int i = 0; i < k; i++) {
            Access in = cycle.coms().get((i + k - 1) % k).to;
            Access out = cycle.coms().get(i).from;
            List<Step> steps = new ArrayList<>();
            steps.add(new Step(Link.PO, cycle.exclusive().get(2 * i) ? Access.RMW : in, cell, 1));
            if (!one[i]) {
                if (changesCell[i]) cell = (cell + 1) % cells;
                steps.add(new Step(cycle.links().get(i), cycle.exclusive().get(2 * i + 1) ? Access.RMW : out, cell, 1));
            }
            threads.add(steps);
        }
        for (Extra e : extras) {
            List<Step> steps = threads.get(e.thread() % k);
            if (e.atStart()) steps.add(0, e.step()); else steps.add(e.step());
        }
        return new Spec(cells, threads, picks, values, observeAll);
    }

    /**
     * Keeps the explicit engine fast: it enumerates every coherence order of a cell (factorial in
     * its writes, as herd7) and every value a load may return; store-conditionals, increments
     * and spin loops multiply those values and runs.
     */
    private static boolean affordable(Spec spec) {
        int[] writes = new int[spec.cells()];
        int exclusives = 0;
        int increments = 0;
        int spins = 0;
        for (List<Step> steps : spec.threads()) {
            for (Step s : steps) {
                int cell = s.cell() % spec.cells();
                switch (s.access()) {
                    case STORE, STORE_LOADED, STORE_POINTER -> writes[cell]++;
                    case RMW, RMW_BRANCH -> {
                        writes[s.variant() == 3 ? (cell + 1) % spec.cells() : cell]++;
                        exclusives++;
                        if (s.variant() == 0) increments++;
                    }
                    case LONE_SC -> {
                        writes[cell]++;
                        exclusives++;
                    }
                    case SPIN -> spins++;
                    case LOAD, LOAD_INDIRECT -> { }
                }
            }
        }
        return exclusives <= MAX_EXCLUSIVES && increments <= 1 && spins <= 1
                && Arrays.stream(writes).allMatch(w -> w <= MAX_WRITES_PER_CELL);
    }

    static Program build(Spec spec) {
        PpcBuilder b = new PpcBuilder("random", Arrays.copyOf(CELLS, spec.cells()));
        List<StateKey> observable = new ArrayList<>();
        int[] nextValue = new int[spec.cells()];
        for (int t = 0; t < spec.threads().size(); t++) {
            new ThreadWriter(spec, b.thread(), t, observable, nextValue).write(spec.threads().get(t));
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

    /** Lowers one thread's steps to PPC-style instructions. */
    private static final class ThreadWriter {
        private final Spec spec;
        private final PpcBuilder.Thread code;
        private final int thread;
        private final List<StateKey> observable;
        private final int[] nextValue;
        private int nextReg = 1;
        private int nextSize = 0;
        private int nextLabel = 0;
        /** the register of the thread's latest load, null before the first */
        private String loaded;
        /** the target of a branch over the step being written, placed after it */
        private String pendingLabel;

        ThreadWriter(Spec spec, PpcBuilder.Thread code, int thread, List<StateKey> observable, int[] nextValue) {
            this.spec = spec;
            this.code = code;
            this.thread = thread;
            this.observable = observable;
            this.nextValue = nextValue;
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

        /** The next plain access's shape: index into SIZE_WIDTH and SIZE_OFFSET. */
        private int size() {
            return spec.sizes().isEmpty() ? 0 : spec.sizes().get(nextSize++ % spec.sizes().size());
        }

        private void load(String rd, String index, String address) {
            int z = size();
            if (z == 0) {
                if (index == null) code.lwz(rd, 0, address); else code.lwzx(rd, index, address);
            } else {
                code.load(SIZE_WIDTH[z], rd, address, index, SIZE_OFFSET[z]);
            }
        }

        private void store(String rs, String index, String address) {
            int z = size();
            if (z == 0) {
                if (index == null) code.stw(rs, 0, address); else code.stwx(rs, index, address);
            } else {
                code.store(SIZE_WIDTH[z], rs, address, index, SIZE_OFFSET[z]);
            }
        }

        private String observed(String reg) {
            observable.add(new StateKey.RegKey(thread, new Reg(reg)));
            return reg;
        }

        /** A value no other store to the cell writes. */
        private int newValue(int cell) {
            return ++nextValue[cell];
        }

        void write(List<Step> steps) {
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                Link link = i == 0 ? Link.PO : s.link();
                if (loaded == null && (link == Link.ADDR || link == Link.DATA || link.name().startsWith("CTRL"))) {
                    // nothing loaded to depend on: use a fence instead, so that writers get fences often
                    link = FENCES[link.ordinal() % FENCES.length];
                }
                if (link == Link.DATA && s.access() != Access.STORE) link = Link.ADDR;
                String over = pendingLabel;
                pendingLabel = null;
                write(link, s);
                if (over != null) code.label(over);
            }
            if (pendingLabel != null) code.label(pendingLabel);
        }

        private void write(Link link, Step s) {
            int cell = s.cell() % spec.cells();
            String skipLabel = null;
            String index = null;
            switch (link) {
                case PO, DATA -> { }
                case SYNC -> code.sync();
                case LWSYNC -> code.lwsync();
                case EIEIO -> code.eieio();
                case ISYNC -> code.isync();
                case ADDR -> {
                    index = fresh();
                    code.xor(index, loaded, loaded);
                }
                case CTRL, CTRL_ISYNC -> {
                    // herd's idiom: a branch on the loaded value to the very next instruction
                    String label = "L" + thread + "_" + nextLabel++;
                    code.cmpw(loaded, loaded).beq(label).label(label);
                    if (link == Link.CTRL_ISYNC) code.isync();
                }
                case CTRL_SKIP -> {
                    skipLabel = "L" + thread + "_" + nextLabel++;
                    code.cmpwi(loaded, 1).bne(skipLabel);
                }
            }
            String address = base(cell);
            switch (s.access()) {
                case LOAD -> {
                    loaded = observed(fresh());
                    load(loaded, index, address);
                }
                case STORE -> {
                    String v = fresh();
                    if (link == Link.DATA) {
                        code.xor(v, loaded, loaded).addi(v, v, newValue(cell));
                    } else {
                        code.li(v, newValue(cell));
                    }
                    store(v, index, address);
                }
                case STORE_LOADED -> {
                    String v = loaded != null ? loaded : fresh();
                    if (loaded == null) code.li(v, newValue(cell));
                    store(v, index, address);
                }
                case RMW, RMW_BRANCH -> {
                    String old = observed(fresh());
                    String stored = fresh();
                    String status = observed(fresh());
                    if (index == null) code.lwarx(old, "r0", address); else code.lwarx(old, index, address);
                    int target = s.variant() == 3 ? (cell + 1) % spec.cells() : cell;
                    if (s.variant() == 0) code.addi(stored, old, 1); else code.li(stored, newValue(target));
                    code.stwcx(stored, "r0", base(target)).mr(status, "cr0");
                    loaded = old;
                    if (s.access() == Access.RMW_BRANCH) {
                        pendingLabel = "F" + thread + "_" + nextLabel++;
                        code.bne(pendingLabel);
                        if (s.variant() % 2 == 0) code.isync();
                    }
                }
                case LONE_SC -> {
                    String v = fresh();
                    String status = observed(fresh());
                    code.li(v, newValue(cell));
                    if (index == null) code.stwcx(v, "r0", address); else code.stwcx(v, index, address);
                    code.mr(status, "cr0");
                }
                case STORE_POINTER -> {
                    String v = fresh();
                    code.la(v, CELLS[(cell + 1) % spec.cells()]);
                    if (index == null) code.stw(v, 0, address); else code.stwx(v, index, address);
                }
                case LOAD_INDIRECT -> {
                    String pointer = observed(fresh());
                    if (index == null) code.lwz(pointer, 0, address); else code.lwzx(pointer, index, address);
                    loaded = observed(fresh());
                    code.lwz(loaded, 0, pointer);
                }
                case SPIN -> {
                    String label = "S" + thread + "_" + nextLabel++;
                    String r = observed(fresh());
                    code.label(label);
                    if (index == null) code.lwz(r, 0, address); else code.lwzx(r, index, address);
                    code.cmpwi(r, s.variant() % 2 + 1).bne(label);
                    loaded = r;
                }
            }
            if (skipLabel != null) code.label(skipLabel);
        }
    }
}
