package org.powercheck.checker.sat;

import java.util.Arrays;
import org.powercheck.checker.CheckTimeoutException;

/**
 * Enumerates the distinct projections of the models on some keys (each key has a domain of
 * values with their literals) by depth-first search over key values under assumptions.
 *
 * <p>Why not block each found state with a clause: the blocking clauses pile up, and on tests
 * with thousands of states every later query has to wade through all of them (quadratic in
 * the number of states; 65535 states of a 16-thread test took minutes). Here the solver only
 * ever sees assumptions (a prefix of key values, and the values already found for the next
 * key): each satisfiable query yields a new state and each unsatisfiable one closes a key of
 * a subtree, and none of them grows the clause database.
 */
final class StateEnumerator {
    interface Sink {
        /** One new state: per key, the index of its value in the key's domain. The solver's
         *  current model is an execution with this state. */
        void accept(int[] valueIndexes) throws CheckTimeoutException;
    }

    private final Encoding enc;
    private final Circuit c;
    private final ValueMap[] domains;
    private final int within;

    /** @param within a literal every enumerated execution satisfies (an extra assumption) */
    StateEnumerator(Encoding enc, ValueMap[] domains, int within) {
        this.enc = enc;
        this.c = enc.circuit;
        this.domains = domains;
        this.within = within;
    }

    void run(Sink sink) throws CheckTimeoutException {
        if (within != Circuit.FALSE && enc.solve(within)) descend(0, read(), sink);
    }

    private int[] read() {
        int[] s = new int[domains.length];
        for (int k = 0; k < domains.length; k++) {
            ValueMap d = domains[k];
            int i = 0;
            while (i < d.size() && !c.value(d.lits[i])) i++;
            if (i == d.size()) throw new IllegalStateException("the final value of observed key " + k + " has no literal in the model");
            s[k] = i;
        }
        return s;
    }

    /**
     * Reports the model's state, then every other state that shares its values for keys before
     * {@code depth}: those differ from the model first at some key k >= depth. For each k the
     * values already seen there are excluded by assumption, so each query either finds a new
     * value of k (and its subtree is explored) or proves there is none; values in the static
     * domain that no execution produces cost nothing.
     */
    private void descend(int depth, int[] model, Sink sink) throws CheckTimeoutException {
        sink.accept(model);
        for (int k = depth; k < domains.length; k++) {
            ValueMap d = domains[k];
            int[] assume = new int[k + d.size() + 1];
            for (int j = 0; j < k; j++) assume[j] = domains[j].lits[model[j]];
            assume[k] = within;
            int n = k + 1;
            assume[n++] = -d.lits[model[k]];
            while (n < assume.length && enc.solve(Arrays.copyOf(assume, n))) {
                int[] next = read();
                assume[n++] = -d.lits[next[k]];
                descend(k + 1, next, sink);
            }
        }
    }
}
