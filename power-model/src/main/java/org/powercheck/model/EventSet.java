package org.powercheck.model;

import org.powercheck.ir.FenceKind;

/** A set of events, as cat writes {@code R}, {@code W}, {@code IW}, {@code R & X}, ... */
public sealed interface EventSet {
    /** The sets every candidate execution provides (herd's primitive event sets). */
    enum Base implements EventSet {
        /** every event ({@code _}) */
        ALL,
        /** reads */
        R,
        /** writes, the initial writes included */
        W,
        /** the initial write of each location */
        IW,
        /** the co-last write of each location */
        FW,
        /** exclusive accesses: load-reserve reads and successful store-conditional writes */
        X,
        /** fences of any kind */
        F
    }

    /** Fence events of one kind (ppc.cat's {@code SYNC}, {@code LWSYNC}, {@code ISYNC}, {@code EIEIO}). */
    record Fences(FenceKind kind) implements EventSet { }

    /**
     * The events carrying an annotation of the LKMM's bell file ({@code 'once}, {@code 'mb},
     * {@code 'rcu-lock}, ...), which cat names by the capitalised tag ({@code Once}, {@code Mb}).
     * POWER instructions carry none, so on a PPC program the set is empty, as in herd7.
     */
    record Tagged(String tag) implements EventSet { }

    record Union(EventSet left, EventSet right) implements EventSet { }

    record Inter(EventSet left, EventSet right) implements EventSet { }

    record Diff(EventSet left, EventSet right) implements EventSet { }

    default EventSet or(EventSet other) {
        return new Union(this, other);
    }

    default EventSet and(EventSet other) {
        return new Inter(this, other);
    }

    default EventSet minus(EventSet other) {
        return new Diff(this, other);
    }
}
