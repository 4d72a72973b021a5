package org.powercheck.checker.sat;

import java.util.ArrayList;
import java.util.List;
import org.powercheck.ir.Interrupts;
import org.powercheck.ir.ThreadCode;
import org.powercheck.model.interrupts.InterruptSlot;
import org.powercheck.model.interrupts.InterruptSlots;
import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.CheckTimeoutException;
import org.powercheck.checker.UndeterminedReads;
import org.powercheck.checker.Uniproc;
import org.powercheck.ir.Layout;
import org.powercheck.ir.Locations;
import org.powercheck.model.PpcModel;
import org.powercheck.ir.Program;
import org.powercheck.ir.Prop;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.StateKey;

/** Everything the SAT engine builds for one program: events, execution choices, model checks. */
final class Encoding {
    final Program program;
    final Layout layout;
    final Locations locations;
    final Circuit circuit;
    final List<ThreadProgram> threads;
    final SymbolicExecution exec;
    final MemoryEncoding memory;
    final RelationEncoder relations;
    final BaseRelations base;
    final InterruptEncoding interrupts;
    /** null unless {@link SatProfile#ON} */
    final SatProfile profile;

    /** @param lazyTerms see {@link RelationEncoder#DEFAULT_LAZY_TERMS} */
    Encoding(Program program, CheckOptions options, long lazyTerms) throws CheckTimeoutException {
        this(program, options, lazyTerms, RelationEncoder.DEFAULT_REFINE_RATIO, Faults.rejecting());
    }

    Encoding(Program program, CheckOptions options, long lazyTerms, long refineRatio) throws CheckTimeoutException {
        this(program, options, lazyTerms, refineRatio, Faults.rejecting());
    }

    Encoding(Program program, CheckOptions options, long lazyTerms, Faults faults) throws CheckTimeoutException {
        this(program, options, lazyTerms, RelationEncoder.DEFAULT_REFINE_RATIO, faults);
    }

    Encoding(Program program, CheckOptions options, long lazyTerms, long refineRatio, Faults faults)
            throws CheckTimeoutException {
        this.program = program;
        this.layout = program.layout();
        this.circuit = new Circuit(options.deadlineNanos());
        this.profile = SatProfile.ON ? new SatProfile(circuit) : null;
        List<InterruptSlot> slots = InterruptSlots.of(program, options.interrupts());
        List<ThreadCode> code = new ArrayList<>(program.threads());
        for (InterruptSlot s : slots) code.add(s.code());
        this.threads = ThreadProgram.of(code, layout, options);
        boolean undetermined = UndeterminedReads.possible(program, options.model());
        ValueAnalysis values = ValueAnalysis.of(threads, layout, Uniproc.holds(options.model()), undetermined);
        this.locations = values.locations;
        options.checkDeadline();
        boolean[] optional = new boolean[code.size()], interruptible = new boolean[code.size()];
        for (int t = program.threads().size(); t < code.size(); t++) optional[t] = true;
        for (InterruptSlot s : slots) interruptible[s.host()] = true;
        if (profile != null) profile.phase("value analysis");
        this.exec = new SymbolicExecution(circuit, layout, threads, values, optional, interruptible, faults);
        if (profile != null) profile.phase("symbolic execution");
        options.checkDeadline();
        this.interrupts = new InterruptEncoding(circuit, threads, exec, slots,
                options.interrupts().pointsFor(program) == Interrupts.Points.ENABLED);
        this.memory = new MemoryEncoding(circuit, exec.events, locations.size(),
                !Uniproc.coherenceAcyclic(options.model()));
        if (undetermined) Grounding.encode(circuit, exec.events, memory);
        if (interrupts.any()) {
            interrupts.killReservations(exec.events);
            interrupts.deliver(exec.events, memory, locations);
        }
        if (profile != null) profile.phase("memory (rf, co), interrupts");
        long[][][] reach = new long[threads.size()][][];
        for (int t = 0; t < threads.size(); t++) reach[t] = threads.get(t).dag.reachability();
        options.checkDeadline();
        org.powercheck.model.Model checked = org.powercheck.model.cat.GracePeriods.forProgram(options.model(), program);
        ModelGraph model = ModelGraph.of(locations.whole() ? checked : PpcModel.mixed(checked));
        this.base = new BaseRelations(circuit, model, exec.events, memory, exec.control, reach, interrupts,
                locations.observed(program.observedKeys()));
        this.relations = new RelationEncoder(circuit, model, exec.events, base, lazyTerms, refineRatio, happensWith(exec.events), profile);
        SourcePos where = program.threads().isEmpty() ? program.condition().pos() : program.threads().get(0).pos();
        relations.encode(options, where);
    }

    /**
     * Row i: the events that happen whenever event i does: i itself, the unconditional ones, and
     * those of i's thread at a node that dominates i's node and whose guard is that node's.
     */
    private BitMatrix happensWith(List<Event> events) {
        int n = events.size();
        long[][][] dom = new long[threads.size()][][];
        for (int t = 0; t < threads.size(); t++) dom[t] = threads.get(t).dag.dominators();
        BitMatrix always = new BitMatrix(n);
        for (Event k : events) if (k.guard == Circuit.TRUE) always.set(0, k.id);
        BitMatrix m = new BitMatrix(n);
        List<List<Event>> byThread = new ArrayList<>();
        for (int t = 0; t < threads.size(); t++) byThread.add(new ArrayList<>());
        for (Event e : events) if (!e.isInit() && e.atNode) byThread.get(e.thread).add(e);
        for (Event i : events) {
            System.arraycopy(always.bits, 0, m.bits, m.rowOffset(i.id), m.words);
            m.set(i.id, i.id);
            if (i.isInit()) continue;
            long[] d = dom[i.thread][i.node];
            for (Event k : byThread.get(i.thread)) {
                if ((d[k.node >>> 6] & (1L << k.node)) != 0) m.set(i.id, k.id);
            }
        }
        return m;
    }

    /** Solves under assumptions, adding lazy composition clauses until a model needs none. */
    boolean solve(int... assumptions) throws CheckTimeoutException {
        while (timedSolve(assumptions)) {
            int added = relations.refine();
            if (profile != null) profile.refined(added);
            if (added == 0) return true;
        }
        return false;
    }

    private boolean timedSolve(int[] assumptions) throws CheckTimeoutException {
        if (profile == null) return circuit.solve(assumptions);
        long t0 = System.nanoTime();
        boolean r = circuit.solve(assumptions);
        profile.solved(System.nanoTime() - t0, r, assumptions, circuit.stats());
        return r;
    }

    /** The final value of a key: a register at its thread's end, or a cell's co-last write. */
    ValueMap domain(StateKey key) {
        return switch (key) {
            case StateKey.RegKey r -> {
                int t = threadIndex(r.thread());
                if (t < 0) yield ValueMap.constant(0);
                int reg = threads.get(t).reg(r.reg());
                yield reg < 0 ? ValueMap.constant(0) : exec.finalRegs[t][reg];
            }
            case StateKey.MemKey m -> MixedAccesses.cellValue(circuit, locations, layout.indexOf(m.cell()),
                    memory.finalMemory);
        };
    }

    private int threadIndex(int id) {
        for (int t = 0; t < threads.size(); t++) if (threads.get(t).id() == id) return t;
        return id >= 0 && id < threads.size() ? id : -1;
    }

    /** The literal of a proposition over final values. */
    int prop(Prop p) {
        Circuit c = circuit;
        return switch (p) {
            case Prop.True t -> Circuit.TRUE;
            case Prop.False f -> Circuit.FALSE;
            case Prop.Not x -> -prop(x.arg());
            case Prop.And a -> c.and(prop(a.left()), prop(a.right()));
            case Prop.Or o -> c.or(prop(o.left()), prop(o.right()));
            case Prop.Implies i -> c.implies(prop(i.left()), prop(i.right()));
            case Prop.Eq e -> {
                // Compared as the test declares the key's type, like the printed final state.
                ValueMap d = domain(e.key());
                long want = layout.valueOf(e.value());
                int[] hits = new int[d.size()];
                int m = 0;
                for (int i = 0; i < d.size(); i++) {
                    if (program.observedValue(e.key(), d.values[i]) == want) hits[m++] = d.lits[i];
                }
                yield c.or(hits, m);
            }
            case Prop.SameValue s -> {
                ValueMap l = domain(s.left()), r = domain(s.right());
                int[] hits = new int[l.size() * r.size()];
                int m = 0;
                for (int i = 0; i < l.size(); i++) {
                    for (int j = 0; j < r.size(); j++) {
                        if (program.observedValue(s.left(), l.values[i]) == program.observedValue(s.right(), r.values[j])) {
                            hits[m++] = c.and(l.lits[i], r.lits[j]);
                        }
                    }
                }
                yield c.or(hits, m);
            }
        };
    }
}
