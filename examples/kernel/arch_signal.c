/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Model of do_notify_resume() from arch/powerpc/kernel/signal.c, Linux v6.6,
 * with do_signal() reduced to its get_signal() call.
 *
 * Dropped: uprobe_notify_resume (TIF_UPROBE), klp_update_patch_state
 * (TIF_PATCH_PENDING), resume_user_mode_work (TIF_NOTIFY_RESUME: rseq,
 * memcg/blkcg hooks), the BUG_ON on regs, and the signal-frame setup in
 * do_signal (no signal is ever pending in the scenarios).
 */
#ifndef PC_ARCH_POWERPC_SIGNAL_C
#define PC_ARCH_POWERPC_SIGNAL_C

#include "types.h"
#include "sched.h"
#include "signal.c"

static void do_signal(struct task_struct *tsk)
{
	struct ksignal ksig = { .sig = 0 };

	get_signal(&ksig);
}

void do_notify_resume(struct pt_regs *regs, unsigned long thread_info_flags)
{
	if (thread_info_flags & (_TIF_SIGPENDING | _TIF_NOTIFY_SIGNAL))
		do_signal(current);
}

#endif /* PC_ARCH_POWERPC_SIGNAL_C */
