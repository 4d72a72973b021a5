/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Model of kernel/task_work.c, Linux v6.6: task_work_add, task_work_run.
 *
 * The task's pending work is a LIFO list of callback_heads hanging off
 * task->task_works. task_work_add() links the new entry with a full
 * try_cmpxchg() (sync; cmploop; sync) and then notifies the task;
 * task_work_run(), run by the task itself, detaches the whole list with a
 * full try_cmpxchg() and calls each entry's ->func.
 *
 * Dropped: kasan_record_aux_stack() (debug); task_work_cancel*() (not in the
 * scenarios). Kept: the pi_lock lock/unlock pair in task_work_run (it only
 * synchronises with cancellation, but its barriers are real).
 *
 * Notification: set_notify_signal() (sched_signal.h) is
 * test_and_set_tsk_thread_flag(TIF_NOTIFY_SIGNAL), then wake_up_state() and
 * kick_process(), both bound by the harness.
 */
#ifndef PC_KERNEL_TASK_WORK_C
#define PC_KERNEL_TASK_WORK_C

#include "types.h"
#include "kernel_misc.h"
#include "sched.h"
#include "sched_signal.h"
#include "task_work.h"

/* Terminator installed by an exiting task: only its address matters. */
static struct callback_head work_exited;

/*
 * Queues work for task and notifies it as mode says.
 * Returns 0, or -ESRCH when the task has already run its final task_work.
 */
int task_work_add(struct task_struct *task, struct callback_head *work,
		  enum task_work_notify_mode notify)
{
	struct callback_head *head;

#if !PC_MUTATE_TASK_WORK_RELAXED_PUBLISH
	head = READ_ONCE(task->task_works);
	do {
		if (unlikely(head == &work_exited))
			return -ESRCH;
		work->next = head;
	} while (!try_cmpxchg(&task->task_works, &head, work));
#else
	/* S5 mutation: the same loop with a relaxed (barrier-free) publication. */
	head = READ_ONCE(task->task_works);
	do {
		if (unlikely(head == &work_exited))
			return -ESRCH;
		work->next = head;
	} while (!try_cmpxchg_relaxed(&task->task_works, &head, work));
#endif

	switch (notify) {
	case TWA_NONE:
		break;
	case TWA_RESUME:
		set_notify_resume(task);
		break;
	case TWA_SIGNAL:
		set_notify_signal(task);
		break;
	case TWA_SIGNAL_NO_IPI:
		__set_notify_signal(task);
		break;
	default:
		WARN_ON_ONCE(1);
		break;
	}

	return 0;
}

/*
 * Runs current's pending work, newest first, until the list stays empty.
 * An exiting task finally installs work_exited so later adds fail.
 */
void task_work_run(void)
{
	struct task_struct *task = current;
	struct callback_head *work, *head, *next;

	for (;;) {
		/* Take the whole list; a failed try_cmpxchg reloads work. */
		work = READ_ONCE(task->task_works);
		do {
			head = NULL;
			if (!work) {
				if (task->flags & PF_EXITING)
					head = &work_exited;
				else
					break;
			}
		} while (!try_cmpxchg(&task->task_works, &work, head));

		if (!work)
			break;

		/* Wait out a concurrent task_work_cancel() on a later entry. */
		raw_spin_lock_irq(&task->pi_lock);
		raw_spin_unlock_irq(&task->pi_lock);

		do {
			next = work->next;
			work->func(work);
			work = next;
			cond_resched();
		} while (work);
	}
}

#endif /* PC_KERNEL_TASK_WORK_C */
