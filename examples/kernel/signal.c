/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Model of the start of get_signal() from kernel/signal.c, Linux v6.6: the
 * part that clears TIF_NOTIFY_SIGNAL and runs pending task_work, which is how
 * task_work queued with TWA_SIGNAL runs on the way back to user mode.
 *
 * Dropped: everything after the task_sigpending() test (dequeuing and
 * delivering real signals, job control, core dumps). The scenarios never set
 * TIF_SIGPENDING, so get_signal() returns false there.
 */
#ifndef PC_KERNEL_SIGNAL_C
#define PC_KERNEL_SIGNAL_C

#include "types.h"
#include "sched.h"
#include "sched_signal.h"
#include "task_work.c"

struct ksignal {
	int sig;
};

bool get_signal(struct ksignal *ksig)
{
	/* Clear first, then look: a later task_work_add() sets the flag again. */
	clear_notify_signal();
	if (unlikely(task_work_pending(current)))
		task_work_run();

	if (!task_sigpending(current))
		return false;

	/* Signal delivery is not modelled. */
	return false;
}

#endif /* PC_KERNEL_SIGNAL_C */
