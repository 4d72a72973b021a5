package org.powercheck.checker.sat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.CheckTimeoutException;
import org.powercheck.checker.EncodingSize;
import org.powercheck.checker.Engine;
import org.powercheck.checker.FinalState;
import org.powercheck.checker.ModelFlags;
import org.powercheck.checker.Outcome;
import org.powercheck.checker.Witness;
import org.powercheck.ir.Layout;
import org.powercheck.ir.Program;
import org.powercheck.ir.Prop;
import org.powercheck.ir.StateKey;

/**
 * The default engine: one SAT problem per program whose models are exactly the allowed
 * candidate executions (within the unrolling bound), whose final states are enumerated by
 * {@link StateEnumerator} on the same incremental solver; the unwinding check is one extra
 * query after that.
 */
public final class SatEngine implements Engine {
    private final long lazyTerms;
    private final long refineRatio;

    public SatEngine() {
        this(RelationEncoder.DEFAULT_LAZY_TERMS, RelationEncoder.DEFAULT_REFINE_RATIO);
    }

    /** For tests: compositions with more terms than this get their clauses lazily. */
    SatEngine(long lazyTerms) {
        this(lazyTerms, RelationEncoder.DEFAULT_REFINE_RATIO);
    }

    /**
     * For tests: with more needed one-way pairs than {@code refineRatio} times the execution
     * encoding's variables, the checks over them are decided on models ({@link ModelRefinement});
     * 0 decides them so whenever there are any.
     */
    SatEngine(long lazyTerms, long refineRatio) {
        this.lazyTerms = lazyTerms;
        this.refineRatio = refineRatio;
    }

    @Override
    public String name() {
        return "sat";
    }

    @Override
    public Outcome run(Program program, CheckOptions options) throws CheckTimeoutException {
        Encoding enc = new Encoding(program, options, lazyTerms, refineRatio);
        Circuit c = enc.circuit;
        EncodingSize size = new EncodingSize(enc.exec.events.size(), c.vars(), c.clauses());
        options.checkDeadline();

        // Complete executions that pass the filter, as assumptions: the unwinding check below
        // asks for the opposite on the same solver, after the enumeration (whose learnt and
        // refinement clauses make it cheaper then).
        // A slot that is taken must finish too; one that is not has no events.
        int[] exits = enc.exec.exitGuard.clone();
        for (int t = program.threads().size(); t < exits.length; t++) {
            exits[t] = c.implies(enc.exec.startGuard[t], exits[t]);
        }
        int complete = c.and(c.and(exits, exits.length), -enc.interrupts.interruptCut);
        if (program.filter().isPresent()) complete = c.and(complete, enc.prop(program.filter().get()));

        Layout layout = enc.layout;
        List<StateKey> keys = program.observedKeys();
        ValueMap[] domains = new ValueMap[keys.size()];
        for (int k = 0; k < keys.size(); k++) domains[k] = enc.domain(keys.get(k));
        Prop prop = program.condition().prop();
        List<FinalState> states = new ArrayList<>();
        Witness[] witness = new Witness[1];
        // Flag literals made before any solving, so that each enumerated model (an allowed,
        // complete execution) shows the flags it raises: those need no query of their own.
        RelationEncoder relations = enc.relations;
        int[] flagLits = relations.flagsDecided() ? new int[relations.flagNames().size()] : new int[0];
        for (int k = 0; k < flagLits.length; k++) flagLits[k] = relations.flagLiteral(k);
        boolean[] seenRaised = new boolean[flagLits.length];
        new StateEnumerator(enc, domains, complete).run(valueIndexes -> {
            for (int k = 0; k < flagLits.length; k++) seenRaised[k] |= c.value(flagLits[k]);
            Map<StateKey, Long> values = new TreeMap<>();
            for (int k = 0; k < keys.size(); k++) {
                values.put(keys.get(k), program.observedValue(keys.get(k), domains[k].values[valueIndexes[k]]));
            }
            FinalState state = FinalState.of(values);
            states.add(state);
            if (witness[0] == null && prop.holds(state.values(), layout)) witness[0] = WitnessBuilder.build(enc, state);
            if ((states.size() & 63) == 0) options.checkDeadline();
        });
        // One query per thread, not one for the disjunction of their cuts: the solver settles each
        // much faster (iowq-create-worker: 0.19 s + 0.13 s against 3.3 s for the disjunction).
        boolean boundCut = false;
        for (int t = 0; t < enc.exec.cutGuard.length && !boundCut; t++) {
            int cut = enc.exec.cutGuard[t];
            boundCut = cut != Circuit.FALSE && enc.solve(cut);
        }
        int interruptCut = enc.interrupts.interruptCut;
        boolean interruptsCut = interruptCut != Circuit.FALSE && enc.solve(interruptCut);
        ModelFlags flags = raisedFlags(relations, flagLits, seenRaised, complete, enc);
        if (enc.profile != null) {
            enc.profile.phase("solving");
            System.err.println("profile of " + program.name() + ": " + size);
            enc.profile.print(System.err);
        }
        return new Outcome(program, states, boundCut, interruptsCut, Optional.ofNullable(witness[0]), c.solverNanos(), size, flags);
    }

    /**
     * One query per flag not seen raised while enumerating the states: an allowed, complete
     * execution whose flag relation has a pair.
     */
    private static ModelFlags raisedFlags(RelationEncoder relations, int[] flagLits, boolean[] seenRaised, int complete,
                                          Encoding enc) throws CheckTimeoutException {
        List<String> names = relations.flagNames();
        if (names.isEmpty()) return ModelFlags.NONE;
        if (!relations.flagsDecided()) return ModelFlags.UNDECIDED;
        List<String> raised = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            int raises = flagLits[k];
            if (seenRaised[k] || raises != Circuit.FALSE && complete != Circuit.FALSE && enc.solve(complete, raises)) raised.add(names.get(k));
        }
        return ModelFlags.raised(raised);
    }
}
