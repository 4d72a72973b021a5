/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Model of interrupt_exit_user_prepare_main() from
 * arch/powerpc/kernel/interrupt.c, Linux v6.6: the loop on the thread flags
 * that every return to user mode (system call or interrupt) runs with
 * interrupts soft-disabled.
 *
 * Kept: the flag loop (read_thread_flags(); enable interrupts; schedule() or
 * do_notify_resume(); disable; read again).
 * Dropped: restore_math()/restore_tm_state() (the FP/VMX restore of scenario
 * S7, no shared-memory accesses), check_return_regs_valid(),
 * user_enter_irqoff() (context tracking), and the
 * prep_irq_for_enabled_exit() retry (it re-runs this same loop when an
 * interrupt became pending at the last moment; the harness's loop bound
 * covers re-runs).
 */
#ifndef PC_ARCH_POWERPC_INTERRUPT_C
#define PC_ARCH_POWERPC_INTERRUPT_C

#include "types.h"
#include "sched.h"
#include "arch_signal.c"

#define _TIF_RESTOREALL (1UL << 11)

unsigned long interrupt_exit_user_prepare_main(unsigned long ret,
					       struct pt_regs *regs)
{
	unsigned long ti_flags;

	ti_flags = read_thread_flags();
	while (unlikely(ti_flags & (_TIF_USER_WORK_MASK & ~_TIF_RESTORE_TM))) {
		local_irq_enable();
		if (ti_flags & _TIF_NEED_RESCHED) {
			schedule();
		} else {
			if (ti_flags & _TIF_SIGPENDING)
				ret |= _TIF_RESTOREALL;
			do_notify_resume(regs, ti_flags);
		}
		local_irq_disable();
		ti_flags = read_thread_flags();
	}

	return ret;
}

#endif /* PC_ARCH_POWERPC_INTERRUPT_C */
