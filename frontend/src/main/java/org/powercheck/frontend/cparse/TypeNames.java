package org.powercheck.frontend.cparse;

import java.util.HashSet;
import java.util.Set;

/**
 * The identifiers that name types, which C's grammar needs to tell {@code T * x;} (a declaration)
 * from {@code a * b;} (an expression). Starts with the kernel's common typedefs; the parser adds
 * every typedef it reads.
 */
public final class TypeNames {
    private static final Set<String> KERNEL = Set.of(
            "bool", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64",
            "__u8", "__u16", "__u32", "__u64", "__s8", "__s16", "__s32", "__s64",
            "int8_t", "int16_t", "int32_t", "int64_t", "uint8_t", "uint16_t", "uint32_t", "uint64_t",
            "intptr_t", "uintptr_t", "size_t", "ssize_t", "ptrdiff_t", "loff_t", "pid_t", "gfp_t",
            "spinlock_t", "raw_spinlock_t", "arch_spinlock_t", "rwlock_t", "atomic_t", "atomic64_t",
            "atomic_long_t", "refcount_t", "cpumask_t", "irqreturn_t", "phys_addr_t", "dma_addr_t",
            "__be16", "__be32", "__be64", "__le16", "__le32", "__le64", "va_list", "__builtin_va_list");

    private final Set<String> names = new HashSet<>(KERNEL);

    /** A set that starts with these names and grows on its own. */
    public TypeNames copy() {
        TypeNames t = new TypeNames();
        t.names.addAll(names);
        return t;
    }

    public boolean contains(String name) {
        return names.contains(name);
    }

    public void add(String name) {
        names.add(name);
    }
}
