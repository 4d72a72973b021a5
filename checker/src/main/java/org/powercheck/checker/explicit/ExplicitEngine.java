package org.powercheck.checker.explicit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.CheckTimeoutException;
import org.powercheck.checker.Engine;
import org.powercheck.checker.Execution;
import org.powercheck.checker.FinalState;
import org.powercheck.checker.ModelFlags;
import org.powercheck.checker.Outcome;
import org.powercheck.checker.Witness;
import org.powercheck.ir.Layout;
import org.powercheck.ir.Locations;
import org.powercheck.ir.Program;
import org.powercheck.ir.Prop;
import org.powercheck.model.Check;
import org.powercheck.model.Model;
import org.powercheck.model.PpcModel;
import org.powercheck.model.Rel;
import org.powercheck.model.interrupts.InterruptSlot;
import org.powercheck.model.interrupts.InterruptSlots;

/**
 * The oracle: enumerates candidate executions one by one, as herd7 does, and evaluates the
 * model on each with concrete bit matrices. Slow on big programs, simple to trust.
 *
 * <ol>
 *   <li>per thread, every concrete run ({@link ThreadInterpreter}) over the values the cells
 *       may hold ({@link ValueDomain});</li>
 *   <li>every choice of one run per thread whose reads all find a write of their value
 *       ({@link RunCombinations}), with its events and static relations ({@link EventGraph});</li>
 *   <li>per cell, every co order and rf map that passes uniproc on that cell
 *       ({@link LocationChoices}), and their product over the cells;</li>
 *   <li>the model's other checks on each candidate ({@link RelEvaluator}); an allowed candidate
 *       contributes its final state, or sets {@code boundCut} if a thread was cut by the bound.
 *       A candidate whose final state is already known, or fails the filter, is not evaluated.</li>
 * </ol>
 */
public final class ExplicitEngine implements Engine {
    /** ppc.cat's uniproc axiom; when the model has it, it is checked cell by cell while enumerating. */
    private static final Rel UNIPROC = Rel.union(PpcModel.poLoc, PpcModel.rf, PpcModel.fr, PpcModel.co);

    @Override
    public String name() {
        return "explicit";
    }

    @Override
    public Outcome run(Program program, CheckOptions options) throws CheckTimeoutException {
        return new Run(program, options, null, true).explore();
    }

    /**
     * Every candidate execution whose final state satisfies the condition's proposition (and the
     * filter), whether the model allows it or not: the executions a why-forbidden explanation
     * must rule out. Uniproc is then checked like any other axiom, not while enumerating.
     */
    public static void candidatesReaching(Program program, CheckOptions options, java.util.function.Consumer<Execution> sink)
            throws CheckTimeoutException {
        new Run(program, options, c -> sink.accept(ExecutionWriter.of(program, c)), false).explore();
    }

    /**
     * The same, but rf and co choices that break uniproc on some cell are dropped while
     * enumerating, as {@link #run} does: every candidate left out fails scperlocation.
     */
    public static void candidatesReachingPastUniproc(Program program, CheckOptions options,
                                                     java.util.function.Consumer<Execution> sink)
            throws CheckTimeoutException {
        new Run(program, options, c -> sink.accept(ExecutionWriter.of(program, c)), true).explore();
    }

    /** The state of one engine run. */
    private static final class Run {
        private final Program program;
        private final CheckOptions options;
        private final Layout layout;
        private boolean uniprocPerCell;
        private final List<Check> checks = new ArrayList<>();
        private final List<Check> flags = new ArrayList<>();
        /** the flags some allowed complete execution raised so far */
        private final Set<String> raised = new java.util.TreeSet<>();
        private final FinalValues finalValues;
        private final RelEvaluator evaluator = new RelEvaluator();
        private final Set<FinalValues.Observed> found = new HashSet<>();
        private final List<FinalState> states = new ArrayList<>();
        private boolean boundCut, interruptCut;
        private final List<InterruptSlot> slots;
        private Deliveries deliveries;
        private Witness witness;
        private long candidates;

        /** when set, the candidates reaching the proposition go here and no state is collected */
        private final java.util.function.Consumer<Candidate> reaching;

        /** reads may be ungrounded: they may read the undetermined value, candidates are checked for it */
        private boolean undetermined;
        /** whether uniproc may be checked cell by cell while enumerating */
        private final boolean pruneUniproc;

        Run(Program program, CheckOptions options, java.util.function.Consumer<Candidate> reaching, boolean pruneUniproc) {
            this.reaching = reaching;
            this.pruneUniproc = pruneUniproc;
            this.program = program;
            this.options = options;
            this.layout = program.layout();
            this.finalValues = new FinalValues(program);
            this.slots = InterruptSlots.of(program, options.interrupts());
        }

        private void useModel(Model model) {
            checks.clear();
            flags.clear();
            flags.addAll(model.flags());
            uniprocPerCell = false;
            for (Check c : model.checks()) {
                if (pruneUniproc && c.kind() == Check.Kind.ACYCLIC && unionTerms(c.rel()).equals(unionTerms(UNIPROC))) {
                    uniprocPerCell = true;
                }
                else checks.add(c);
            }
        }

        /** The terms of a union, however it is bracketed: the LKMM's {@code po-loc | com} is ppc.cat's uniproc. */
        private static java.util.Set<Rel> unionTerms(Rel r) {
            java.util.Set<Rel> out = new java.util.HashSet<>();
            java.util.ArrayDeque<Rel> todo = new java.util.ArrayDeque<>(List.of(r));
            while (!todo.isEmpty()) {
                Rel x = todo.pop();
                if (x instanceof Rel.Union u) {
                    todo.push(u.left());
                    todo.push(u.right());
                } else {
                    out.add(x);
                }
            }
            return out;
        }

        Outcome explore() throws CheckTimeoutException {
            List<PathSource> interpreters = new ArrayList<>();
            List<ThreadInterpreter> all = new ArrayList<>();
            for (int t = 0; t < program.threads().size(); t++) {
                ThreadInterpreter thread = new ThreadInterpreter(program.threads().get(t), layout, options);
                all.add(thread);
                List<InterruptSlot> mine = new ArrayList<>();
                List<ThreadInterpreter> handlers = new ArrayList<>();
                for (InterruptSlot s : slots) {
                    if (s.host() != t) continue;
                    mine.add(s);
                    handlers.add(new ThreadInterpreter(s.code(), layout, options));
                }
                all.addAll(handlers);
                interpreters.add(mine.isEmpty() ? thread : new CpuRuns(thread, handlers, mine, options,
                        options.interrupts().pointsFor(program) == org.powercheck.ir.Interrupts.Points.ENABLED));
            }
            // Locations start as whole cells and split until they tile every access the runs make.
            Locations locations = Locations.whole(layout);
            List<List<ThreadRun>> runs;
            boolean scopedControl = org.powercheck.checker.ScopedControl.in(program.threads());
            undetermined = org.powercheck.checker.UndeterminedReads.possible(program, options.model());
            while (true) {
                for (ThreadInterpreter t : all) t.useLocations(locations);
                runs = ValueDomain.solve(interpreters, locations, options, scopedControl, undetermined);
                List<Locations.Span> untiled = new ArrayList<>();
                for (ThreadInterpreter t : all) untiled.addAll(t.untiled);
                if (untiled.isEmpty()) break;
                locations = locations.refine(untiled);
            }
            Model checked = org.powercheck.model.cat.GracePeriods.forProgram(options.model(), program);
            useModel(locations.whole() ? checked : PpcModel.mixed(checked));
            deliveries = new Deliveries(slots, locations);
            for (List<ThreadRun> r : runs) {
                if (r.isEmpty()) return outcome();
            }
            Locations locs = locations;
            boolean[] observed = locations.observed(program.observedKeys());
            new RunCombinations(runs, locations, options, uniprocPerCell, () -> boundCut)
                    .forEach((chosen, cellChoices) -> exploreGraph(new EventGraph(locs, chosen, observed), cellChoices));
            return outcome();
        }

        private Outcome outcome() {
            return new Outcome(program, states, boundCut, interruptCut, Optional.ofNullable(witness), 0,
                    org.powercheck.checker.EncodingSize.NONE, ModelFlags.raised(raised));
        }

        private void exploreGraph(EventGraph g, List<List<LocationChoice>> perCell) throws CheckTimeoutException {
            if (g.cut && (boundCut || reaching != null)) return;
            evaluator.newGraph();
            int[] pick = new int[g.cells];
            while (true) {
                if ((++candidates & 0xff) == 0) options.checkDeadline();
                LocationChoice[] choice = new LocationChoice[g.cells];
                for (int c = 0; c < g.cells; c++) choice[c] = perCell.get(c).get(pick[c]);
                if (g.cut) {
                    if (deliveries.judge(g, choice) != Deliveries.Verdict.INVALID && herdExecution(new Candidate(g, choice))
                            && allowed(new Candidate(g, choice))) {
                        boundCut = true;
                        return;
                    }
                } else {
                    consider(g, choice);
                }
                if (!next(pick, c -> perCell.get(c).size())) return;
            }
        }

        /**
         * Adds the candidate's final state when it passes the filter, is new and the model allows
         * it. The state is known before the model is evaluated, so a state already found costs
         * nothing more.
         */
        private void consider(EventGraph g, LocationChoice[] choice) {
            Deliveries.Verdict delivered = deliveries.judge(g, choice);
            if (delivered == Deliveries.Verdict.INVALID || !herdExecution(new Candidate(g, choice))) return;
            if (delivered == Deliveries.Verdict.CUT) {
                if (!interruptCut && allowed(new Candidate(g, choice))) interruptCut = true;
                return;
            }
            long[] values = finalValues.read(g, choice);
            if (program.filter().isPresent() && !program.filter().get().holds(finalValues.asMap(values), layout)) return;
            if (reaching != null) {
                if (program.condition().prop().holds(finalValues.state(finalValues.observed(values)).values(), layout)) {
                    reaching.accept(new Candidate(g, choice));
                }
                return;
            }
            FinalValues.Observed observed = finalValues.observed(values);
            boolean known = found.contains(observed);
            // A known state is evaluated again only for the flags it might still raise.
            if (known && raised.size() == flags.size()) return;
            Candidate candidate = new Candidate(g, choice);
            if (!allowed(candidate)) return;
            for (Check f : flags) if (!raised.contains(f.name()) && !evaluator.holds(f)) raised.add(f.name());
            if (known) return;
            found.add(observed);
            FinalState state = finalValues.state(observed);
            states.add(state);
            Prop p = program.condition().prop();
            if (witness == null && p.holds(state.values(), layout)) {
                witness = WitnessWriter.describe(program, candidate, state);
            }
        }

        /** Its reads' values are those herd7's symbolic semantics gives them (only undetermined if ungrounded). */
        private boolean herdExecution(Candidate candidate) {
            return !undetermined || GroundedReads.consistent(candidate);
        }

        private boolean allowed(Candidate candidate) {
            evaluator.useCandidate(candidate);
            for (Check c : checks) {
                if (!evaluator.holds(c)) return false;
            }
            return true;
        }

        /** Advances a mixed-radix counter; false once it wrapped around. */
        private static boolean next(int[] digits, IntUnaryOperator radix) {
            for (int i = digits.length - 1; i >= 0; i--) {
                if (++digits[i] < radix.applyAsInt(i)) return true;
                digits[i] = 0;
            }
            return false;
        }
    }
}
