/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Model of the task-notification helpers of include/linux/sched/signal.h,
 * Linux v6.6: __set_notify_signal, set_notify_signal, clear_notify_signal,
 * task_sigpending; and set_notify_resume from include/linux/resume_user_mode.h.
 *
 * Ordering that matters (scenarios.md S5): the notifier's
 * test_and_set_tsk_thread_flag() is fully ordered (sync; ll/sc; sync), and the
 * task's clear_notify_signal() is a relaxed clear followed by
 * smp_mb__after_atomic() (sync) before it looks at its task_works.
 */
#ifndef PC_LINUX_SCHED_SIGNAL_H
#define PC_LINUX_SCHED_SIGNAL_H

#include "sched.h"

/* Called by the task itself before it checks for task_work and signals. */
static inline void clear_notify_signal(void)
{
	clear_thread_flag(TIF_NOTIFY_SIGNAL);
	smp_mb__after_atomic();
}

/*
 * Sets TIF_NOTIFY_SIGNAL; true when the caller must also kick the task
 * (the flag was clear and the task was not asleep to be woken).
 */
static inline bool __set_notify_signal(struct task_struct *task)
{
	return !test_and_set_tsk_thread_flag(task, TIF_NOTIFY_SIGNAL) &&
	       !wake_up_state(task, TASK_INTERRUPTIBLE);
}

/* Makes the task leave user mode (or an interruptible wait) soon. */
static inline void set_notify_signal(struct task_struct *task)
{
	if (__set_notify_signal(task))
		kick_process(task);
}

static inline int task_sigpending(struct task_struct *p)
{
	return unlikely(test_tsk_thread_flag(p, TIF_SIGPENDING));
}

/* include/linux/resume_user_mode.h */
static inline void set_notify_resume(struct task_struct *task)
{
	if (!test_and_set_tsk_thread_flag(task, TIF_NOTIFY_RESUME))
		kick_process(task);
}

#endif /* PC_LINUX_SCHED_SIGNAL_H */
