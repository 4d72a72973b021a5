package org.powercheck.checker.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercheck.checker.CheckOptions;
import org.powercheck.checker.FinalState;
import org.powercheck.checker.Outcome;
import org.powercheck.checker.explicit.ExplicitEngine;
import org.powercheck.frontend.kernel.KernelFrontend;
import org.powercheck.frontend.kernel.KernelOptions;
import org.powercheck.ir.Program;

/**
 * The values kernel C computes, checked end to end on one thread (no concurrency, so every
 * expectation is the single final state the C standard, the ppc64 ELF ABI or the v6.6 kernel
 * assembly gives). Each test's comment names its source.
 */
class KernelValuesTest {
    /** The final states of a one-thread harness: its declarations, P0's body and the keys to show. */
    static List<String> states(String decls, String body, String keys) throws Exception {
        String text = "C t\n" + decls + "\n{\n}\nP0(void)\n{\n" + body + "\n}\nlocations [" + keys + "]\nexists (0:r=0)\n";
        return run(text);
    }

    static List<String> run(String text) throws Exception {
        Program p = KernelFrontend.harness(text, "t.litmus", KernelOptions.defaults());
        Outcome o = new ExplicitEngine().run(p, CheckOptions.defaults());
        return o.states().stream().map(s -> s.format(p.layout())).toList();
    }

    // ---------------------------------------------------------------- sizes and offsets

    /**
     * The ppc64le ELF ABI v2 (OpenPOWER "64-Bit ELF V2 ABI Specification", 2.1.2 Fundamental
     * Types): char 1, short 2, int 4, long 8, pointers 8, each aligned to its size; C11 6.5.3.4
     * {@code sizeof(char) == 1}. So {@code sizeof(int) * 8} is 32, not a cell stride.
     */
    @Test
    void sizeofScalarsIsTheAbiSize() throws Exception {
        assertEquals(List.of("0:r=32; [x]=" + (1 + 10 * 2 + 100 * 8 + 1000 * 8) + ";"),
                states("long x;", "\tlong r = sizeof(int) * 8;\n"
                        + "\tx = sizeof(char) + 10 * sizeof(short) + 100 * sizeof(long) + 1000 * sizeof(void *)"
                        + " + 0 * _Alignof(long);", "x"));
        assertEquals(List.of("0:r=8;"), states("", "\tlong r = _Alignof(long);", ""));
    }

    /**
     * ABI 2.1.2 Aggregates and Unions: each member at the next multiple of its alignment, the
     * size a multiple of the largest alignment. {@code struct { char c; int i; long l; }}: c at 0,
     * i at 4, l at 8, size 16; {@code struct { int a; char b; }}: size 8; a union of int and long:
     * 8; {@code long[3]}: 24 (C11 6.5.3.4p7: ARRAY_SIZE is 3).
     */
    @Test
    void structsHaveTheirPaddingAndOffsetofIsInBytes() throws Exception {
        String decls = "struct s { char c; int i; long l; };\nstruct t { int a; char b; };\n"
                + "union u { int i; long l; };\nlong a[3];\nlong x;";
        assertEquals(List.of("0:r=" + (16 + 100 * 4 + 1000 * 8 + 10000 * 8 + 100000 * 8 + 1000000 * 24) + "; [x]=3;"),
                states(decls, "\tlong r = sizeof(struct s) + 100 * offsetof(struct s, i) + 1000 * offsetof(struct s, l)"
                        + " + 10000 * sizeof(struct t) + 100000 * sizeof(union u) + 1000000 * sizeof(a);\n"
                        + "\tx = ARRAY_SIZE(a);", "x"));
    }

    /**
     * C11 6.5.6p9: the difference of two pointers into one array is the difference of the
     * subscripts; with char pointers it counts bytes, so {@code (char *)&s.l - (char *)&s} is
     * offsetof(struct s, l) = 8 (ABI layout as above).
     */
    @Test
    void pointerDifferencesCountElementsOrBytes() throws Exception {
        assertEquals(List.of("0:r=2; [x]=8;"),
                states("struct s { char c; int i; long l; };\nstruct s v;\nlong a[3];\nlong x;",
                        "\tlong r = &a[2] - &a[0];\n\tx = (char *)&v.l - (char *)&v;", "x"));
    }

    /**
     * container_of (include/linux/container_of.h, v6.6: {@code __mptr - offsetof(type, member)})
     * and its hand-written form {@code (char *)p + offsetof(...)} reach the member itself,
     * whatever the padding: both read v.l (7) and v.i (5) through pointers loaded at run time.
     */
    @Test
    void containerOfAndByteOffsetsReachTheMember() throws Exception {
        String decls = "struct s { char c; int i; long l; };\nstruct s v = { .i = 5, .l = 7 };\n"
                + "long *pl = &v.l;\nstruct s *ps = &v;\nlong x;";
        assertEquals(List.of("0:r=7; [x]=5;"),
                states(decls, "\tstruct s *q = container_of(READ_ONCE(pl), struct s, l);\n"
                        + "\tlong r = *(long *)((char *)READ_ONCE(ps) + offsetof(struct s, l));\n"
                        + "\tx = q->i;", "x"));
    }

    // ---------------------------------------------------------------- conditional atomics

    /**
     * arch/powerpc/include/asm/atomic.h (v6.6), arch_atomic_dec_if_positive: {@code lwarx t;
     * cmpwi t,1; addi t,t,-1; blt- 2f; stwcx. t}: the old value is compared as a signed word
     * before the store, so INT_MIN is not stored over; the function returns {@code t}, INT_MIN - 1
     * in the 32-bit register, INT_MAX as an int. 0 is left alone and gives -1; 1 becomes 0.
     */
    @Test
    void decIfPositiveLeavesIntMinAndZeroAlone() throws Exception {
        assertEquals(List.of("0:r=2147483647; [v.counter]=-2147483648;"),
                states("atomic_t v = ATOMIC_INIT(-2147483647 - 1);", "\tint r = atomic_dec_if_positive(&v);", "v.counter"));
        assertEquals(List.of("0:r=-1; [v.counter]=0;"),
                states("atomic_t v = ATOMIC_INIT(0);", "\tint r = atomic_dec_if_positive(&v);", "v.counter"));
        assertEquals(List.of("0:r=0; [v.counter]=0;"),
                states("atomic_t v = ATOMIC_INIT(1);", "\tint r = atomic_dec_if_positive(&v);", "v.counter"));
    }

    /**
     * arch/powerpc/include/asm/atomic.h (v6.6), arch_atomic64_dec_if_positive: {@code ldarx t;
     * addic. t,t,-1; blt- 2f; stdcx. t}: the test is of the 64-bit result, so LONG_MIN - 1 =
     * LONG_MAX is not negative and is stored (what the kernel's code does), and 0 is left alone.
     */
    @Test
    void dec64IfPositiveTestsTheResult() throws Exception {
        assertEquals(List.of("0:r=9223372036854775807; [v.counter]=9223372036854775807;"),
                states("atomic64_t v = ATOMIC64_INIT(-9223372036854775807L - 1);",
                        "\tlong r = atomic64_dec_if_positive(&v);", "v.counter"));
        assertEquals(List.of("0:r=-1; [v.counter]=0;"),
                states("atomic64_t v = ATOMIC64_INIT(0);", "\tlong r = atomic64_dec_if_positive(&v);", "v.counter"));
    }

    /**
     * atomic.h (v6.6) arch_atomic_fetch_add_unless: {@code cmpw 0,t,u; beq 2f}: a word compare,
     * so an int {@code u} of -1 matches the counter -1; the generic atomic_add_unless is
     * {@code fetch_add_unless(v, a, u) != u} and atomic_inc_not_zero {@code add_unless(v, 1, 0)}.
     */
    @Test
    void addUnlessComparesTheWordAndReturnsTheOldValue() throws Exception {
        assertEquals(List.of("0:r=-1; [v.counter]=-1;"),
                states("atomic_t v = ATOMIC_INIT(-1);", "\tint r = atomic_fetch_add_unless(&v, 5, -1);", "v.counter"));
        assertEquals(List.of("0:r=1; [v.counter]=-2147483648;"),
                states("atomic_t v = ATOMIC_INIT(2147483647);", "\tint r = atomic_add_unless(&v, 1, 0);", "v.counter"));
        assertEquals(List.of("0:r=0; [v.counter]=0;"),
                states("atomic_t v = ATOMIC_INIT(0);", "\tint r = atomic_inc_not_zero(&v);", "v.counter"));
        assertEquals(List.of("0:r=1; [v.counter]=0;"),
                states("atomic_t v = ATOMIC_INIT(-1);", "\tint r = atomic_inc_not_zero(&v);", "v.counter"));
    }

    /**
     * include/linux/atomic/atomic-arch-fallback.h (v6.6), the try_cmpxchg fallback:
     * {@code if (unlikely(___r != ___o)) *___op = ___r; likely(___r == ___o)}; {@code ___r} has
     * the type of {@code *ptr}, so a failed try on an int counter holding -1 leaves old == -1
     * (a negative int, C11 6.3.1.3), not 4294967295.
     */
    @Test
    void tryCmpxchgWritesBackTheValueAsItsType() throws Exception {
        assertEquals(List.of("0:r=1; [v.counter]=-1;"),
                states("atomic_t v = ATOMIC_INIT(-1);",
                        "\tint old = 0;\n\tint r = 0;\n\tif (!atomic_try_cmpxchg(&v, &old, 7) && old < 0) r = 1;",
                        "v.counter"));
        assertEquals(List.of("0:r=3; [v.counter]=7;"),
                states("atomic_t v = ATOMIC_INIT(3);",
                        "\tint old = 3;\n\tint r = 0;\n\tif (atomic_try_cmpxchg(&v, &old, 7)) r = old;", "v.counter"));
    }

    // ---------------------------------------------------------------- spin locks

    /**
     * v6.6 arch/powerpc/include/asm/qspinlock.h: the holder stores
     * {@code queued_spin_encode_locked_val() = _Q_LOCKED_VAL | (smp_processor_id() << _Q_OWNER_CPU_OFFSET)}
     * (qspinlock_types.h: 1 and 1), so CPU 1 holding the lock leaves 3 in the word; the
     * trylock of a CPU that finds it held fails ({@code !(prev & ~_Q_TAIL_CPU_MASK)} is 0) and
     * stores nothing. Either CPU may get there first.
     */
    @Test
    void theLockWordHoldsTheOwnersValue() throws Exception {
        assertEquals(List.of("0:r=0; 1:r=1; [l.slock]=3;", "0:r=1; 1:r=0; [l.slock]=1;"), run("""
                C t
                spinlock_t l;
                {
                }
                P0(void)
                {
                	int r = spin_trylock(&l);
                }
                P1(void)
                {
                	int r = spin_trylock(&l);
                }
                locations [l.slock]
                exists (0:r=1 /\\ 1:r=1)
                """));
    }

    // ---------------------------------------------------------------- preemption

    /**
     * preempt_enable() is modelled as the kernel runs it when no reschedule is pending: v6.6
     * include/linux/preempt.h has {@code barrier(); if (unlikely(preempt_count_dec_and_test()))
     * __preempt_schedule();} and preempt_count_dec_and_test() is {@code preempt_count_sub(1);
     * should_resched(0)}, false unless TIF_NEED_RESCHED is set: no fence is executed, so SB
     * around preempt_disable()/preempt_enable() keeps its relaxed outcome (power-model.md 1.11:
     * SB without syncs is allowed). The scheduler's barriers are the over-approximation's
     * documented omission (README, "Kernel C and harnesses").
     */
    @Test
    void preemptEnableWithoutAPendingRescheduleHasNoBarrier() throws Exception {
        List<String> states = run("""
                C t
                int x;
                int y;
                {
                }
                P0(void)
                {
                	preempt_disable();
                	WRITE_ONCE(x, 1);
                	preempt_enable();
                	int r = READ_ONCE(y);
                }
                P1(void)
                {
                	preempt_disable();
                	WRITE_ONCE(y, 1);
                	preempt_enable();
                	int r = READ_ONCE(x);
                }
                exists (0:r=0 /\\ 1:r=0)
                """);
        assertEquals(true, states.contains("0:r=0; 1:r=0;"), states.toString());
    }
}
