package org.powercheck.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A whole test: memory cells with their initial values, threads, the final condition and the
 * extra keys to print ({@code locations [...]}). Immutable; every front end produces one.
 *
 * @param filter    executions whose final state fails it are discarded before the condition
 * @param keyWidths how the test declares a key's type, where that changes its printed value:
 *                  herd reads an {@code int} register's final value as a signed 32-bit number
 *                  (keys not listed are 64-bit)
 * @param interrupts the handlers the CPUs may take, where the checker chooses
 * @param valueNames how reports print values that stand for something other than a number: the
 *                   opaque contents of an interrupted context's registers ({@link OpaqueValues})
 *                   and the instructions a register check names
 * @param symbolicReads the reads have herd7's symbolic values (C lowered for the LKMM): one that
 *                   no acyclic chain of reads-from and data dependencies grounds in a constant
 *                   reads {@link Undetermined#VALUE}; a model with a no-thin-air axiom (ppc.cat)
 *                   has no such executions, so POWER code does not need it
 */
public record Program(String name, Arch arch, String file, List<Cell> cells, List<ThreadCode> threads,
                      Condition condition, List<StateKey> locations, Optional<Prop> filter,
                      Map<StateKey, Width> keyWidths, Interrupts interrupts, Map<Long, ValueName> valueNames,
                      boolean symbolicReads) {
    public enum Arch { PPC, C }

    public Program {
        cells = List.copyOf(cells);
        threads = List.copyOf(threads);
        locations = List.copyOf(locations);
        keyWidths = Map.copyOf(keyWidths);
        valueNames = Map.copyOf(valueNames);
    }

    public Program(String name, Arch arch, String file, List<Cell> cells, List<ThreadCode> threads,
                   Condition condition, List<StateKey> locations, Optional<Prop> filter,
                   Map<StateKey, Width> keyWidths, Interrupts interrupts, Map<Long, ValueName> valueNames) {
        this(name, arch, file, cells, threads, condition, locations, filter, keyWidths, interrupts, valueNames, false);
    }

    public Program(String name, Arch arch, String file, List<Cell> cells, List<ThreadCode> threads,
                   Condition condition, List<StateKey> locations, Optional<Prop> filter,
                   Map<StateKey, Width> keyWidths, Interrupts interrupts) {
        this(name, arch, file, cells, threads, condition, locations, filter, keyWidths, interrupts, Map.of());
    }

    public Program(String name, Arch arch, String file, List<Cell> cells, List<ThreadCode> threads,
                   Condition condition, List<StateKey> locations, Optional<Prop> filter) {
        this(name, arch, file, cells, threads, condition, locations, filter, Map.of(), Interrupts.NONE);
    }

    public Program(String name, Arch arch, String file, List<Cell> cells, List<ThreadCode> threads,
                   Condition condition, List<StateKey> locations, Optional<Prop> filter,
                   Map<StateKey, Width> keyWidths) {
        this(name, arch, file, cells, threads, condition, locations, filter, keyWidths, Interrupts.NONE);
    }

    /** A key's final value as the test's declared type reads it (signed, at the declared width). */
    public long observedValue(StateKey key, long raw) {
        Width w = keyWidths.get(key);
        return w == null ? raw : w.extend(raw, true);
    }

    public Layout layout() {
        return new Layout(cells, valueNames);
    }

    /** The keys a final state is projected on: the {@code locations} and the condition's keys. */
    public List<StateKey> observedKeys() {
        Set<StateKey> keys = new TreeSet<>(locations);
        keys.addAll(condition.prop().keys());
        return new ArrayList<>(keys);
    }
}
