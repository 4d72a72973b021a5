/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Model of arch/powerpc/kernel/dbell.c, Linux v6.6 (CONFIG_SMP):
 * doorbell_exception, the handler of the doorbell interrupt (vector 0xa00,
 * or 0xe80 for the hypervisor doorbell).
 *
 * In v6.6 it is DEFINE_INTERRUPT_HANDLER_ASYNC(doorbell_exception); the model
 * writes the function that macro defines, without the wrapper's interrupt
 * entry/exit bookkeeping (interrupt_async_enter_prepare/exit_prepare with
 * irq_enter/irq_exit: per-CPU state, plus full barriers in the RCU/context
 * tracking path only when the CPU was idle; dropping them is conservative).
 *
 * Also dropped: set_irq_regs() (a per-CPU pointer of this CPU),
 * trace_doorbell_entry/exit, the should_hard_irq_enable() /
 * do_hard_irq_enable() pair (lets performance-monitor interrupts nest; only
 * this CPU's MSR and PACA), and the doorbell_irqs statistics counter.
 */
#ifndef PC_ARCH_POWERPC_DBELL_C
#define PC_ARCH_POWERPC_DBELL_C

#include "types.h"
#include "dbell.h"
#include "kvm_ppc.h"
#include "smp.c"

void doorbell_exception(struct pt_regs *regs)
{
	/* Makes the sender's stores (ordered before its msgsnd) visible here. */
	ppc_msgsync();

	kvmppc_clear_host_ipi(smp_processor_id());

	smp_ipi_demux_relaxed();	/* ppc_msgsync() was the barrier */
}

#endif /* PC_ARCH_POWERPC_DBELL_C */
