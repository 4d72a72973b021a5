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
#define this_cpu_read(pcp) READ_ONCE(*this_cpu_ptr(&(pcp)))
#define __this_cpu_read(pcp) READ_ONCE(*this_cpu_ptr(&(pcp)))
#define raw_cpu_read(pcp) READ_ONCE(*this_cpu_ptr(&(pcp)))
#define this_cpu_write(pcp, val) WRITE_ONCE(*this_cpu_ptr(&(pcp)), val)
#define __this_cpu_write(pcp, val) WRITE_ONCE(*this_cpu_ptr(&(pcp)), val)
#define raw_cpu_write(pcp, val) WRITE_ONCE(*this_cpu_ptr(&(pcp)), val)
/* ppc64's this_cpu_add() is a plain read-modify-write with interrupts soft-masked */
#define this_cpu_add(pcp, val) (*this_cpu_ptr(&(pcp)) += (val))
#define this_cpu_sub(pcp, val) (*this_cpu_ptr(&(pcp)) -= (val))
#define this_cpu_inc(pcp) this_cpu_add(pcp, 1)
#define this_cpu_dec(pcp) this_cpu_sub(pcp, 1)
#define __this_cpu_inc(pcp) this_cpu_add(pcp, 1)
#define __this_cpu_dec(pcp) this_cpu_sub(pcp, 1)

#define IRQS_ENABLED		0
#define IRQS_DISABLED		1
#define IRQS_PMI_DISABLED	2
#define IRQS_ALL_DISABLED	(IRQS_DISABLED | IRQS_PMI_DISABLED)

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
static inline void __hard_irq_disable(void) { __pc_irq_hard_disabled_set(1); }
static inline void __hard_irq_enable(void) { __pc_irq_hard_disabled_set(0); }
#define irqs_disabled()			arch_irqs_disabled_flags(arch_local_save_flags())
/* In a handler of a harness with PC_CHECK_REGISTERS: the interrupted context's register r. */
#define PC_INTERRUPTED_REGISTER(r)	__pc_interrupted_register(#r)
#define hard_irq_disable()		do { __pc_irq_hard_disabled_set(1); \
					     (void)__pc_irq_soft_mask_or(IRQS_ALL_DISABLED); } while (0)
#define local_irq_disable()	arch_local_irq_disable()
#define local_irq_enable()	arch_local_irq_enable()
#define local_irq_save(flags)	do { (flags) = arch_local_irq_save(); } while (0)
#define local_irq_restore(flags)	arch_local_irq_restore(flags)
#define raw_local_irq_disable()	arch_local_irq_disable()
#define raw_local_irq_enable()	arch_local_irq_enable()
#define raw_local_irq_save(flags)	do { (flags) = arch_local_irq_save(); } while (0)
#define raw_local_irq_restore(flags)	arch_local_irq_restore(flags)
#define local_save_flags(flags)	do { (flags) = arch_local_save_flags(); } while (0)

#endif /* __POWERCHECK_TREE_PRELUDE_H */
