package org.powercheck.frontend.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercheck.ir.Instr;

/**
 * Each construct of kernel C lowers to the exact IR expected: the events (loads, stores,
 * store-conditionals, fences) with their widths and addresses, and the registers that carry the
 * dependencies. Each test is a harness with C declarations and a thread P0.
 */
class KernelLoweringTest {
    /** P0's instructions for a harness made of {@code decls} and a P0 whose body is {@code body}. */
    static List<String> p0(String decls, String body) {
        String text = "C t\n" + decls + "\n{\n}\nP0(void)\n{\n" + body + "\n}\n";
        return KernelFrontend.harness(text, "t.litmus", KernelOptions.defaults())
                .threads().get(0).code().stream().map(Instr::toString).toList();
    }

    /** A struct's members are consecutive cells; ps->b is the pointer plus one cell. */
    @Test
    void structMembersAreCellsAndArrowAddsTheFieldOffset() {
        assertEquals(List.of(
                "store.32 [&s.a] = 1",
                "%t1 = load.64 [&ps]",
                "store.64 [(%t1 + 65536)] = 2",
                "%t2 = load.64 [&ps]",
                "r = load.32 [%t2]"),
            p0("struct pair { int a; long b; };\nstruct pair s;\nstruct pair *ps = &s;",
               "\tint r;\n\ts.a = 1;\n\tps->b = 2;\n\tr = ps->a;"));
    }

    /** Indexing scales by the element size; a known index folds to the element's cell. */
    @Test
    void arrayElementsAndPointerArithmetic() {
        assertEquals(List.of(
                "store.64 [&a[2]] = 5",
                "store.64 [&p] = &a[1]",
                "%t1 = load.64 [&p]",
                "r = load.64 [(%t1 + 65536)]",
                "r = load.64 [&a[1]]"),
            p0("long a[3];\nlong *p;",
               "\tlong r;\n\ta[2] = 5;\n\tp = &a[1];\n\tr = p[1];\n\tr = *(a + 1);"));
    }

    /** Narrowing and signedness changes normalise the register; unsigned compares are unsigned. */
    @Test
    void castsConvertToTheTargetWidthAndSignedness() {
        assertEquals(List.of(
                "%t1 = load.32 [&i]",
                "r = (%t1 & 255)",
                "%t2 = load.32 [&u]",
                "r = extend_word(%t2)",
                "store.32 [&u] = 4294967295",
                "%t3 = load.32 [&u]",
                "r = (%t3 >u 5)"),
            p0("unsigned int u;\nint i;",
               "\tlong r;\n\tr = (unsigned char)i;\n\tr = (int)u;\n\tu = -1;\n\tr = u > 5;"));
    }

    /** X op= v on a global is a load, the operation and a store. */
    @Test
    void compoundAssignmentOnRegistersAndMemory() {
        assertEquals(List.of(
                "r = 1",
                "r = 3",
                "r = 6",
                "%t1 = load.32 [&x]",
                "%t2 = (%t1 | 4)",
                "store.32 [&x] = %t2",
                "%t3 = load.32 [&x]",
                "%t4 = extend_word((%t3 - 6))",
                "store.32 [&x] = %t4"),
            p0("int x;",
               "\tint r = 1;\n\tr += 2;\n\tr <<= 1;\n\tx |= 4;\n\tx -= r;"));
    }

    /** For, while, do-while and a backward goto. */
    @Test
    void loopsAreBackwardBranches() {
        assertEquals(List.of(
                "r = 0",
                "i = 0",
                "%L1:",
                "if (i >= 2) goto %L3",
                "r = extend_word((r + i))",
                "%L2:",
                "i = extend_word((i + 1))",
                "goto %L1",
                "%L3:",
                "%L4:",
                "%t1 = load.32 [&x]",
                "if (%t1 == 0) goto %L5",
                "r = extend_word((r + 1))",
                "goto %L4",
                "%L5:",
                "%L6:",
                "r = extend_word((r - 1))",
                "%L7:",
                "if (r > 0) goto %L6",
                "%L8:",
                "again:",
                "%t2 = load.32 [&x]",
                "if (%t2 == 0) goto %L9",
                "goto again",
                "%L9:"),
            p0("int x;",
               "\tint i, r = 0;\n\tfor (i = 0; i < 2; i++) r += i;\n\twhile (READ_ONCE(x)) r++;\n\tdo { r--; } while (r > 0);\nagain:\n\tif (READ_ONCE(x)) goto again;"));
    }

    /** Case labels are compared in order; default is the fall-back; break leaves the switch. */
    @Test
    void switchIsACompareChain() {
        assertEquals(List.of(
                "%t1 = load.32 [&x]",
                "if (%t1 == 1) goto %L2",
                "if (%t1 == 2) goto %L3",
                "goto %L4",
                "%L2:",
                "r = 10",
                "goto %L1",
                "%L3:",
                "r = 20",
                "%L4:",
                "r = 30",
                "%L1:"),
            p0("int x;",
               "\tint r;\n\tswitch (READ_ONCE(x)) {\n\tcase 1: r = 10; break;\n\tcase 2: r = 20;\n\tdefault: r = 30;\n\t}"));
    }

    /** A pure conditional is a select; the comma operator evaluates left to right. */
    @Test
    void ternaryAndComma() {
        assertEquals(List.of(
                "%t1 = load.32 [&x]",
                "r = (%t1 ? 1 : 2)",
                "store.32 [&y] = 1",
                "%t2 = load.32 [&x]",
                "q = %t2"),
            p0("int x, y;",
               "\tint r, q;\n\tr = READ_ONCE(x) ? 1 : 2;\n\tq = (WRITE_ONCE(y, 1), READ_ONCE(x));"));
    }

    /** Only functions whose address is taken are targets; a pointer matching none sets pc_bad_call. */
    @Test
    void callThroughAnOpsTableComparesWithEachTarget() {
        assertEquals(List.of(
                "%t1 = load.64 [&table]",
                "%t2 = load.64 [%t1]",
                "if (%t2 != &run_a) goto %L2",
                "store.32 [&x] = 3",
                "goto %L1",
                "%L2:",
                "pc_bad_call = 1",
                "%L1:"),
            p0("struct ops { void (*run)(int v); };\nint x;\nstatic void run_a(int v) { WRITE_ONCE(x, v); }\nstatic void run_b(int v) { WRITE_ONCE(x, v + 1); }\nstruct ops ops_a = { .run = run_a };\nstruct ops *table = &ops_a;",
               "\ttable->run(3);"));
    }

    /** Container_of is pointer arithmetic on the loaded pointer, so the member read depends on it. */
    @Test
    void containerOfSubtractsTheMemberOffset() {
        assertEquals(List.of(
                "%t1 = load.64 [&np]",
                "p = (%t1 - 65536)",
                "r = load.32 [p]"),
            p0("struct node { struct node *next; };\nstruct item { int payload; struct node link; };\nstruct item it;\nstruct node *np = &it.link;",
               "\tstruct item *p;\n\tint r;\n\tp = container_of(READ_ONCE(np), struct item, link);\n\tr = p->payload;"));
    }

    /** No instruction of their own. */
    @Test
    void likelyAndUnlikelyOnlyPassTheirValue() {
        assertEquals(List.of(
                "%t1 = load.32 [&x]",
                "if logical_not(%t1) goto %L1",
                "store.32 [&x] = 2",
                "%L1:",
                "%t2 = load.32 [&x]",
                "if logical_not((%t2 == 3)) goto %L2",
                "store.32 [&x] = 4",
                "%L2:"),
            p0("int x;",
               "\tif (likely(READ_ONCE(x))) WRITE_ONCE(x, 2);\n\tif (unlikely(READ_ONCE(x) == 3)) WRITE_ONCE(x, 4);"));
    }

    /** Per_cpu(v, 1) is v@1; this_cpu_ptr and this_cpu_write use the thread's CPU (P0: 0). */
    @Test
    void perCpuVariablesHaveACopyPerCpu() {
        assertEquals(List.of(
                "store.64 [&cnt@1.n] = 5",
                "c = &cnt@0.n",
                "store.64 [&cnt@0.n] = 6",
                "store.64 [&cnt@0.n] = 7"),
            p0("struct counter { long n; };\nDEFINE_PER_CPU(struct counter, cnt);",
               "\tstruct counter *c;\n\tWRITE_ONCE(per_cpu(cnt, 1).n, 5);\n\tc = this_cpu_ptr(&cnt);\n\tWRITE_ONCE(c->n, 6);\n\tthis_cpu_write(cnt.n, 7);"));
    }

    /** Set_bit and clear_bit are relaxed ll/sc loops, test_and_set_bit is fully ordered; __ffs is register arithmetic. */
    @Test
    void bitOperations() {
        assertEquals(List.of(
                "%t1 = load-reserve.64 [&word]",
                "%t2 = (%t1 | 8)",
                "%t3 = store-conditional.64 [&word] = %t2",
                "if %t3 goto %retry",
                "sync",
                "%t4 = load-reserve.64 [&word]",
                "%t5 = (%t4 | 16)",
                "%t6 = store-conditional.64 [&word] = %t5",
                "if %t6 goto %retry",
                "sync",
                "r = ((%t4 & 16) != 0)",
                "%t7 = load-reserve.64 [&word]",
                "%t8 = (%t7 & not(8))",
                "%t9 = store-conditional.64 [&word] = %t8",
                "if %t9 goto %retry",
                "%t10 = load.64 [&word]",
                "__ffs.word = %t10",
                "__ffs.low = (__ffs.word & neg(__ffs.word))",
                "r = (((((logical_not(logical_not((__ffs.low & -6148914691236517206))) | (logical_not(logical_not((__ffs.low & -3689348814741910324))) << 1)) | (logical_not(logical_not((__ffs.low & -1085102592571150096))) << 2)) | (logical_not(logical_not((__ffs.low & -71777214294589696))) << 3)) | (logical_not(logical_not((__ffs.low & -281470681808896))) << 4)) | (logical_not(logical_not((__ffs.low & -4294967296))) << 5))",
                "goto %end",
                "%retry:",
                "assume 0",
                "%end:"),
            p0("unsigned long word;",
               "\tlong r;\n\tset_bit(3, &word);\n\tr = test_and_set_bit(BIT(2), &word);\n\tclear_bit(3, &word);\n\tr = __ffs(READ_ONCE(word));"));
    }

    /** Atomic_t is 32 bits, long 64; xchg, cmpxchg and try_cmpxchg are the sequences of the mapping. */
    @Test
    void atomicsUseTheWidthOfTheirCounter() {
        assertEquals(List.of(
                "%t1 = load-reserve.32 [&v.counter]",
                "%t2 = (%t1 + 1)",
                "%t3 = store-conditional.32 [&v.counter] = %t2",
                "if %t3 goto %retry",
                "lwsync",
                "r = load-reserve.32 [&v.counter]",
                "%t4 = (r - 1)",
                "%t5 = store-conditional.32 [&v.counter] = %t4",
                "if %t5 goto %retry",
                "r = extend_word(r)",
                "sync",
                "%t6 = load-reserve.32 [&v.counter]",
                "%t7 = (%t6 - 1)",
                "%t8 = store-conditional.32 [&v.counter] = %t7",
                "if %t8 goto %retry",
                "sync",
                "r = logical_not((%t7 cmpw 0))",
                "sync",
                "o = load-reserve.64 [&w]",
                "%t9 = store-conditional.64 [&w] = 5",
                "if %t9 goto %retry",
                "sync",
                "sync",
                "o = load-reserve.64 [&w]",
                "if (o != 5) goto %L1",
                "%t10 = store-conditional.64 [&w] = 6",
                "if %t10 goto %retry",
                "sync",
                "%L1:",
                "o = 6",
                "sync",
                "%t11 = load-reserve.64 [&w]",
                "if (%t11 != o) goto %L2",
                "%t12 = store-conditional.64 [&w] = 7",
                "if %t12 goto %retry",
                "sync",
                "%L2:",
                "r = (%t11 == o)",
                "if r goto %L3",
                "o = %t11",
                "%L3:",
                "goto %end",
                "%retry:",
                "assume 0",
                "%end:"),
            p0("atomic_t v;\nlong w;",
               "\tint r;\n\tlong o;\n\tatomic_inc(&v);\n\tr = atomic_fetch_sub_release(1, &v);\n\tr = atomic_dec_and_test(&v);\n\to = xchg(&w, 5);\n\to = cmpxchg(&w, 5, 6);\n\to = 6;\n\tr = try_cmpxchg(&w, &o, 7);"));
    }

    /** Smp_mb and mb are sync; smp_wmb, smp_rmb, __smp_lwsync are lwsync; smp_mb__after_atomic is sync. */
    @Test
    void barriers() {
        assertEquals(List.of(
                "sync",
                "sync",
                "lwsync",
                "lwsync",
                "sync",
                "lwsync"),
            p0("int x;",
               "\tsmp_mb();\n\tmb();\n\tsmp_wmb();\n\tsmp_rmb();\n\tsmp_mb__after_atomic();\n\t__smp_lwsync();"));
    }

    /**
     * 64-bit Book3S soft masking (asm/hw_irq.h, v6.6): local_irq_save() sets the CPU's soft mask
     * to IRQS_DISABLED (1) and returns the old one; local_irq_restore() puts it back and, when
     * that re-enables, clears the hard disable too. Both are registers of the CPU, no event;
     * preempt_disable()/preempt_enable() touch neither.
     */
    @Test
    void interruptMaskingWritesTheSoftMaskAndPreemptionNothing() {
        assertEquals(List.of(
                "%L1:",
                "flags = pc_irq_soft_mask",
                "pc_irq_soft_mask = 1",
                "%L2:",
                "%L3:",
                "store.32 [&x] = 1",
                "pc_irq_soft_mask = flags",
                "pc_irq_hard_disabled = ((pc_irq_soft_mask == 0) ? 0 : pc_irq_hard_disabled)"),
            p0("int x;",
               "\tunsigned long flags;\n\tlocal_irq_save(flags);\n\tpreempt_disable();\n\tWRITE_ONCE(x, 1);\n\tpreempt_enable();\n\tlocal_irq_restore(flags);"));
    }

    /**
     * The qspinlock fast path (v6.6 asm/qspinlock.h __queued_spin_trylock_steal): lwarx, the
     * non-tail bits tested, the CPU's locked value (CPU 0: 1) or'd into the tail bits, stwcx.,
     * the acquire lwsync; unlock: lwsync and the store clearing the lock.
     */
    @Test
    void rawSpinLockAndUnlock() {
        assertEquals(List.of(
                "%t1 = load-reserve.32 [&lock.slock]",
                "%t2 = (%t1 & 131071)",
                "if %t2 goto %retry",
                "%t3 = ((%t1 & 4294836224) | 1)",
                "%t4 = store-conditional.32 [&lock.slock] = %t3",
                "if %t4 goto %retry",
                "lwsync",
                "store.32 [&x] = 1",
                "lwsync",
                "store.32 [&lock.slock] = 0",
                "goto %end",
                "%retry:",
                "assume 0",
                "%end:"),
            p0("raw_spinlock_t lock;\nint x;",
               "\traw_spin_lock(&lock);\n\tWRITE_ONCE(x, 1);\n\traw_spin_unlock(&lock);"));
    }

    /** Barriers, msgsync as lwsync, no-ops, and msgsnd/msgsndp as the trigger store of the target CPU. */
    @Test
    void inlineAssembly() {
        // msgclr/msgclrp (Power ISA 3.0 Book III 5.9): clear the executing thread's pending doorbell
        assertEquals(List.of(
                "cpu = 1",
                "sync",
                "lwsync",
                "isync",
                "eieio",
                "lwsync",
                "lwsync",
                "store.64 [&ipi@1] = 1",
                "store.64 [&ipi@1] = 1",
                "store.64 [&ipi@0] = 0",
                "store.64 [&ipi@0] = 0"),
            p0("int x;",
               "\tint cpu = 1;\n\t__asm__ __volatile__(\"sync\" : : : \"memory\");\n\t__asm__ __volatile__(\"lwsync; isync\" : : : \"memory\");\n\tasm volatile(\"eieio\");\n\tasm volatile(\"msgsync; lwsync\" : : : \"memory\");\n\tasm volatile(\"nop\");\n\tasm volatile(\"ori 0,0,0\");\n\tasm volatile(\"msgsnd %0\" : : \"r\" ((5 << 27) | cpu));\n\tasm volatile(\"msgsndp %0\" : : \"r\" (cpu));\n\tasm volatile(\"msgclr %0\" : : \"r\" (5 << 27));\n\tasm volatile(\"msgclrp %0\" : : \"r\" (5 << 27));"));
    }

    /** Data (stored value), address (pointer arithmetic, index) and control dependencies on loaded values. */
    @Test
    void dependenciesFollowRegisters() {
        assertEquals(List.of(
                "r = load.64 [&x]",
                "store.64 [&y] = r",
                "q = load.64 [&ptr]",
                "r = load.64 [(q + 65536)]",
                "%t1 = load.64 [&x]",
                "r = load.64 [(&arr[0] + ((%t1 & 1) * 65536))]",
                "if (r == 0) goto %L1",
                "store.64 [&x] = 1",
                "%L1:"),
            p0("long x, y;\nlong *ptr;\nlong arr[2];",
               "\tlong r, *q;\n\tr = READ_ONCE(x);\n\tWRITE_ONCE(y, r);\n\tq = READ_ONCE(ptr);\n\tr = READ_ONCE(*(q + 1));\n\tr = READ_ONCE(arr[READ_ONCE(x) & 1]);\n\tif (r)\n\t\tWRITE_ONCE(x, 1);"));
    }

    /** A forward goto to a label in another block. */
    @Test
    void gotoIntoAnInnerBlock() {
        assertEquals(List.of(
                "r = load.32 [&x]",
                "if (r == 0) goto %L1",
                "goto out",
                "%L1:",
                "store.32 [&x] = 2",
                "out:",
                "store.32 [&x] = 3"),
            p0("int x;",
               "\tint r = READ_ONCE(x);\n\tif (r)\n\t\tgoto out;\n\tWRITE_ONCE(x, 2);\n\t{\nout:\n\t\tWRITE_ONCE(x, 3);\n\t}"));
    }

    /** Parameters are registers named after the function; return jumps to the end of the instance. */
    @Test
    void callsAreInlined() {
        assertEquals(List.of(
                "%t1 = load.32 [&x]",
                "twice.v = %t1",
                "r = extend_word((twice.v + twice.v))",
                "put.v = r",
                "if (put.v <= 2) goto %L3",
                "goto %L2",
                "%L3:",
                "store.32 [&x] = put.v",
                "%L2:"),
            p0("int x;\nstatic int twice(int v) { return v + v; }\nstatic void put(int v) { if (v > 2) return; WRITE_ONCE(x, v); }",
               "\tint r;\n\tr = twice(READ_ONCE(x));\n\tput(r);"));
    }

    /** A struct whose address only reaches its own accesses is registers; a published address is memory. */
    @Test
    void privateLocalsStayInRegisters() {
        assertEquals(List.of(
                "P0.ts.locked = 0",
                "P0.ts.locked = load.32 [&x]",
                "r = P0.ts.locked"),
            p0("struct st { int locked; };\nint x;\nstatic void set(struct st *s) { s->locked = READ_ONCE(x); }",
               "\tstruct st ts = {};\n\tint r;\n\tset(&ts);\n\tr = ts.locked;"));
    }

    /** The address of mine is stored, so mine is a cell of P0. */
    @Test
    void publishedLocalsAreMemory() {
        assertEquals(List.of(
                "store.64 [&P0.mine] = 1",
                "store.64 [&pub] = &P0.mine",
                "store.64 [&P0.mine] = 2"),
            p0("long *pub;",
               "\tlong mine = 1;\n\tWRITE_ONCE(pub, &mine);\n\tmine = 2;"));
    }

    /** S2 = s1 is a load and a store per member. */
    @Test
    void structAssignmentCopiesEachMember() {
        assertEquals(List.of(
                "%t1 = load.32 [&s1.a]",
                "store.32 [&s2.a] = %t1",
                "%t2 = load.32 [&s1.b]",
                "store.32 [&s2.b] = %t2"),
            p0("struct pair { int a; int b; };\nstruct pair s1 = { .b = 2 }, s2;",
               "\ts2 = s1;"));
    }

    /** One location for the function, shared by every thread that runs it. */
    @Test
    void staticLocalsAreGlobal() {
        assertEquals(List.of(
                "%t1 = load.32 [&P0:calls]",
                "%t2 = extend_word((%t1 + 1))",
                "store.32 [&P0:calls] = %t2"),
            p0("int x;",
               "\tstatic int calls;\n\tcalls++;"));
    }
}
