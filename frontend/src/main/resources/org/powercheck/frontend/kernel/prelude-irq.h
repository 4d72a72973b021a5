/*
 * The soft interrupt mask's constants and the kernel's local_irq_*() / raw_local_irq_*() forms
 * (include/linux/irqflags.h, asm/hw_irq.h, v6.6), read before prelude.h and before tree-prelude.h:
 * both define the arch_local_*() operations under them (macros here, functions over a tree's
 * headers) and use these in their own inline functions.
 */
#ifndef __POWERCHECK_PRELUDE_IRQ_H
#define __POWERCHECK_PRELUDE_IRQ_H

#define IRQS_ENABLED		0
#define IRQS_DISABLED		1
#define IRQS_PMI_DISABLED	2
#define IRQS_ALL_DISABLED	(IRQS_DISABLED | IRQS_PMI_DISABLED)

/* Macros, so that a report names the line that masks or unmasks, not this file. */
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

#endif /* __POWERCHECK_PRELUDE_IRQ_H */
