package org.powercheck.model.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Reg;
import org.powercheck.ir.SourcePos;
import org.powercheck.ir.Width;

/** Each primitive family emits exactly the POWER sequence of the kernel mapping. */
class KernelMappingTest {
    private static final SourcePos POS = new SourcePos("t.c", 1, 1);
    private static final Expr X = new Expr.Addr("x");
    private static final Reg R1 = new Reg("r1");

    private final KernelMapping power9 = KernelMapping.power9();

    /** Emits {@code name(args)} with result register r1 (when it has one); returns the finished code. */
    private List<String> emit(KernelMapping mapping, String name, Expr... args) {
        Primitive p = mapping.primitive(name).orElseThrow(() -> new AssertionError("unknown " + name));
        InstrBuffer out = new InstrBuffer();
        Expr result = p.emit(new Invocation(name, Arrays.asList(args), p.hasResult() ? Optional.of(R1) : Optional.empty(),
                Width.DOUBLE, POS), out);
        if (p.hasResult()) {
            assertEquals(new Expr.RegRef(R1), result, name + " leaves its result in the caller's register");
        } else {
            assertNull(result);
        }
        return out.finish(POS).stream().map(Instr::toString).toList();
    }

    private List<String> emit(String name, Expr... args) {
        return emit(power9, name, args);
    }

    private static Expr c(long v) {
        return new Expr.Const(v);
    }

    /** The closing dead end every sequence with an ll/sc loop or a spin gets. */
    private static final List<String> DEAD_END = List.of("goto %end", "%retry:", "assume 0", "%end:");

    private static List<String> withDeadEnd(String... code) {
        return concat(List.of(code), DEAD_END);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    @Test
    void fullBarriersAreSync() {
        for (String n : List.of("smp_mb", "mb", "rmb", "wmb", "smp_mb__before_atomic", "smp_mb__after_atomic",
                "smp_mb__after_spinlock", "smp_mb__after_unlock_lock")) {
            assertEquals(List.of("sync"), emit(n), n);
        }
    }

    @Test
    void smpReadAndWriteBarriersAreLwsync() {
        for (String n : List.of("smp_rmb", "smp_wmb", "dma_rmb", "dma_wmb", "smp_acquire__after_ctrl_dep")) {
            assertEquals(List.of("lwsync"), emit(n), n);
        }
    }

    @Test
    void compilerBarriersEmitNothing() {
        assertEquals(List.of(), emit("barrier"));
    }

    @Test
    void rcuReadSideSectionsAreNoInstructionOnlyTheirEvents() {
        for (String flavour : List.of("", "_bh", "_sched")) {
            assertEquals(List.of("F[rcu-lock]"), emit("rcu_read_lock" + flavour), flavour);
            assertEquals(List.of("F[rcu-unlock]"), emit("rcu_read_unlock" + flavour), flavour);
        }
        assertEquals(List.of("sync", "F[sync-rcu]", "sync"), emit("synchronize_rcu"));
        assertEquals(List.of(), emit("smp_mb__after_srcu_read_unlock"));
    }

    @Test
    void onceAccessesArePlainLoadsAndStores() {
        assertEquals(List.of("r1 = load.64 [&x]"), emit("READ_ONCE", X));
        assertEquals(List.of("store.64 [&x] = 5"), emit("WRITE_ONCE", X, c(5)));
        assertEquals(List.of("r1 = load.64 [&x]"), emit("atomic_read", X));
        assertEquals(List.of("store.64 [&x] = 5"), emit("atomic_set", X, c(5)));
    }

    @Test
    void releaseIsLwsyncThenStoreAndAcquireIsLoadThenLwsync() {
        assertEquals(List.of("lwsync", "store.64 [&x] = 1"), emit("smp_store_release", X, c(1)));
        assertEquals(List.of("r1 = load.64 [&x]", "lwsync"), emit("smp_load_acquire", X));
    }

    @Test
    void loadAcquireKeepsLwsyncUnderTheIsyncEncoding() {
        KernelMapping source = new KernelMapping(AcquireEncoding.CTRL_ISYNC);
        assertEquals(List.of("r1 = load.64 [&x]", "lwsync"), emit(source, "smp_load_acquire", X));
    }

    @Test
    void rcuDereferenceIsAPlainLoadAndAssignPointerIsARelease() {
        assertEquals(List.of("r1 = load.64 [&x]"), emit("rcu_dereference", X));
        assertEquals(List.of("lwsync", "store.64 [&x] = &y"), emit("rcu_assign_pointer", X, new Expr.Addr("y")));
    }

    @Test
    void assigningNullNeedsNoBarrier() {
        assertEquals(List.of("store.64 [&x] = 0"), emit("rcu_assign_pointer", X, c(0)));
    }

    @Test
    void xchgVariantsPlaceTheirBarriersAroundOneLlScPair() {
        List<String> loop = List.of(
                "r1 = load-reserve.64 [&x]",
                "%t1 = store-conditional.64 [&x] = 7",
                "if %t1 goto %retry");
        assertEquals(concat(loop, DEAD_END), emit("xchg_relaxed", X, c(7)));
        assertEquals(concat(loop, DEAD_END), emit("xchg_local", X, c(7)));
        assertEquals(concat(concat(List.of("sync"), concat(loop, List.of("sync"))), DEAD_END), emit("xchg", X, c(7)));
        assertEquals(concat(concat(loop, List.of("lwsync")), DEAD_END), emit("xchg_acquire", X, c(7)));
        assertEquals(concat(concat(List.of("lwsync"), loop), DEAD_END), emit("xchg_release", X, c(7)));
        assertEquals(concat(concat(List.of("sync"), concat(loop, List.of("sync"))), DEAD_END),
                emit("atomic_xchg", X, c(7)));
    }

    @Test
    void isyncEncodingPutsIsyncAfterTheLoopBranch() {
        KernelMapping source = new KernelMapping(AcquireEncoding.CTRL_ISYNC);
        assertEquals(withDeadEnd(
                "r1 = load-reserve.64 [&x]",
                "%t1 = store-conditional.64 [&x] = 7",
                "if %t1 goto %retry",
                "isync"), emit(source, "xchg_acquire", X, c(7)));
    }

    @Test
    void cmpxchgFailureSkipsTheStoreAndTheExitBarrier() {
        assertEquals(withDeadEnd(
                "sync",
                "r1 = load-reserve.64 [&x]",
                "if (r1 != 1) goto %L1",
                "%t1 = store-conditional.64 [&x] = 2",
                "if %t1 goto %retry",
                "sync",
                "%L1:"), emit("cmpxchg", X, c(1), c(2)));
        assertEquals(withDeadEnd(
                "r1 = load-reserve.64 [&x]",
                "if (r1 != 1) goto %L1",
                "%t1 = store-conditional.64 [&x] = 2",
                "if %t1 goto %retry",
                "lwsync",
                "%L1:"), emit("cmpxchg_acquire", X, c(1), c(2)));
        assertEquals(withDeadEnd(
                "lwsync",
                "r1 = load-reserve.64 [&x]",
                "if (r1 != 1) goto %L1",
                "%t1 = store-conditional.64 [&x] = 2",
                "if %t1 goto %retry",
                "%L1:"), emit("cmpxchg_release", X, c(1), c(2)));
        assertEquals(withDeadEnd(
                "r1 = load-reserve.64 [&x]",
                "if (r1 != 1) goto %L1",
                "%t1 = store-conditional.64 [&x] = 2",
                "if %t1 goto %retry",
                "%L1:"), emit("cmpxchg_relaxed", X, c(1), c(2)));
    }

    /**
     * The write-back of the fallback (include/linux/atomic/atomic-arch-fallback.h, v6.6:
     * {@code if (unlikely(___r != ___o)) *___op = ___r;}) is a branch: only the failure path
     * assigns the loaded value to {@code old}.
     */
    @Test
    void tryCmpxchgReportsSuccessAndUpdatesTheExpectedValue() {
        Expr old = new Expr.RegRef(new Reg("old"));
        assertEquals(withDeadEnd(
                "sync",
                "%t1 = load-reserve.64 [&x]",
                "if (%t1 != old) goto %L1",
                "%t2 = store-conditional.64 [&x] = 2",
                "if %t2 goto %retry",
                "sync",
                "%L1:",
                "r1 = (%t1 == old)",
                "if r1 goto %L2",
                "old = %t1",
                "%L2:"), emit("try_cmpxchg", X, old, c(2)));
    }

    @Test
    void voidAtomicsHaveNoBarriers() {
        assertEquals(withDeadEnd(
                "%t1 = load-reserve.64 [&x]",
                "%t2 = (%t1 + 1)",
                "%t3 = store-conditional.64 [&x] = %t2",
                "if %t3 goto %retry"), emit("atomic_inc", X));
        assertEquals(withDeadEnd(
                "%t1 = load-reserve.64 [&x]",
                "%t2 = (%t1 & not(3))",
                "%t3 = store-conditional.64 [&x] = %t2",
                "if %t3 goto %retry"), emit("atomic_andnot", c(3), X));
    }

    @Test
    void valueReturningAtomicsFollowTheirOrdering() {
        assertEquals(withDeadEnd(
                "sync",
                "%t1 = load-reserve.64 [&x]",
                "r1 = (%t1 + 2)",
                "%t2 = store-conditional.64 [&x] = r1",
                "if %t2 goto %retry",
                "sync"), emit("atomic_add_return", c(2), X));
        assertEquals(withDeadEnd(
                "r1 = load-reserve.64 [&x]",
                "%t1 = (r1 + 2)",
                "%t2 = store-conditional.64 [&x] = %t1",
                "if %t2 goto %retry",
                "lwsync"), emit("atomic_fetch_add_acquire", c(2), X));
        assertEquals(withDeadEnd(
                "lwsync",
                "r1 = load-reserve.64 [&x]",
                "%t1 = (r1 | 4)",
                "%t2 = store-conditional.64 [&x] = %t1",
                "if %t2 goto %retry"), emit("atomic_fetch_or_release", c(4), X));
        assertEquals(withDeadEnd(
                "%t1 = load-reserve.64 [&x]",
                "r1 = (%t1 - 1)",
                "%t2 = store-conditional.64 [&x] = r1",
                "if %t2 goto %retry"), emit("atomic64_dec_return_relaxed", X));
    }

    @Test
    void andTestFormsAreFullyOrderedAndCompareTheNewValue() {
        assertEquals(withDeadEnd(
                "sync",
                "%t1 = load-reserve.64 [&x]",
                "%t2 = (%t1 - 1)",
                "%t3 = store-conditional.64 [&x] = %t2",
                "if %t3 goto %retry",
                "sync",
                "r1 = (%t2 == 0)"), emit("atomic_dec_and_test", X));
    }

    @Test
    void addUnlessSkipsStoreAndExitSyncWhenTheValueIsTheLimit() {
        assertEquals(withDeadEnd(
                "sync",
                "%t1 = load-reserve.64 [&x]",
                "if (%t1 == 10) goto %L1",
                "%t2 = (%t1 + 5)",
                "%t3 = store-conditional.64 [&x] = %t2",
                "if %t3 goto %retry",
                "sync",
                "%L1:",
                "r1 = (%t1 != 10)"), emit("atomic_add_unless", X, c(5), c(10)));
    }

    /** {@code name(lock)} on the 32-bit lock word, run by CPU {@code cpu}. */
    private List<String> emitLock(String name, int cpu) {
        Primitive p = power9.primitive(name).orElseThrow();
        InstrBuffer out = new InstrBuffer();
        p.emit(new Invocation(name, List.of(X), p.hasResult() ? Optional.of(R1) : Optional.empty(), Width.WORD, POS, cpu), out);
        return out.finish(POS).stream().map(Instr::toString).toList();
    }

    /**
     * v6.6 arch/powerpc/include/asm/qspinlock.h, __queued_spin_trylock_steal: {@code lwarx
     * prev; andc. tmp,prev,_Q_TAIL_CPU_MASK; bne- 2f; and tmp,prev,_Q_TAIL_CPU_MASK; or
     * tmp,tmp,new; stwcx. tmp; bne- 1b; PPC_ACQUIRE_BARRIER} (lwsync on POWER9), with
     * {@code new = _Q_LOCKED_VAL | (smp_processor_id() << _Q_OWNER_CPU_OFFSET)}; qspinlock_types.h:
     * locked bit 0, owner CPU bits 1-14, tail mask 0xfffe0000. CPU 2 stores 1 | 2 << 1 = 5. The
     * unlock is {@code smp_store_release(&lock->locked, 0)}: lwsync, then the store clearing the
     * locked half (here the word, see SpinLocks).
     */
    @Test
    void spinLockTakesAFreeLockThenAcquires() {
        assertEquals(withDeadEnd(
                "%t1 = load-reserve.32 [&x]",
                "%t2 = (%t1 & 131071)",
                "if %t2 goto %retry",
                "%t3 = ((%t1 & 4294836224) | 5)",
                "%t4 = store-conditional.32 [&x] = %t3",
                "if %t4 goto %retry",
                "lwsync"), emitLock("spin_lock", 2));
        assertEquals(List.of("lwsync", "store.32 [&x] = 0"), emitLock("spin_unlock", 2));
    }

    /** qspinlock.h: queued_spin_trylock returns {@code !(prev & ~_Q_TAIL_CPU_MASK)}; is_locked {@code READ_ONCE(lock->val)}. */
    @Test
    void spinTrylockFailsOnlyWhenTheLockIsTaken() {
        assertEquals(withDeadEnd(
                "%t1 = load-reserve.32 [&x]",
                "%t2 = (%t1 & 131071)",
                "if %t2 goto %L1",
                "%t3 = ((%t1 & 4294836224) | 1)",
                "%t4 = store-conditional.32 [&x] = %t3",
                "if %t4 goto %retry",
                "lwsync",
                "%L1:",
                "r1 = logical_not(%t2)"), emitLock("spin_trylock", 0));
        assertEquals(List.of("r1 = load.32 [&x]"), emitLock("spin_is_locked", 0));
    }

    @Test
    void testAndSetBitWorksOnTheContainingWord() {
        assertEquals(withDeadEnd(
                "sync",
                "%t1 = load-reserve.64 [(&x + 65536)]",
                "%t2 = (%t1 | 2)",
                "%t3 = store-conditional.64 [(&x + 65536)] = %t2",
                "if %t3 goto %retry",
                "sync",
                "r1 = ((%t1 & 2) != 0)"), emit("test_and_set_bit", c(65), X));
    }

    /**
     * The instrumented names call the arch_ ones (v6.1 linux/atomic/atomic-instrumented.h,
     * bitops/instrumented-atomic.h), and v6.6's raw_ ones are the arch_ ones or their generic
     * fallbacks: every spelling emits the one sequence.
     */
    @Test
    void archAndRawSpellingsEmitTheInstrumentedOnesSequence() {
        for (String n : List.of("atomic_inc", "atomic64_fetch_add_relaxed", "atomic_long_add_return_acquire",
                "atomic_xchg_release", "atomic_fetch_add_unless", "atomic_dec_if_positive", "atomic_inc_not_zero",
                "atomic_read", "atomic_set_release", "atomic_sub_and_test")) {
            Expr[] args = n.contains("add_unless") ? new Expr[] {X, c(1), c(0)}
                    : n.contains("fetch_add") || n.endsWith("add_return_acquire") ? new Expr[] {c(1), X}
                    : n.contains("xchg") || n.contains("set") ? new Expr[] {X, c(1)}
                    : n.contains("sub_and_test") ? new Expr[] {c(1), X} : new Expr[] {X};
            List<String> instrumented = emit(n, args);
            assertEquals(instrumented, emit("arch_" + n, args), "arch_" + n);
            assertEquals(instrumented, emit("raw_" + n, args), "raw_" + n);
        }
        for (String n : List.of("xchg", "cmpxchg_acquire", "cmpxchg64_relaxed", "xchg_local", "cmpxchg_local")) {
            Expr[] args = n.startsWith("xchg") ? new Expr[] {X, c(7)} : new Expr[] {X, c(1), c(2)};
            assertEquals(emit(n, args), emit("arch_" + n, args), "arch_" + n);
            assertEquals(emit(n, args), emit("raw_" + n, args), "raw_" + n);
        }
        for (String n : List.of("set_bit", "clear_bit_unlock", "test_and_set_bit", "test_bit")) {
            assertEquals(emit(n, c(65), X), emit("arch_" + n, c(65), X), "arch_" + n);
        }
        for (String n : List.of("spin_lock", "spin_unlock", "spin_trylock")) {
            assertEquals(emitLock(n, 1), emitLock("_raw_" + n, 1), "_raw_" + n);
            assertEquals(emitLock(n, 1), emitLock("do_raw_" + n, 1), "do_raw_" + n);
        }
    }

    /** asm/cmpxchg.h: the _local forms are the relaxed loops; try_cmpxchg64 is try_cmpxchg on a 64-bit location. */
    @Test
    void localAndSixtyFourBitTryCmpxchgAreTheirFamilysSequences() {
        Expr old = new Expr.RegRef(new Reg("old"));
        assertEquals(emit("try_cmpxchg_relaxed", X, old, c(2)), emit("try_cmpxchg_local", X, old, c(2)));
        assertEquals(emit("try_cmpxchg_relaxed", X, old, c(2)), emit("try_cmpxchg64_local", X, old, c(2)));
        assertEquals(emit("try_cmpxchg", X, old, c(2)), emit("try_cmpxchg64", X, old, c(2)));
        assertEquals(emit("try_cmpxchg_acquire", X, old, c(2)), emit("raw_try_cmpxchg64_acquire", X, old, c(2)));
        assertEquals(emit("cmpxchg_relaxed", X, c(1), c(2)), emit("cmpxchg64_local", X, c(1), c(2)));
    }

    /**
     * bitops/generic-non-atomic.h: {@code __set_bit} and friends are {@code *p |= mask}, a plain
     * load and store of the word; asm/bitops.h {@code arch___clear_bit_unlock} puts
     * {@code PPC_RELEASE_BARRIER} before it; generic_test_bit_acquire is smp_load_acquire of the word.
     */
    @Test
    void nonAtomicBitOperationsArePlainLoadsAndStores() {
        assertEquals(List.of("%t1 = load.64 [(&x + 65536)]", "%t2 = (%t1 | 2)", "store.64 [(&x + 65536)] = %t2"),
                emit("__set_bit", c(65), X));
        assertEquals(List.of("%t1 = load.64 [&x]", "%t2 = (%t1 & not(1))", "store.64 [&x] = %t2"),
                emit("__clear_bit", c(0), X));
        assertEquals(List.of("lwsync", "%t1 = load.64 [&x]", "%t2 = (%t1 & not(1))", "store.64 [&x] = %t2"),
                emit("__clear_bit_unlock", c(0), X));
        assertEquals(List.of("%t1 = load.64 [&x]", "%t2 = (%t1 ^ 8)", "store.64 [&x] = %t2", "r1 = ((%t1 & 8) != 0)"),
                emit("__test_and_change_bit", c(3), X));
        assertEquals(List.of("%t1 = load.64 [&x]", "lwsync", "r1 = ((%t1 & 8) != 0)"), emit("test_bit_acquire", c(3), X));
    }

    /** asm/barrier.h: smp_* are the __smp_* macros; virt_* are the same on SMP. */
    @Test
    void underscoreAndVirtBarriersAreTheSmpOnes() {
        assertEquals(List.of("lwsync"), emit("__smp_rmb"));
        assertEquals(List.of("lwsync"), emit("virt_wmb"));
        assertEquals(List.of("sync"), emit("virt_mb"));
        assertEquals(List.of("sync"), emit("__smp_mb__after_atomic"));
        assertEquals(emit("smp_load_acquire", X), emit("__smp_load_acquire", X));
        assertEquals(emit("smp_store_release", X, c(1)), emit("virt_store_release", X, c(1)));
    }

    /**
     * The kernel's primitive API by name: a call of one the mapping has no sequence for is
     * reported, not taken as an unknown function (which could be havoc'd, dropping its accesses).
     */
    @Test
    void primitiveNamesAreRecognisedWithOrWithoutASequence() {
        for (String n : List.of("atomic_inc", "raw_atomic_fetch_or_acquire", "arch_atomic64_try_cmpxchg", "xchg",
                "sync_cmpxchg", "cmpxchg_double", "cmpxchg128", "__test_and_set_bit", "test_bit_acquire",
                "smp_cond_load_acquire", "smp_mb__after_srcu_read_unlock", "this_cpu_xchg", "raw_cpu_add_return",
                "raw_local_irq_save", "arch_local_irq_restore", "irqs_disabled_flags", "hard_irq_disable",
                "_raw_spin_lock_irqsave", "queued_spin_lock", "READ_ONCE", "rcu_dereference_protected")) {
            assertTrue(power9.isPrimitiveName(n), n);
        }
        for (String n : List.of("smp_send_reschedule", "smp_processor_id", "atomic_notifier_call_chain",
                "task_work_add", "llist_add", "io_llist_xchg", "set_notify_signal", "kick_process")) {
            assertFalse(power9.isPrimitiveName(n), n);
        }
    }

    @Test
    void resultGoesToATemporaryWhenAnArgumentReadsTheTarget() {
        Primitive p = power9.primitive("xchg").orElseThrow();
        InstrBuffer out = new InstrBuffer();
        Expr result = p.emit(new Invocation("xchg", List.of(X, new Expr.RegRef(R1)), Optional.of(R1), Width.DOUBLE, POS), out);
        assertEquals("%t1", result.toString());
        assertEquals("%t2 = store-conditional.64 [&x] = r1", out.peek().get(2).toString());
    }

    @Test
    void rcuCallbacksAndOtherFlavoursAreKnownButUnmodelled() {
        for (String n : List.of("call_rcu", "rcu_barrier", "synchronize_sched", "call_srcu", "srcu_barrier")) {
            assertTrue(power9.isUnmodelled(n), n);
            assertTrue(power9.primitive(n).isEmpty(), n);
        }
        for (String n : List.of("synchronize_rcu", "synchronize_srcu", "srcu_read_lock", "srcu_read_unlock",
                "smp_mb__after_srcu_read_unlock")) {
            assertFalse(power9.isUnmodelled(n), n);
            assertTrue(power9.primitive(n).isPresent(), n);
        }
        assertFalse(power9.isUnmodelled("READ_ONCE"));
        assertFalse(power9.isUnmodelled("no_such_function"));
    }

    /**
     * A primitive's definition says what it returns. Expected from the v6.6 declarations:
     * include/linux/atomic/atomic-instrumented.h declares {@code bool atomic_try_cmpxchg()},
     * {@code bool atomic_dec_and_test()}, {@code bool atomic_add_negative()},
     * {@code bool atomic_add_unless()}, {@code bool atomic_inc_not_zero()}, but
     * {@code int atomic_fetch_add_unless()} and {@code int atomic_dec_if_positive()} (values of
     * the counter); include/asm-generic/bitops/instrumented-atomic.h {@code bool test_and_set_bit()};
     * include/linux/spinlock.h {@code raw_spin_trylock()} is a truth value, while arch/powerpc/include/asm/
     * qspinlock.h's {@code queued_spin_is_locked()} returns the lock word; {@code void atomic_inc()}.
     */
    @Test
    void primitivesCarryTheirResultKind() {
        for (String n : List.of("atomic_try_cmpxchg", "try_cmpxchg_acquire", "atomic_dec_and_test",
                "atomic64_add_negative_relaxed", "atomic_add_unless", "atomic_long_inc_not_zero", "test_and_set_bit",
                "test_and_set_bit_lock", "test_bit", "raw_spin_trylock")) {
            assertEquals(Primitive.Result.TRUTH, power9.primitive(n).orElseThrow().result(), n);
        }
        for (String n : List.of("atomic_fetch_add_unless", "atomic_dec_if_positive", "atomic_long_fetch_add_unless",
                "xchg", "cmpxchg_relaxed", "atomic_inc_return", "READ_ONCE", "smp_load_acquire", "spin_is_locked")) {
            assertEquals(Primitive.Result.LOCATION, power9.primitive(n).orElseThrow().result(), n);
        }
        for (String n : List.of("atomic_inc", "WRITE_ONCE", "spin_lock", "set_bit", "smp_mb")) {
            assertEquals(Primitive.Result.NONE, power9.primitive(n).orElseThrow().result(), n);
        }
    }
}
