package org.powercheck.model.mapping;

import java.util.List;
import org.powercheck.ir.FenceKind;
import org.powercheck.ir.Instr;
import org.powercheck.ir.SourcePos;

/** Barrier macros (asm/barrier.h, asm/synch.h) and the entry/exit barriers of atomics. */
final class Barriers {
    private final AcquireEncoding acquire;

    Barriers(AcquireEncoding acquire) {
        this.acquire = acquire;
    }

    void register(Registry r) {
        for (String n : List.of("smp_mb", "mb", "__smp_mb", "rmb", "wmb", "virt_mb",
                "smp_mb__before_atomic", "smp_mb__after_atomic", "smp_mb__after_spinlock",
                "__smp_mb__before_atomic", "__smp_mb__after_atomic",
                // powerpc selects ARCH_WEAK_RELEASE_ACQUIRE, so this is smp_mb()
                "smp_mb__after_unlock_lock")) {
            fenceOnly(r, n, FenceKind.SYNC);
        }
        for (String n : List.of("smp_rmb", "smp_wmb", "__smp_rmb", "__smp_wmb", "__smp_lwsync", "dma_rmb", "dma_wmb",
                "virt_rmb", "virt_wmb", "smp_acquire__after_ctrl_dep")) {
            fenceOnly(r, n, FenceKind.LWSYNC);
        }
        fenceOnly(r, "isync", FenceKind.ISYNC);
        fenceOnly(r, "eieio", FenceKind.EIEIO);
        // compiler-only barriers: no instruction on POWER
        r.add("barrier", List.of(), false, (c, out) -> null);
    }

    private static void fenceOnly(Registry r, String name, FenceKind kind) {
        r.add(name, List.of(), false, (c, out) -> {
            fence(out, kind, c.pos());
            return null;
        });
    }

    static void fence(CodeSink out, FenceKind kind, SourcePos pos) {
        out.emit(new Instr.Fence(kind, pos));
    }

    /** {@code PPC_ATOMIC_ENTRY_BARRIER} / {@code PPC_RELEASE_BARRIER}, as the ordering asks. */
    void entry(Ordering o, CodeSink out, SourcePos pos) {
        switch (o) {
            case FULL -> fence(out, FenceKind.SYNC, pos);
            case RELEASE -> fence(out, FenceKind.LWSYNC, pos);
            case RELAXED, ACQUIRE -> { }
        }
    }

    /** {@code PPC_ATOMIC_EXIT_BARRIER} / {@code PPC_ACQUIRE_BARRIER}, as the ordering asks. */
    void exit(Ordering o, CodeSink out, SourcePos pos) {
        switch (o) {
            case FULL -> fence(out, FenceKind.SYNC, pos);
            case ACQUIRE -> acquireBarrier(out, pos);
            case RELAXED, RELEASE -> { }
        }
    }

    /** {@code PPC_ACQUIRE_BARRIER}: it follows the loop's final branch, so isync makes ctrl+isync. */
    void acquireBarrier(CodeSink out, SourcePos pos) {
        fence(out, acquire == AcquireEncoding.LWSYNC ? FenceKind.LWSYNC : FenceKind.ISYNC, pos);
    }
}
