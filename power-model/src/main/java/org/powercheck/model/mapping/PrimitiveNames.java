package org.powercheck.model.mapping;

import java.util.regex.Pattern;

/**
 * The names of the kernel's primitive API (Linux v6.1-v6.6: the atomic_t families with their
 * {@code arch_} and {@code raw_} spellings, xchg/cmpxchg, bit operations, barriers, per-CPU
 * operations, interrupt flags, spin locks, ONCE accesses and RCU accessors). A call of such a
 * name that the mapping has no sequence for must not be taken as an unknown function and
 * havoc'd: its memory accesses and barriers would silently be gone. It is reported instead.
 */
final class PrimitiveNames {
    private PrimitiveNames() {}

    private static final String ATOMIC_OPS = "(read|set|add|sub|inc|dec|and|or|xor|andnot|fetch_\\w+|\\w+_return\\w*"
            + "|xchg\\w*|cmpxchg\\w*|try_cmpxchg\\w*|\\w+_and_test|add_negative\\w*|\\w+_unless\\w*|inc_not_zero"
            + "|dec_if_positive|cond_read_\\w+|read_acquire|set_release)";

    private static final Pattern NAMES = Pattern.compile(String.join("|",
            "(raw_|arch_)?atomic(64|_long)?_" + ATOMIC_OPS,
            "(raw_|arch_|sync_)?(try_)?(cmp)?xchg(64|128)?(_\\w+)?",
            "(arch_|generic_)?_*(test_and_)?(set|clear|change)_bit(s)?(_\\w+)?",
            "(arch_|generic_)?_*test_bit(_\\w+)?",
            "_*(smp_|virt_|dma_)?[rw]?mb(__\\w+)?",
            "_*(smp|virt)_(mb__\\w+|store_mb|load_acquire|store_release|cond_load_\\w+|acquire__after_ctrl_dep|lwsync)",
            "(__)?(this_cpu|raw_cpu)_(read|write|add|sub|inc|dec|and|or|xchg|cmpxchg|try_cmpxchg)\\w*",
            "(raw_|arch_)?local_irq_\\w+", "(raw_|arch_)?local_save_flags", "(arch_)?irqs_disabled\\w*",
            "_*hard_irq_(disable|enable)", "irq_soft_mask_\\w+",
            "(_raw_|__raw_|do_raw_|raw_|arch_|queued_)?spin_(lock|unlock|trylock|is_locked|is_contended)\\w*",
            "_*(READ|WRITE)_ONCE\\w*",
            "rcu_(dereference|assign_pointer|access_pointer|replace_pointer)\\w*"));

    static boolean isPrimitive(String name) {
        return NAMES.matcher(name).matches();
    }
}
