/*
 * What powercheck gives a meaning to when a kernel source tree's own headers are read
 * (--kernel-tree): per-CPU variables as one copy per CPU, the soft interrupt mask as a register
 * of the CPU, container_of by cells. A kernel header's #define of any macro defined here, or of a
 * primitive the checker's mapping knows (READ_ONCE, smp_mb, spin_lock, ...), is ignored, so these
 * meanings stay; everything else (types, current, static inline helpers) comes from the tree.
 */
#ifndef __POWERCHECK_TREE_PRELUDE_H
#define __POWERCHECK_TREE_PRELUDE_H

/*
 * current: asm/current.h reads it from the paca with inline assembly through r13. Here it has
 * no body, so that it is an unconstrained pointer to a task, and the report says so.
 */
struct task_struct;
struct task_struct *get_current(void);

/* per-CPU variables are __thread: one copy per CPU (include/linux/percpu-defs.h spells the section) */
#define __PCPU_ATTRS(sec) __thread
#define __PCPU_DUMMY_ATTRS

#define container_of(ptr, type, member) __pc_container_of(ptr, type, member)
#define data_race(expr) (expr)
#define __READ_ONCE(x) READ_ONCE(x)
#define __WRITE_ONCE(x, val) WRITE_ONCE(x, val)
#define smp_store_mb(var, value) do { WRITE_ONCE(var, value); smp_mb(); } while (0)

#define per_cpu_ptr(ptr, cpu) __pc_per_cpu_ptr(ptr, cpu)
#define per_cpu(var, cpu) (*per_cpu_ptr(&(var), cpu))
#define this_cpu_ptr(ptr) __pc_this_cpu_ptr(ptr)
#define raw_cpu_ptr(ptr) __pc_this_cpu_ptr(ptr)
#define get_cpu_ptr(ptr) __pc_this_cpu_ptr(ptr)
#define put_cpu_ptr(ptr) do { } while (0)
/* the per-CPU operations (this_cpu_add(), raw_cpu_xchg(), ...) are in prelude-percpu.h */

/* IRQS_*, local_irq_*() and raw_local_irq_*() are in prelude-irq.h */

/*
 * asm/hw_irq.h defines these as functions that read and write paca->irq_soft_mask with inline
 * assembly: the checker's definitions come first and the tree's bodies are not read.
 */
static inline unsigned long arch_local_save_flags(void) { return __pc_irq_soft_mask(); }
static inline void arch_local_irq_restore(unsigned long mask) { __pc_irq_soft_mask_restore(mask); }
static inline unsigned long arch_local_irq_save(void) { return __pc_irq_soft_mask_swap(IRQS_DISABLED); }
static inline void arch_local_irq_disable(void) { (void)__pc_irq_soft_mask_swap(IRQS_DISABLED); }
static inline void arch_local_irq_enable(void) { __pc_irq_soft_mask_restore(IRQS_ENABLED); }
static inline _Bool arch_irqs_disabled_flags(unsigned long flags) { return (flags & IRQS_DISABLED) != 0; }
/* the accessors of paca->irq_soft_mask under them, read and written through r13 in asm/hw_irq.h */
static inline unsigned long irq_soft_mask_return(void) { return __pc_irq_soft_mask(); }
static inline void irq_soft_mask_set(unsigned long mask) { (void)__pc_irq_soft_mask_swap(mask); }
static inline unsigned long irq_soft_mask_set_return(unsigned long mask) { return __pc_irq_soft_mask_swap(mask); }
static inline unsigned long irq_soft_mask_or_return(unsigned long mask) { return __pc_irq_soft_mask_or(mask); }
static inline unsigned long irq_soft_mask_andc_return(unsigned long mask)
{
	unsigned long flags = __pc_irq_soft_mask();

	(void)__pc_irq_soft_mask_swap(flags & ~mask);
	return flags;
}
static inline void __hard_irq_disable(void) { __pc_irq_hard_disabled_set(1); }
static inline void __hard_irq_enable(void) { __pc_irq_hard_disabled_set(0); }

/*
 * asm/dbell.h (Book3S) writes the doorbell instructions as .long words inside CPU feature
 * sections; on a POWER9 host in hypervisor mode (CPU_FTR_HVMODE, CPU_FTR_ARCH_300) those
 * sections run msgsnd, msgclr and "msgsync; lwsync", which is what these are.
 */
static inline void _ppc_msgsnd(unsigned int msg) { __asm__ __volatile__ ("msgsnd %0" : : "r" (msg)); }
static inline void _ppc_msgclr(unsigned int msg) { __asm__ __volatile__ ("msgclr %0" : : "r" (msg)); }
static inline void ppc_msgsync(void) { __asm__ __volatile__ ("msgsync; lwsync" : : : "memory"); }

/*
 * linux/spinlock_api_smp.h: the out-of-line irq forms (kernel/locking/spinlock.c) are the
 * inline ones, interrupts soft-masked around the lock the mapping knows.
 */
struct raw_spinlock;
static inline void _raw_spin_lock_irq(struct raw_spinlock *lock) { arch_local_irq_disable(); raw_spin_lock(lock); }
static inline void _raw_spin_unlock_irq(struct raw_spinlock *lock) { raw_spin_unlock(lock); arch_local_irq_enable(); }
static inline unsigned long _raw_spin_lock_irqsave(struct raw_spinlock *lock)
{
	unsigned long flags = arch_local_irq_save();

	raw_spin_lock(lock);
	return flags;
}
static inline void _raw_spin_unlock_irqrestore(struct raw_spinlock *lock, unsigned long flags)
{
	raw_spin_unlock(lock);
	arch_local_irq_restore(flags);
}

#endif /* __POWERCHECK_TREE_PRELUDE_H */
