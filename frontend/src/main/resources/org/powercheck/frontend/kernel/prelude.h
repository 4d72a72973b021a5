/*
 * powercheck's kernel prelude: read before every kernel C file and harness, in place of the
 * kernel headers that are not read, after prelude-macros.h (the annotations, declaration and
 * loop macros). It gives the common types and the macros that take a type or an lvalue and so
 * cannot be functions. Barriers, ONCE accesses, atomics, bit operations, spinlocks and RCU need
 * nothing here: the checker knows them by name (power-model.md section 2). A definition in the
 * user's code of any type or function declared here replaces this one.
 *
 * Built in (not macros): smp_processor_id() is the CPU of the thread, per_cpu() and
 * this_cpu_ptr() select a CPU's copy of a DEFINE_PER_CPU variable, pc_ipi_trigger(cpu) and
 * pc_ipi_entry(cpu) are the IPI trigger and delivery of power-model.md section 3.3.
 */
#ifndef __POWERCHECK_PRELUDE_H
#define __POWERCHECK_PRELUDE_H

/* ---- types ------------------------------------------------------------------ */

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;
typedef u8 __u8;
typedef u16 __u16;
typedef u32 __u32;
typedef u64 __u64;
typedef s8 __s8;
typedef s16 __s16;
typedef s32 __s32;
typedef s64 __s64;
typedef _Bool bool;
typedef unsigned long size_t;
typedef long ssize_t;
typedef long ptrdiff_t;
typedef unsigned long uintptr_t;
typedef long intptr_t;
typedef int pid_t;
typedef unsigned int gfp_t;

typedef struct {
	int counter;
} atomic_t;

typedef struct {
	long counter;
} atomic_long_t;

typedef struct {
	s64 counter;
} atomic64_t;

typedef struct raw_spinlock {
	unsigned int slock;
} raw_spinlock_t;

typedef struct spinlock {
	unsigned int slock;
} spinlock_t;

/*
 * Types and constants of kernel headers that the powerpc IPI, doorbell, task-work and io_uring
 * code names, with the kernel's member names and order (v6.6). Code that defines one of these
 * itself replaces it.
 */
struct callback_head {
	struct callback_head *next;
	void (*func)(struct callback_head *head);
};
#define rcu_head callback_head
typedef void (*task_work_func_t)(struct callback_head *);
enum task_work_notify_mode {
	TWA_NONE,
	TWA_RESUME,
	TWA_SIGNAL,
	TWA_SIGNAL_NO_IPI,
};

struct llist_node {
	struct llist_node *next;
};
struct llist_head {
	struct llist_node *first;
};
struct list_head {
	struct list_head *next, *prev;
};
struct hlist_node {
	struct hlist_node *next, **pprev;
};
struct hlist_head {
	struct hlist_node *first;
};

/* CPU masks: one word holds the few CPUs of a harness (cpumask_var_t without CPUMASK_OFFSTACK) */
struct cpumask {
	unsigned long bits[1];
};
typedef struct cpumask cpumask_t;
typedef struct cpumask cpumask_var_t[1];

typedef enum irqreturn {
	IRQ_NONE = 0,
	IRQ_HANDLED = 1,
	IRQ_WAKE_THREAD = 2,
} irqreturn_t;
typedef irqreturn_t (*irq_handler_t)(int, void *);

/* arch/powerpc/include/asm/smp.h: the IPI messages (a byte each in the muxed word) and operations */
#define PPC_MSG_CALL_FUNCTION	0
#define PPC_MSG_RESCHEDULE	1
#define PPC_MSG_TICK_BROADCAST	2
#define PPC_MSG_NMI_IPI		3
#define PPC_MSG_RM_HOST_ACTION	4
#define NMI_IPI_ALL_OTHERS	-2
struct smp_ops_t {
	void (*message_pass)(int cpu, int msg);
	void (*cause_ipi)(int cpu);
	int (*cause_nmi_ipi)(int cpu);
	void (*probe)(void);
	int (*kick_cpu)(int nr);
	int (*prepare_cpu)(int nr);
	void (*setup_cpu)(int nr);
	void (*bringup_done)(void);
	void (*take_timebase)(void);
	void (*give_timebase)(void);
	int (*cpu_disable)(void);
	void (*cpu_die)(unsigned int nr);
	int (*cpu_bootable)(unsigned int nr);
	void (*cpu_offline_self)(void);
};

#define NULL ((void *)0)
#define ATOMIC_INIT(i) { (i) }
#define ATOMIC_LONG_INIT(i) { (i) }
#define ATOMIC64_INIT(i) { (i) }
#define __RAW_SPIN_LOCK_UNLOCKED(name) { 0 }
#define __SPIN_LOCK_UNLOCKED(name) { 0 }

/* ---- lvalue and type macros ---------------------------------------------- */

/* the member's distance is in cells, not its offsetof (see KType): powercheck computes it */
#define container_of(ptr, type, member) __pc_container_of(ptr, type, member)
#define BIT(nr) (1UL << (nr))
#define BIT_ULL(nr) (1ULL << (nr))
#define data_race(expr) (expr)
#define __READ_ONCE(x) READ_ONCE(x)
#define __WRITE_ONCE(x, val) WRITE_ONCE(x, val)
#define WARN_ON(condition) (!!(condition))
#define smp_store_mb(var, value) do { WRITE_ONCE(var, value); smp_mb(); } while (0)

/*
 * The index of the lowest set bit of a non-zero word (undefined for 0, as in the kernel):
 * isolate that bit, then read its index off one mask per bit of the index. No branches, so no
 * control dependencies the kernel's instruction would not have.
 */
static inline unsigned long __ffs(unsigned long word)
{
	unsigned long low = word & -word;

	return (unsigned long)!!(low & 0xaaaaaaaaaaaaaaaaUL) |
	       (unsigned long)!!(low & 0xccccccccccccccccUL) << 1 |
	       (unsigned long)!!(low & 0xf0f0f0f0f0f0f0f0UL) << 2 |
	       (unsigned long)!!(low & 0xff00ff00ff00ff00UL) << 3 |
	       (unsigned long)!!(low & 0xffff0000ffff0000UL) << 4 |
	       (unsigned long)!!(low & 0xffffffff00000000UL) << 5;
}

/* ---- per-CPU variables: one copy per CPU, var@0, var@1, ... ----------------- */

#define per_cpu_ptr(ptr, cpu) __pc_per_cpu_ptr(ptr, cpu)
#define per_cpu(var, cpu) (*per_cpu_ptr(&(var), cpu))
#define this_cpu_ptr(ptr) __pc_this_cpu_ptr(ptr)
#define raw_cpu_ptr(ptr) __pc_this_cpu_ptr(ptr)
#define get_cpu_ptr(ptr) __pc_this_cpu_ptr(ptr)
#define put_cpu_ptr(ptr) do { } while (0)
/* the per-CPU operations (this_cpu_add(), raw_cpu_xchg(), ...) are in prelude-percpu.h */

/* ---- waiting for a condition (asm-generic/barrier.h, linux/atomic.h, linux/processor.h) ---- */

/* powerpc has no smp_cond_load_*() of its own: the generic loop of READ_ONCE()s */
#define smp_cond_load_relaxed(ptr, cond_expr) ({ \
	__typeof__(ptr) __PTR = (ptr); \
	__unqual_scalar_typeof(*ptr) VAL; \
	for (;;) { \
		VAL = READ_ONCE(*__PTR); \
		if (cond_expr) \
			break; \
		cpu_relax(); \
	} \
	(__typeof__(*ptr))VAL; \
})
#define smp_cond_load_acquire(ptr, cond_expr) ({ \
	__unqual_scalar_typeof(*ptr) _val; \
	_val = smp_cond_load_relaxed(ptr, cond_expr); \
	smp_acquire__after_ctrl_dep(); \
	(__typeof__(*ptr))_val; \
})
#define atomic_cond_read_acquire(v, c) smp_cond_load_acquire(&(v)->counter, (c))
#define atomic_cond_read_relaxed(v, c) smp_cond_load_relaxed(&(v)->counter, (c))
#define atomic64_cond_read_acquire(v, c) smp_cond_load_acquire(&(v)->counter, (c))
#define atomic64_cond_read_relaxed(v, c) smp_cond_load_relaxed(&(v)->counter, (c))
#define atomic_long_cond_read_acquire(v, c) smp_cond_load_acquire(&(v)->counter, (c))
#define atomic_long_cond_read_relaxed(v, c) smp_cond_load_relaxed(&(v)->counter, (c))
/* ppc64's spin_begin()/spin_end() are HMT_low()/HMT_medium(), priority nops; spin_cpu_relax() is barrier() */
#define spin_begin() do { } while (0)
#define spin_end() do { } while (0)
#define spin_cpu_relax() do { } while (0)
#define spin_until_cond(cond) do { \
	if (unlikely(!(cond))) { \
		spin_begin(); \
		do { \
			spin_cpu_relax(); \
		} while (!(cond)); \
		spin_end(); \
	} \
} while (0)

/*
 * The generic fallbacks of the atomic_*_unless_*() forms powerpc does not write in assembly
 * (linux/atomic/atomic-arch-fallback.h): a read, then a try_cmpxchg loop, fully ordered when
 * it succeeds. For each spelling (atomic_, arch_atomic_, raw_atomic_) of each type.
 */
#define __PC_UNLESS(prefix, type, ctype) \
static inline bool prefix##inc_unless_negative(type *v) \
{ \
	ctype c = prefix##read(v); \
	do { \
		if (unlikely(c < 0)) \
			return false; \
	} while (!prefix##try_cmpxchg(v, &c, c + 1)); \
	return true; \
} \
static inline bool prefix##dec_unless_positive(type *v) \
{ \
	ctype c = prefix##read(v); \
	do { \
		if (unlikely(c > 0)) \
			return false; \
	} while (!prefix##try_cmpxchg(v, &c, c - 1)); \
	return true; \
}
__PC_UNLESS(atomic_, atomic_t, int)
__PC_UNLESS(arch_atomic_, atomic_t, int)
__PC_UNLESS(raw_atomic_, atomic_t, int)
__PC_UNLESS(atomic64_, atomic64_t, s64)
__PC_UNLESS(arch_atomic64_, atomic64_t, s64)
__PC_UNLESS(raw_atomic64_, atomic64_t, s64)
__PC_UNLESS(atomic_long_, atomic_long_t, long)
__PC_UNLESS(arch_atomic_long_, atomic_long_t, long)
__PC_UNLESS(raw_atomic_long_, atomic_long_t, long)
#undef __PC_UNLESS

/* ---- interrupts and preemption: no ordering of their own (PM 3.3) ------------- */

/*
 * 64-bit Book3S soft masking (asm/hw_irq.h, v6.6): local_irq_disable() and _save() only set
 * this CPU's paca->irq_soft_mask; an interrupt that arrives meanwhile is recorded and replayed
 * when arch_local_irq_restore() clears the mask, which also re-enables MSR[EE] after a
 * hard_irq_disable(). The mask is a register of the CPU's own (__pc_irq_soft_mask*): no memory
 * event, no barrier; the checker takes interrupts only where it and the hard-disable are clear.
 * preempt_disable() does not block interrupts.
 */
/* IRQS_*, local_irq_*() and raw_local_irq_*() are in prelude-irq.h */
/* Macros, so that a report names the line that masks or unmasks, not this file. */
#define arch_local_save_flags()		__pc_irq_soft_mask()
#define arch_local_irq_restore(mask)	__pc_irq_soft_mask_restore(mask)
#define arch_local_irq_save()		__pc_irq_soft_mask_swap(IRQS_DISABLED)
#define arch_local_irq_disable()	((void)__pc_irq_soft_mask_swap(IRQS_DISABLED))
#define arch_local_irq_enable()		__pc_irq_soft_mask_restore(IRQS_ENABLED)
#define arch_irqs_disabled_flags(flags)	(((flags) & IRQS_DISABLED) != 0)
#define __hard_irq_disable()	__pc_irq_hard_disabled_set(1)
#define __hard_irq_enable()	__pc_irq_hard_disabled_set(0)

static inline void preempt_disable(void) { }
/*
 * An over-approximation: v6.6 preempt_enable() (include/linux/preempt.h, CONFIG_PREEMPTION)
 * calls __preempt_schedule() when the count reaches 0 and a reschedule is pending, and
 * __schedule() (kernel/sched/core.c) has full barriers. With none pending it is only barrier()
 * and the decrement, which is what this is; leaving the call out only adds behaviours.
 */
static inline void preempt_enable(void) { }
static inline void preempt_enable_no_resched(void) { }
static inline void local_bh_disable(void) { }
static inline void local_bh_enable(void) { }
static inline void cpu_relax(void) { }

static inline void raw_spin_lock_irq(raw_spinlock_t *lock)
{
	local_irq_disable();
	raw_spin_lock(lock);
}

static inline void raw_spin_unlock_irq(raw_spinlock_t *lock)
{
	raw_spin_unlock(lock);
	local_irq_enable();
}

static inline void spin_lock_irq(spinlock_t *lock)
{
	local_irq_disable();
	spin_lock(lock);
}

static inline void spin_unlock_irq(spinlock_t *lock)
{
	spin_unlock(lock);
	local_irq_enable();
}

static inline void spin_lock_bh(spinlock_t *lock)
{
	local_bh_disable();
	spin_lock(lock);
}

static inline void spin_unlock_bh(spinlock_t *lock)
{
	spin_unlock(lock);
	local_bh_enable();
}

/* what linux/spinlock_api_smp.h calls: the irq forms with the flags as a result */
#define _raw_spin_lock_irqsave(lock) ({ unsigned long __pc_flags; \
	local_irq_save(__pc_flags); raw_spin_lock(lock); __pc_flags; })
#define _raw_spin_unlock_irqrestore(lock, flags) do { raw_spin_unlock(lock); local_irq_restore(flags); } while (0)
#define _raw_spin_lock_irq(lock) raw_spin_lock_irq(lock)
#define _raw_spin_unlock_irq(lock) raw_spin_unlock_irq(lock)
#define _raw_spin_lock_bh(lock) do { local_bh_disable(); raw_spin_lock(lock); } while (0)
#define _raw_spin_unlock_bh(lock) do { raw_spin_unlock(lock); local_bh_enable(); } while (0)

#define raw_spin_lock_irqsave(lock, flags) do { local_irq_save(flags); raw_spin_lock(lock); } while (0)
#define raw_spin_unlock_irqrestore(lock, flags) do { raw_spin_unlock(lock); local_irq_restore(flags); } while (0)
#define spin_lock_irqsave(lock, flags) do { local_irq_save(flags); spin_lock(lock); } while (0)
#define spin_unlock_irqrestore(lock, flags) do { spin_unlock(lock); local_irq_restore(flags); } while (0)

#endif /* __POWERCHECK_PRELUDE_H */
