package org.powercheck.frontend.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.powercheck.ir.Expr;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Layout;
import org.powercheck.ir.Program;
import org.powercheck.ir.ThreadCode;
import org.powercheck.ir.UnsupportedConstructException;
import org.powercheck.model.mapping.AcquireEncoding;
import org.powercheck.model.mapping.KernelMapping;

/**
 * The kernel C constructs that {@link KernelLoweringTest} does not pin down: each lowers to the
 * exact events, widths, fences and dependencies expected. Dependencies are shown as
 * {@code (addr: line:col, data: ..., ctrl: ...)} naming the loads by their position in the harness.
 */
class KernelConstructCoverageTest {
    private static Program harness(String text, KernelOptions options) {
        return KernelFrontend.harness(text, "t.litmus", options);
    }

    /** P0's instructions, each followed by the loads it depends on, as {@code powercheck parse} shows them. */
    private static List<String> annotated(String text) {
        return annotated(harness(text, KernelOptions.defaults()).threads().get(0));
    }

    private static List<String> annotated(ThreadCode t) {
        List<String> deps = Dependencies.describe(t);
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < t.code().size(); i++) {
            shown.add(t.code().get(i) + (deps.get(i).isEmpty() ? "" : "  (" + deps.get(i) + ")"));
        }
        return shown;
    }

    /** The cell an address made of cell addresses and constants points at, or the raw number when none. */
    private static String cellAt(Layout layout, Expr address) {
        return layout.format(constant(layout, address));
    }

    private static long constant(Layout layout, Expr e) {
        if (e instanceof Expr.Binary b) return b.op().apply(constant(layout, b.left()), constant(layout, b.right()));
        return layout.valueOf(e);
    }

    /** Union members share one cell (one location); the union takes one cell in its struct. */
    @Test
    void unionMembersShareTheirCell() {
        assertEquals(List.of(
                "store.64 [&t.u.whole] = -1",
                "%t1 = load.64 [&t.u.whole]",
                "b = (%t1 >>> 60)",
                "store.64 [&t.u.whole] = &t.tag",
                "store.64 [&t.after] = 2"),
            annotated("""
                C t
                struct tagged { int tag; union { long whole; unsigned long bits; struct tagged *next; } u; long after; };
                struct tagged t;
                {
                }
                P0(void)
                {
                	unsigned long b;
                	WRITE_ONCE(t.u.whole, -1);
                	b = READ_ONCE(t.u.bits) >> 60;
                	WRITE_ONCE(t.u.next, &t);
                	WRITE_ONCE(t.after, 2);
                }
                """));
    }

    /** A narrower member reads part of the union's cell: a 32-bit load of its low bytes. */
    @Test
    void aNarrowUnionMemberIsAMixedSizeAccess() {
        assertEquals(List.of("r = load.32 [&w.whole]"), annotated("""
                C t
                union word { long whole; int half; };
                union word w;
                {
                }
                P0(void)
                {
                	int r = READ_ONCE(w.half);
                }
                """));
    }

    /** A wider access than its location, or one past its end, has nothing to read there. */
    @Test
    void anAccessPastItsLocationIsNotSupported() {
        UnsupportedConstructException e = assertThrows(UnsupportedConstructException.class, () -> annotated("""
                C t
                int word;
                {
                }
                P0(void)
                {
                	long r = READ_ONCE(*(long *)&word);
                }
                """));
        assertTrue(e.construct().startsWith("mixed-size access: a 64-bit access to word, a 32-bit location"),
                e.construct());
    }

    /** Typedef'd scalars keep their width, typedef'd structs their layout, typedef'd function pointers their targets. */
    @Test
    void typedefsOfScalarsStructsPointersAndFunctionPointers() {
        assertEquals(List.of(
                "p = &t.a",
                "%t1 = load.16 [&half]",
                "h = (extend_word(((%t1 & 65535) + 1)) & 65535)",
                "store.64 [&t.b] = h  (data: 16:6)",
                "%t2 = load.64 [&hook]",
                "if (%t2 != &put) goto %L2",
                "store.64 [&t.b] = 2  (ctrl: 18:2)",
                "goto %L1",
                "%L2:",
                "pc_bad_call = 1",
                "%L1:"),
            annotated("""
                C t
                typedef unsigned short u16t;
                typedef struct pair { int a; long b; } pair_t;
                typedef pair_t *pair_ptr;
                typedef void (*hook_t)(long v);
                pair_t t;
                u16t half;
                static void put(long v) { WRITE_ONCE(t.b, v); }
                hook_t hook = put;
                {
                }
                P0(void)
                {
                	pair_ptr p = &t;
                	u16t h;
                	h = READ_ONCE(half) + 1;
                	WRITE_ONCE(p->b, h);
                	hook(sizeof(pair_t) / sizeof(long));
                }
                """));
    }

    /** (char *)&info->messages is the member's address; casting back and dereferencing accesses that cell. */
    @Test
    void pointerCastsKeepTheAddressAndItsDependency() {
        assertEquals(List.of(
                "%t1 = load.64 [&info]",
                "p = %t1",
                "store.64 [p] = 3  (addr: 14:15)",
                "r = load.64 [&addr[1]]",
                "%t2 = load.8 [&flags]",
                "store.64 [(&addr[0] + (((%t2 & 255) & 1) * 65536))] = 4  (addr: 17:41)",
                "p = &flags",
                "c = load.8 [&flags]",
                "c = (c & 255)"),
            annotated("""
                C t
                struct msgs { long messages; };
                struct msgs m;
                struct msgs *info = &m;
                unsigned long addr[2];
                char flags;
                {
                }
                P0(void)
                {
                	char *p;
                	long r;
                	char c;
                	p = (char *)&info->messages;
                	WRITE_ONCE(*(long *)p, 3);
                	r = atomic_long_read((atomic_long_t *)&addr[1]);
                	atomic_long_set((atomic_long_t *)&addr[READ_ONCE(flags) & 1], 4);
                	p = (char *)&flags;
                	c = READ_ONCE(*p);
                }
                """));
    }

    /** Specifiers and attributes change nothing: each call is inlined as if the function were plain. */
    @Test
    void inlineSpecifiersAndAttributesLowerLikePlainFunctions() {
        assertEquals(List.of(
                "r = load.32 [&x]",
                "put.v = r",
                "store.32 [&y] = put.v  (data: 4:38)",
                "check.v = r",
                "r = extend_word((check.v + 1))",
                "sync",
                "slow.v = r",
                "store.32 [&x] = slow.v  (data: 4:38)"),
            annotated("""
                C t
                int x __read_mostly;
                int y __attribute__((aligned(8)));
                static inline int get(void) { return READ_ONCE(x); }
                static __always_inline void put(int v) { WRITE_ONCE(y, v); }
                static int __must_check check(int v) { return v + 1; }
                noinstr void entry(void) { smp_mb(); }
                static __attribute__((noinline)) void slow(int v) { WRITE_ONCE(x, v); }
                {
                }
                P0(void)
                {
                	int r = get();
                	put(r);
                	r = check(r);
                	entry();
                	slow(r);
                }
                """));
    }

    /** u32 is 32 bits unsigned, unsigned long 64 bits with logical shifts, bool 8 bits holding 0 or 1. */
    @Test
    void integerTypesHaveTheirWidthAndSignedness() {
        Program p = harness("""
                C t
                u32 uu;
                bool flag;
                unsigned long ul;
                long sl;
                int si;
                {
                }
                P0(void)
                {
                	u32 a;
                	bool b;
                	unsigned long c;
                	long d;
                	a = READ_ONCE(uu) + 1;
                	b = READ_ONCE(ul);
                	WRITE_ONCE(flag, b);
                	b = READ_ONCE(flag);
                	c = READ_ONCE(ul) >> 63;
                	d = READ_ONCE(sl) >> 63;
                	c = READ_ONCE(ul) > READ_ONCE(si);
                	WRITE_ONCE(uu, -1);
                }
                """, KernelOptions.defaults());
        ThreadCode t = p.threads().get(0);
        assertEquals(List.of(
                "%t1 = load.32 [&uu]",
                "a = clear_high_word((clear_high_word(%t1) + 1))",
                "b = load.64 [&ul]",
                "b = (b != 0)",
                "store.8 [&flag] = b  (data: 16:6)",
                "b = load.8 [&flag]",
                "b = (b != 0)",
                "%t2 = load.64 [&ul]",
                "c = (%t2 >>> 63)",
                "%t3 = load.64 [&sl]",
                "d = (%t3 >> 63)",
                "%t4 = load.64 [&ul]",
                "%t5 = load.32 [&si]",
                "c = (%t4 >u %t5)",
                "store.32 [&uu] = -1"),
            annotated(t));
    }

    /** Spec 2.2/2.3: relaxed = loop, acquire = loop; lwsync, release = lwsync; loop, full = sync; loop; sync. */
    @Test
    void orderingVariantsOfAtomicsXchgAndCmpxchg() {
        assertEquals(List.of(
                "r = load.32 [&v.counter]",
                "store.32 [&v.counter] = 2",
                "%t1 = load-reserve.32 [&v.counter]",
                "r = (%t1 + 1)",
                "%t2 = store-conditional.32 [&v.counter] = r  (data: 11:6)",
                "if %t2 goto %retry",
                "lwsync",
                "r = extend_word(r)",
                "%t3 = load-reserve.32 [&v.counter]  (ctrl: 11:6)",
                "r = (%t3 + 1)",
                "%t4 = store-conditional.32 [&v.counter] = r  (data: 12:6, ctrl: 11:6)",
                "if %t4 goto %retry",
                "r = extend_word(r)",
                "sync",
                "%t5 = load-reserve.32 [&v.counter]  (ctrl: 11:6 12:6)",
                "r = (%t5 + 1)",
                "%t6 = store-conditional.32 [&v.counter] = r  (data: 13:6, ctrl: 11:6 12:6)",
                "if %t6 goto %retry",
                "sync",
                "r = extend_word(r)",
                "o = load-reserve.64 [&w]  (ctrl: 11:6 12:6 13:6)",
                "%t7 = store-conditional.64 [&w] = 1  (ctrl: 11:6 12:6 13:6)",
                "if %t7 goto %retry",
                "o = load-reserve.64 [&w]  (ctrl: 11:6 12:6 13:6)",
                "%t8 = store-conditional.64 [&w] = 2  (ctrl: 11:6 12:6 13:6)",
                "if %t8 goto %retry",
                "lwsync",
                "lwsync",
                "o = load-reserve.64 [&w]  (ctrl: 11:6 12:6 13:6)",
                "%t9 = store-conditional.64 [&w] = 3  (ctrl: 11:6 12:6 13:6)",
                "if %t9 goto %retry",
                "o = load-reserve.64 [&w]  (ctrl: 11:6 12:6 13:6)",
                "if (o != 3) goto %L1",
                "%t10 = store-conditional.64 [&w] = 4  (ctrl: 11:6 12:6 13:6 17:6)",
                "if %t10 goto %retry",
                "%L1:",
                "o = load-reserve.64 [&w]  (ctrl: 11:6 12:6 13:6 17:6)",
                "if (o != 4) goto %L2",
                "%t11 = store-conditional.64 [&w] = 5  (ctrl: 11:6 12:6 13:6 17:6 18:6)",
                "if %t11 goto %retry",
                "lwsync",
                "%L2:",
                "lwsync",
                "o = load-reserve.64 [&w]  (ctrl: 11:6 12:6 13:6 17:6 18:6)",
                "if (o != 5) goto %L3",
                "%t12 = store-conditional.64 [&w] = 6  (ctrl: 11:6 12:6 13:6 17:6 18:6 19:6)",
                "if %t12 goto %retry",
                "%L3:",
                "sync",
                "r = load-reserve.32 [&v.counter]  (ctrl: 11:6 12:6 13:6 17:6 18:6 19:6)",
                "%t13 = store-conditional.32 [&v.counter] = 7  (ctrl: 11:6 12:6 13:6 17:6 18:6 19:6)",
                "if %t13 goto %retry",
                "sync",
                "r = extend_word(r)",
                "sync",
                "r = load-reserve.32 [&v.counter]  (ctrl: 11:6 12:6 13:6 17:6 18:6 19:6)",
                "if (r cmpw 7) goto %L4",
                "%t14 = store-conditional.32 [&v.counter] = 8  (ctrl: 11:6 12:6 13:6 17:6 18:6 19:6 21:6)",
                "if %t14 goto %retry",
                "sync",
                "%L4:",
                "r = extend_word(r)",
                "goto %end", "%retry:", "assume 0", "%end:"),
            annotated("""
                C t
                atomic_t v;
                long w;
                {
                }
                P0(void)
                {
                	int r;
                	long o;
                	r = atomic_read(&v); atomic_set(&v, 2);
                	r = atomic_add_return_acquire(1, &v);
                	r = atomic_add_return_relaxed(1, &v);
                	r = atomic_inc_return(&v);
                	o = xchg_relaxed(&w, 1);
                	o = xchg_acquire(&w, 2);
                	o = xchg_release(&w, 3);
                	o = cmpxchg_relaxed(&w, 3, 4);
                	o = cmpxchg_acquire(&w, 4, 5);
                	o = cmpxchg_release(&w, 5, 6);
                	r = atomic_xchg(&v, 7);
                	r = atomic_cmpxchg(&v, 7, 8);
                }
                """));
    }

    /**
     * Spec 2 (acquire encodings) and 2.5: with acquire=ctrl+isync the acquire barrier is an isync after
     * the loop's branch; the lock's test gives later accesses a ctrl dependency on the lock's
     * load (and its stored value, computed from the loaded one, a data dependency), xchg_acquire's constant store gives none; smp_load_acquire stays lwsync.
     */
    @Test
    void acquireAsCtrlIsyncPutsIsyncAfterTheLoopBranch() {
        Program p = harness("""
                C t
                raw_spinlock_t lock;
                long w;
                int x;
                {
                }
                P0(void)
                {
                	long o;
                	raw_spin_lock(&lock);
                	WRITE_ONCE(x, 1);
                	raw_spin_unlock(&lock);
                	o = xchg_acquire(&w, 1);
                	WRITE_ONCE(x, 2);
                	o = smp_load_acquire(&w);
                }
                """, KernelOptions.defaults().withMapping(new KernelMapping(AcquireEncoding.CTRL_ISYNC)));
        assertEquals(List.of(
                "%t1 = load-reserve.32 [&lock.slock]",
                "%t2 = (%t1 & 131071)",
                "if %t2 goto %retry",
                "%t3 = ((%t1 & 4294836224) | 1)",
                "%t4 = store-conditional.32 [&lock.slock] = %t3  (data: 10:2, ctrl: 10:2)",
                "if %t4 goto %retry",
                "isync",
                "store.32 [&x] = 1  (ctrl: 10:2)",
                "lwsync",
                "store.32 [&lock.slock] = 0  (ctrl: 10:2)",
                "o = load-reserve.64 [&w]  (ctrl: 10:2)",
                "%t5 = store-conditional.64 [&w] = 1  (ctrl: 10:2)",
                "if %t5 goto %retry",
                "isync",
                "store.32 [&x] = 2  (ctrl: 10:2)",
                "o = load.64 [&w]  (ctrl: 10:2)",
                "lwsync",
                "goto %end", "%retry:", "assume 0", "%end:"),
            annotated(p.threads().get(0)));
    }

    /**
     * Dependencies through the constructs: a call through an ops table is control dependent on the
     * pointer's loads, per_cpu(v, cpu) with a loaded cpu is an address dependency, a conditional
     * with a load in one arm is a branch, the comma operator and compound assignment carry data,
     * loop and switch conditions give ctrl, xchg's result carries data, container_of carries addr.
     */
    @Test
    void dependenciesThroughControlFlowOpsTablesPerCpuAndContainerOf() {
        assertEquals(List.of(
                "c = load.32 [&sel]",
                "%t1 = load.64 [&ops]",
                "%t2 = load.64 [%t1]  (addr: 18:2)",
                "if (%t2 != &send) goto %L2",
                "send.cpu = c",
                "sync",
                "store.64 [((&pc@0.pad + (send.cpu * 131072)) + 65536)] = 1  (addr: 16:10, ctrl: 18:2)",
                "goto %L1",
                "%L2:",
                "pc_bad_call = 1",
                "%L1:",
                "if (c == 0) goto %L4",
                "%t4 = load.32 [&x]  (ctrl: 16:10 18:2)",
                "%t3 = %t4",
                "goto %L5",
                "%L4:",
                "%t3 = 5",
                "%L5:",
                "q = %t3",
                "store.32 [&y] = q  (data: 19:10, ctrl: 16:10 18:2)",
                "c = extend_word((c + 1))",
                "r = extend_word((c + 1))",
                "store.64 [&z] = r  (data: 16:10, ctrl: 16:10 18:2)",
                "if (c == 2) goto %L7",
                "goto %L8",
                "%L7:",
                "store.32 [&x] = 1  (ctrl: 16:10 18:2)",
                "goto %L6",
                "%L8:",
                "goto %L6",
                "%L6:",
                "%t5 = load.32 [&x]  (ctrl: 16:10 18:2)",
                "%t6 = extend_word((%t5 + c))",
                "store.32 [&x] = %t6  (data: 16:10 24:2, ctrl: 16:10 18:2)",
                "%L9:",
                "q = load.32 [&y]  (ctrl: 16:10 18:2 26:7)",
                "%L10:",
                "if logical_not(q) goto %L9",
                "%L11:",
                "store.64 [&z] = 3  (ctrl: 16:10 18:2 26:7)",
                "sync",
                "z2 = load-reserve.64 [&z]  (ctrl: 16:10 18:2 26:7)",
                "%t7 = store-conditional.64 [&z] = 0  (ctrl: 16:10 18:2 26:7)",
                "if %t7 goto %retry",
                "sync",
                "store.64 [&z] = z2  (data: 29:7, ctrl: 16:10 18:2 26:7)",
                "%t8 = load.64 [&np]  (ctrl: 16:10 18:2 26:7)",
                "b = (%t8 - 65536)",
                "r = load.64 [(b + 65536)]  (addr: 31:19, ctrl: 16:10 18:2 26:7)",
                "r = extend_word(r)",
                "goto %end", "%retry:", "assume 0", "%end:"),
            annotated("""
                C t
                struct ops_t { void (*cause)(int cpu); };
                struct box { long pad; long val; };
                DEFINE_PER_CPU(struct box, pc);
                int x, y, sel;
                long z;
                struct box bx;
                long *np = &bx.pad + 1;
                static void send(int cpu) { smp_mb(); WRITE_ONCE(per_cpu(pc, cpu).val, 1); }
                struct ops_t plat = { .cause = send };
                struct ops_t *ops = &plat;
                {
                }
                P0(void)
                {
                	int c = READ_ONCE(sel);
                	int r, q; long z2; struct box *b;
                	ops->cause(c);
                	q = c ? READ_ONCE(x) : 5;
                	WRITE_ONCE(y, q);
                	r = (c++, c + 1);
                	WRITE_ONCE(z, r);
                	switch (c) { case 2: WRITE_ONCE(x, 1); break; default: break; }
                	x += c;
                	do {
                		q = READ_ONCE(y);
                	} while (!q);
                	WRITE_ONCE(z, 3);
                	z2 = xchg(&z, 0);
                	WRITE_ONCE(z, z2);
                	b = container_of(READ_ONCE(np), struct box, val);
                	r = READ_ONCE(b->val);
                }
                """));
    }

    /** xnop, ori 0,0,0 and nop emit nothing; hwsync and sync 0 are sync; msgsnd's target carries an address dependency. */
    @Test
    void inlineAssemblyNoOpsSyncFormsAndMsgsndOperands() {
        assertEquals(List.of(
                "cpu = load.32 [&target]",
                "sync",
                "sync",
                "sync",
                "lwsync",
                "lwsync",
                "store.64 [(&ipi@0 + ((cpu & 16383) * 65536))] = 1  (addr: 7:12)"),
            annotated("""
                C t
                int target;
                {
                }
                P0(void)
                {
                	int cpu = READ_ONCE(target);
                	asm volatile("xnop");
                	asm volatile("hwsync" : : : "memory");
                	asm volatile("sync 0");
                	asm volatile("ori 0, 0, 0\\n\\tnop");
                	asm volatile("ptesync");
                	asm volatile("sync 1");
                	asm volatile("msgsync");
                	asm volatile("msgsnd %[rb]" : : [rb] "r" (cpu));
                }
                """));
    }

    /** Only the no-op form of ori is accepted; an ori that computes is reported. */
    @Test
    void anOriThatIsNotTheNoOpIsReported() {
        UnsupportedConstructException e = assertThrows(UnsupportedConstructException.class, () -> annotated(
                "C t\n{\n}\nP0(void)\n{\n\tasm volatile(\"ori 3,3,1\");\n}\n"));
        assertEquals("inline assembly instruction 'ori 3,3,1'", e.construct());
    }

    /** Spec 2.4: set_bit works on the 64-bit word holding bit nr, so bit 67 of map is bit 3 of map[1]. */
    @Test
    void bitOperationsBeyondTheFirstWordUseTheWordThatHoldsTheBit() {
        Program p = harness("""
                C t
                unsigned long map[2];
                {
                }
                P0(void)
                {
                	set_bit(67, map);
                	clear_bit(127, map);
                }
                """, KernelOptions.defaults());
        List<String> words = new ArrayList<>();
        for (Instr i : p.threads().get(0).code()) {
            if (i instanceof Instr.Load l) words.add("load " + cellAt(p.layout(), l.address()));
            if (i instanceof Instr.StoreConditional s) words.add("store " + cellAt(p.layout(), s.address()));
        }
        assertEquals(List.of("load map[1]", "store map[1]", "load map[1]", "store map[1]"), words);
    }
}
