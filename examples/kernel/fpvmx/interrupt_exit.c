// SPDX-License-Identifier: Apache-2.0
/*
 * A model of the path from an asynchronous interrupt taken in user mode back to user mode when
 * io_uring has queued TWA_SIGNAL task work (Linux v6.6), written for powercheck, abstracted as
 * power-model.md 4.4 item 3 allows:
 *   interrupt_exit_user_prepare_main (arch/powerpc/kernel/interrupt.c)
 *     -> do_notify_resume -> get_signal (arch/powerpc/kernel/signal.c, kernel/signal.c)
 *       -> task_work_run (kernel/task_work.c)
 *         -> create_worker_cb -> create_io_worker (io_uring/io-wq.c)
 *           -> create_io_thread -> copy_process -> dup_task_struct (kernel/fork.c)
 *             -> arch_dup_task_struct (process.c)
 *     -> restore_math when a math facility is off in the user MSR
 * The C parts keep only what decides the FP/VMX state: the calls, the thread flags, the task
 * work list; the new task's memory is a static task_struct.
 */
#include "processor.h"

extern struct task_struct *current_task;
#define current current_task

int arch_dup_task_struct(struct task_struct *dst, struct task_struct *src);
void restore_math(struct pt_regs *regs);

/* the io-wq worker copy_process makes (alloc_task_struct_node) */
struct task_struct pc_new_task;

static struct task_struct *dup_task_struct(struct task_struct *orig)
{
	struct task_struct *tsk = &pc_new_task;

	arch_dup_task_struct(tsk, orig);
	return tsk;
}

static struct task_struct *copy_process(void)
{
	return dup_task_struct(current);
}

struct task_struct *create_io_thread(void)
{
	return copy_process();
}

static int create_io_worker(void)
{
	struct task_struct *tsk = create_io_thread();

	return tsk != NULL;
}

/* io-wq's task work: creates a worker from the task that queued the work */
void create_worker_cb(struct callback_head *cb)
{
	create_io_worker();
}

/* kernel/task_work.c: take the whole list, run each work */
void task_work_run(void)
{
	struct task_struct *task = current;
	struct callback_head *work, *next;

	work = READ_ONCE(task->task_works);
	if (!work)
		return;
	work = xchg(&task->task_works, NULL);
	while (work) {
		next = work->next;
		work->func(work);
		work = next;
	}
}

static void do_notify_resume(struct pt_regs *regs, unsigned long thread_info_flags)
{
	if (thread_info_flags & (_TIF_SIGPENDING | _TIF_NOTIFY_SIGNAL)) {
		/* get_signal(): task work first */
		if (thread_info_flags & _TIF_NOTIFY_SIGNAL) {
			current->ti_flags &= ~_TIF_NOTIFY_SIGNAL;
			task_work_run();
		}
	}
}

unsigned long interrupt_exit_user_prepare_main(unsigned long ret, struct pt_regs *regs)
{
	unsigned long ti_flags = current->ti_flags;
	unsigned long mathflags = MSR_FP | MSR_VEC | MSR_VSX;

	if (ti_flags & (_TIF_SIGPENDING | _TIF_NOTIFY_SIGNAL))
		do_notify_resume(regs, ti_flags);

	if ((regs->msr & mathflags) != mathflags)
		restore_math(regs);

	return ret;
}
