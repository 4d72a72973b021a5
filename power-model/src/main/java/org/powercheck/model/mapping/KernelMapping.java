package org.powercheck.model.mapping;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Linux kernel primitives and the POWER instruction sequences they compile to on ppc64 (Linux
 * v6.6, Book3S-64, POWER9, SMP). Front ends look a call up by name, lower its arguments as the
 * {@link Primitive#params()} say, and let the primitive emit its sequence.
 */
public final class KernelMapping {
    /**
     * Kernel constructs that exist but have no instruction sequence here: RCU callbacks, polled
     * grace periods and the other flavours' calls (synchronize_rcu() and SRCU are in PowerRcu).
     * Interrupt masking and the _irq/_irqsave/_bh lock forms are defined by the prelude every C
     * test is read with, so no test reaches them here; they are listed for a kernel tree, which is
     * read without that prelude and whose own macros for them are not read.
     */
    private static final Set<String> UNMODELLED = Set.of(
            "synchronize_sched", "synchronize_rcu_bh",
            "synchronize_net", "call_rcu", "call_rcu_hurry", "kfree_rcu", "rcu_barrier",
            "cond_synchronize_rcu", "get_state_synchronize_rcu", "start_poll_synchronize_rcu",
            "spin_unlock_wait",
            "spin_lock_irqsave", "spin_unlock_irqrestore", "spin_lock_irq", "spin_unlock_irq",
            "spin_lock_bh", "spin_unlock_bh", "local_irq_save", "local_irq_restore",
            "local_irq_disable", "local_irq_enable");
    private static final List<String> UNMODELLED_PREFIXES = List.of("srcu_", "synchronize_", "call_srcu",
            "smp_mb__after_srcu", "membarrier");

    private final AcquireEncoding acquire;
    /** Filled by the constructor, read-only afterwards. */
    private final Registry registry = new Registry();
    /** For the LKMM: the POWER mapping, whose primitives the LKMM one does not have yet are unsupported. */
    private final KernelMapping power;

    private KernelMapping(KernelMapping power) {
        this.acquire = power.acquire;
        this.power = power;
        LkmmPrimitives.register(registry);
        LkmmAtomics.register(registry);
        LkmmLocks.register(registry);
        LkmmRcu.register(registry);
    }

    public KernelMapping(AcquireEncoding acquire) {
        this.acquire = acquire;
        this.power = null;
        Barriers barriers = new Barriers(acquire);
        barriers.register(registry);
        PlainAccesses.register(registry);
        new AtomicPrimitives(barriers).register(registry);
        new SpinLocks(barriers).register(registry);
        new BitOps(barriers).register(registry);
        PowerRcu.register(registry);
    }

    private static final KernelMapping POWER9 = new KernelMapping(AcquireEncoding.LWSYNC);

    /** What a POWER9 kernel runs: {@code PPC_ACQUIRE_BARRIER} patched to {@code lwsync}. Shared: immutable. */
    public static KernelMapping power9() {
        return POWER9;
    }

    private static final KernelMapping LKMM = new KernelMapping(POWER9);

    /** The primitives as events of the Linux-kernel memory model, with the bell's annotations. Shared: immutable. */
    public static KernelMapping lkmm() {
        return LKMM;
    }

    public boolean isLkmm() {
        return power != null;
    }

    public AcquireEncoding acquire() {
        return acquire;
    }

    public Optional<Primitive> primitive(String name) {
        return registry.get(name);
    }

    /**
     * True for a name of the kernel's primitive API ({@code atomic_*}, {@code *xchg*}, bit
     * operations, barriers, per-CPU and interrupt-flag operations, ...), whether or not this
     * mapping has a sequence for it: a call of one without a sequence is reported, never havoc'd.
     */
    public boolean isPrimitiveName(String name) {
        return PrimitiveNames.isPrimitive(name);
    }

    /**
     * Every name this mapping gives a meaning to or reports as unmodelled (not those matched only
     * by a prefix): what a kernel tree's headers must not define in its place.
     */
    public Set<String> knownNames() {
        Set<String> names = new java.util.TreeSet<>(registry.names());
        if (power != null) names.addAll(power.registry.names());
        names.addAll(UNMODELLED);
        return names;
    }

    /** True for a kernel construct that is valid but has no modelled sequence (report it as unsupported). */
    public boolean isUnmodelled(String name) {
        if (registry.get(name).isPresent()) return false;
        if (power != null && registry.get(name).isEmpty() && power.primitive(name).isPresent()) return true;
        return UNMODELLED.contains(name) || UNMODELLED_PREFIXES.stream().anyMatch(name::startsWith);
    }
}
