/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Model of include/linux/task_work.h, Linux v6.6: the notification modes
 * (enum task_work_notify_mode), init_task_work, task_work_pending, and the
 * prototypes of kernel/task_work.c (modelled in task_work.c).
 */
#ifndef PC_LINUX_TASK_WORK_H
#define PC_LINUX_TASK_WORK_H

#include "types.h"
#include "sched.h"

typedef void (*task_work_func_t)(struct callback_head *);

enum task_work_notify_mode {
	TWA_NONE,
	TWA_RESUME,
	TWA_SIGNAL,
	TWA_SIGNAL_NO_IPI,
};

static inline void init_task_work(struct callback_head *twork, task_work_func_t func)
{
	twork->func = func;
}

static inline bool task_work_pending(struct task_struct *task)
{
	return READ_ONCE(task->task_works);
}

int task_work_add(struct task_struct *task, struct callback_head *twork,
		  enum task_work_notify_mode mode);
void task_work_run(void);

#endif /* PC_LINUX_TASK_WORK_H */
