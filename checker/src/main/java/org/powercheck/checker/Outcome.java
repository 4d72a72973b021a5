package org.powercheck.checker;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.powercheck.ir.Program;

/**
 * What an engine found: every reachable final state (projected on the program's observed keys,
 * filter applied, sorted), whether the unrolling bound cut off some execution, and one witness
 * execution for the condition's proposition when there is one.
 *
 * @param boundCut    some execution needed more loop iterations than the bound allows; the
 *                    states are then only those within the bound
 * @param interruptCut some execution ends with an interrupt pending that the bound on
 *                    interrupts per CPU leaves no room for; its state is not final either
 * @param solverNanos time spent inside the solver (for the benchmark's solver-time share)
 * @param size        the encoding's size, for the benchmark ({@link EncodingSize#NONE} if none)
 * @param flags       the model's flags the allowed executions raise
 */
public record Outcome(Program program, List<FinalState> states, boolean boundCut, boolean interruptCut,
                      Optional<Witness> witness, long solverNanos, EncodingSize size, ModelFlags flags) {
    public Outcome(Program program, List<FinalState> states, boolean boundCut, boolean interruptCut,
                   Optional<Witness> witness, long solverNanos, EncodingSize size) {
        this(program, states, boundCut, interruptCut, witness, solverNanos, size, ModelFlags.NONE);
    }

    public Outcome(Program program, List<FinalState> states, boolean boundCut, boolean interruptCut,
                   Optional<Witness> witness, long solverNanos) {
        this(program, states, boundCut, interruptCut, witness, solverNanos, EncodingSize.NONE);
    }

    public Outcome(Program program, List<FinalState> states, boolean boundCut, Optional<Witness> witness,
                   long solverNanos) {
        this(program, states, boundCut, false, witness, solverNanos);
    }

    /** Some execution was cut, by the unwinding bound or by the interrupt bound. */
    public boolean anyCut() {
        return boundCut || interruptCut;
    }

    public Outcome {
        TreeSet<FinalState> typed = new TreeSet<>();
        for (FinalState s : states) typed.add(asDeclared(program, s));
        states = List.copyOf(typed);
    }

    /** Engines compute 64-bit values; the test's declared types say how herd prints them. */
    private static FinalState asDeclared(Program program, FinalState s) {
        if (program.keyWidths().isEmpty()) return s;
        var values = new java.util.TreeMap<org.powercheck.ir.StateKey, Long>();
        s.values().forEach((k, v) -> values.put(k, program.observedValue(k, v)));
        return new FinalState(values);
    }
}
