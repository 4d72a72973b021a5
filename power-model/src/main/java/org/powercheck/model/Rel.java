package org.powercheck.model;

import java.util.List;

/**
 * A relation over the events of a candidate execution, written in cat's algebra. A model is a
 * tree of these; each engine interprets it (concrete bit matrices in the explicit engine,
 * matrices of boolean formulas in the SAT engine), so the model text is shared while its
 * evaluation is not.
 */
public sealed interface Rel {
    /** The relations a candidate provides: static ones from the program, rf and co chosen per candidate. */
    enum Base implements Rel {
        /** program order */
        PO,
        /** same location (memory events) */
        LOC,
        /** same thread */
        INT,
        /** different threads; an initial write belongs to no thread */
        EXT,
        /** identity */
        ID,
        /** address dependency */
        ADDR,
        /** data dependency */
        DATA,
        /** control dependency: read to every event po-after a branch that depends on it */
        CTRL,
        /** load-reserve to its paired successful store-conditional */
        RMW,
        /**
         * same instruction instance (herd7's {@code si}, reflexive): the events one access is split
         * into when it covers several locations ({@code -variant mixed}); else the identity
         */
        SI,
        /** reads-from */
        RF,
        /** coherence order */
        CO
    }

    record Empty() implements Rel { }

    /** {@code [S]}: the identity on a set. */
    record Identity(EventSet set) implements Rel { }

    /** {@code S1 * S2} */
    record Cross(EventSet left, EventSet right) implements Rel { }

    record Union(Rel left, Rel right) implements Rel { }

    record Inter(Rel left, Rel right) implements Rel { }

    record Diff(Rel left, Rel right) implements Rel { }

    /** {@code left ; right} */
    record Seq(Rel left, Rel right) implements Rel { }

    /** {@code r^-1} */
    record Inverse(Rel rel) implements Rel { }

    /** {@code r+} */
    record Plus(Rel rel) implements Rel { }

    /** {@code r*} */
    record Star(Rel rel) implements Rel { }

    /** {@code r?} */
    record Opt(Rel rel) implements Rel { }

    /** A relation of a simultaneous least fixpoint, inside that fixpoint's bodies. */
    record Var(String name) implements Rel { }

    /**
     * {@code let rec n1 = b1 and n2 = b2 ...}: the least solution of the equations, of which this
     * node denotes component {@code index}, as herd computes it: by iteration from the empty
     * relations. Bodies are monotone in the variables, or the system is inflationary (see the
     * cat reader's Monotone.inflationary), so that the iteration ends.
     */
    record Fix(List<String> names, List<Rel> bodies, int index) implements Rel {
        public Fix {
            names = List.copyOf(names);
            bodies = List.copyOf(bodies);
        }

        public Fix component(int i) {
            return new Fix(names, bodies, i);
        }

        @Override public String toString() { return names.get(index); }
    }

    default Rel or(Rel other) { return new Union(this, other); }

    default Rel and(Rel other) { return new Inter(this, other); }

    default Rel minus(Rel other) { return new Diff(this, other); }

    default Rel seq(Rel other) { return new Seq(this, other); }

    default Rel inverse() { return new Inverse(this); }

    default Rel plus() { return new Plus(this); }

    default Rel star() { return new Star(this); }

    default Rel opt() { return new Opt(this); }

    /** {@code r & (S1 * S2)} */
    default Rel restrict(EventSet from, EventSet to) { return new Inter(this, new Cross(from, to)); }

    static Rel id(EventSet set) { return new Identity(set); }

    static Rel cross(EventSet a, EventSet b) { return new Cross(a, b); }

    static Rel union(Rel... rels) {
        Rel out = rels[0];
        for (int i = 1; i < rels.length; i++) out = out.or(rels[i]);
        return out;
    }
}
