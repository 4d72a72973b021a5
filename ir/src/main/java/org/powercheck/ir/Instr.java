package org.powercheck.ir;

/**
 * One instruction of a thread. Every front end (PPC litmus, C litmus, kernel C) lowers to these;
 * both engines interpret exactly these, so a new kind fails to compile wherever it is not handled.
 *
 * <p>Semantics shared by all engines:
 * <ul>
 *   <li>registers and memory cells hold 64-bit values; an uninitialised register is 0;</li>
 *   <li>a {@link Load} produces one read event; its register takes the loaded value, extended
 *       from {@code width}, and depends on that read;</li>
 *   <li>a {@link Store} produces one write event of {@code width.truncate(value)};</li>
 *   <li>an access narrower than its cell, or into a cell that other accesses split, touches
 *       the bytes {@code offset..offset+width-1} of the cell (little-endian) and is one event
 *       per {@link Locations location} it covers, all of one instruction ({@code si});</li>
 *   <li>a {@link StoreConditional} succeeds or fails nondeterministically; success needs the
 *       thread's reservation (set by the latest {@code reserve} load, same address, not yet
 *       consumed); any store-conditional clears the reservation. Success writes and sets
 *       {@code status} to 0 (CR0.EQ), failure writes nothing and sets it to 1. The status
 *       depends on the registers of value and address, not on the paired load (herd7);</li>
 *   <li>{@link Assign} computes a register; it depends on the registers its expression reads;</li>
 *   <li>{@link Branch} jumps to {@code target} when {@code cond} is non-zero; it creates the
 *       control dependencies of everything after it on the reads {@code cond} depends on;</li>
 *   <li>{@link Fence} is an event of its kind (isync counts only through ctrl+isync);</li>
 *   <li>{@link Marker} is a fence event of no POWER kind, known only by its LKMM tag
 *       ({@code mb}, {@code rcu-lock}, ...); loads and stores carry LKMM tags too
 *       ({@code once}, {@code acquire}, ...), which a cat model's bell sets select
 *       ({@link #tags()}); POWER code has none;</li>
 *   <li>{@link Assume} cuts off executions where {@code cond} is zero (used by harness filters);</li>
 *   <li>{@link Havoc} sets its register to any one of its choices, nondeterministically, with no
 *       event and no dependency (the result of a function the checker does not look into).</li>
 * </ul>
 */
public sealed interface Instr {
    SourcePos pos();

    /** The LKMM annotations of this instruction's events; none for POWER code. */
    default java.util.Set<String> tags() {
        return java.util.Set.of();
    }

    record Load(Reg dst, Expr address, Width width, boolean signed, boolean reserve, SourcePos pos,
                java.util.Set<String> tags) implements Instr {
        public Load {
            tags = java.util.Set.copyOf(tags);
        }

        public Load(Reg dst, Expr address, Width width, boolean signed, boolean reserve, SourcePos pos) {
            this(dst, address, width, signed, reserve, pos, java.util.Set.of());
        }

        @Override public String toString() {
            return dst + " = load" + (reserve ? "-reserve" : "") + "." + width.bits + tagText(tags) + " [" + address + "]";
        }
    }

    record Store(Expr value, Expr address, Width width, SourcePos pos, java.util.Set<String> tags) implements Instr {
        public Store {
            tags = java.util.Set.copyOf(tags);
        }

        public Store(Expr value, Expr address, Width width, SourcePos pos) {
            this(value, address, width, pos, java.util.Set.of());
        }

        @Override public String toString() {
            return "store." + width.bits + tagText(tags) + " [" + address + "] = " + value;
        }
    }

    /**
     * A fence event with no POWER kind: an LKMM fence ({@code mb}, {@code rcu-lock}, ...). An
     * {@code address} (with its {@code width}) gives the event a location without making it a
     * read or a write: herd's {@code sync-srcu} event is at its {@code srcu_struct}, so that
     * {@code loc} matches a grace period to the read-side sections of its own domain. A
     * {@code data} expression makes the event depend on the registers it reads (an SRCU unlock
     * on POWER depends on the index its lock returned) without storing anything.
     */
    record Marker(String tag, Expr address, Width width, Expr data, SourcePos pos) implements Instr {
        public Marker {
            if ((address == null) != (width == null)) throw new IllegalArgumentException("address and width go together");
        }

        public Marker(String tag, SourcePos pos) {
            this(tag, null, null, null, pos);
        }

        /** A fence event at a location. */
        public Marker(String tag, Expr address, Width width, SourcePos pos) {
            this(tag, address, width, null, pos);
        }

        public boolean located() {
            return address != null;
        }

        @Override public java.util.Set<String> tags() {
            return java.util.Set.of(tag);
        }

        @Override public String toString() {
            return "F[" + tag + "]" + (address == null ? "" : " [" + address + "]") + (data == null ? "" : " (" + data + ")");
        }
    }

    /** {@code {once,acquire}}, sorted, or nothing. */
    private static String tagText(java.util.Set<String> tags) {
        return tags.isEmpty() ? "" : "{" + String.join(",", new java.util.TreeSet<>(tags)) + "}";
    }

    /** The write of a read-modify-write; under the LKMM it carries the bell's tags as a store does. */
    record StoreConditional(Expr value, Expr address, Width width, Reg status, SourcePos pos,
                            java.util.Set<String> tags) implements Instr {
        public StoreConditional {
            tags = java.util.Set.copyOf(tags);
        }

        public StoreConditional(Expr value, Expr address, Width width, Reg status, SourcePos pos) {
            this(value, address, width, status, pos, java.util.Set.of());
        }

        @Override public String toString() {
            return status + " = store-conditional." + width.bits + tagText(tags) + " [" + address + "] = " + value;
        }
    }

    record Fence(FenceKind kind, SourcePos pos) implements Instr {
        @Override public String toString() { return kind.mnemonic(); }
    }

    record Assign(Reg dst, Expr value, SourcePos pos) implements Instr {
        @Override public String toString() { return dst + " = " + value; }
    }

    record Label(String name, SourcePos pos) implements Instr {
        @Override public String toString() { return name + ":"; }
    }

    /**
     * A jump. On POWER a conditional branch controls everything after it. {@code scopeEnd},
     * when set, is the label where the statement it decides ends (the LKMM's C semantics, as
     * herd7's: an {@code if} controls only its own branches); reaching it drops the control
     * dependency this branch added.
     */
    record Branch(Expr cond, String target, SourcePos pos, String scopeEnd) implements Instr {
        public Branch(Expr cond, String target, SourcePos pos) {
            this(cond, target, pos, null);
        }

        /** An unconditional jump. */
        public static Branch always(String target, SourcePos pos) {
            return new Branch(new Expr.Const(1), target, pos);
        }

        public boolean unconditional() {
            return cond instanceof Expr.Const c && c.value() != 0;
        }

        @Override public String toString() {
            return unconditional() ? "goto " + target : "if " + cond + " goto " + target;
        }
    }

    record Assume(Expr cond, SourcePos pos) implements Instr {
        @Override public String toString() { return "assume " + cond; }
    }

    /** {@code dst} = one of {@code choices} (constants or cell addresses), chosen freely. */
    record Havoc(Reg dst, java.util.List<Expr> choices, SourcePos pos) implements Instr {
        public Havoc {
            choices = java.util.List.copyOf(choices);
            if (choices.isEmpty()) throw new IllegalArgumentException("havoc needs at least one choice");
            for (Expr e : choices) {
                if (!(e instanceof Expr.Const || e instanceof Expr.Addr)) {
                    throw new IllegalArgumentException("havoc choices are constants or addresses: " + e);
                }
            }
        }

        @Override public String toString() {
            return dst + " = havoc {" + String.join(", ", choices.stream().map(Object::toString).toList()) + "}";
        }
    }
}
