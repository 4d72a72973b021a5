/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Model of the task and thread-flag interface the other models use, Linux v6.6
 * ppc64: struct task_struct (include/linux/sched.h, reduced to the fields the
 * models touch), the TIF_* flags (arch/powerpc/include/asm/thread_info.h),
 * current (arch/powerpc/include/asm/current.h), the thread-flag helpers
 * (include/linux/sched.h, include/linux/thread_info.h), set_current_state()
 * with smp_store_mb() (include/asm-generic/barrier.h), and the scheduler entry
 * points the models call (kernel/sched/core.c).
 *
 * Harness bindings (declared here, defined by each harness that needs them):
 *   get_current()  - the task running on the calling CPU (current);
 *   wake_up_state() - try_to_wake_up(); returns 1 if it woke the task;
 *   kick_process() - IPI a task running on another CPU.
 */
#ifndef PC_LINUX_SCHED_H
#define PC_LINUX_SCHED_H

#include "types.h"
#include "bitops.h"

/* task->flags (PF_*) */
#define PF_EXITING	0x00000004
#define PF_IO_WORKER	0x00000010

/* task->__state */
#define TASK_RUNNING		0x00000000
#define TASK_INTERRUPTIBLE	0x00000001

/* Thread flags, bit numbers as in v6.6 arch/powerpc/include/asm/thread_info.h. */
#define TIF_SIGPENDING		1
#define TIF_NEED_RESCHED	2
#define TIF_NOTIFY_SIGNAL	3
#define TIF_RESTORE_TM		5
#define TIF_PATCH_PENDING	6
#define TIF_NOTIFY_RESUME	13
#define TIF_UPROBE		14

#define _TIF_SIGPENDING		(1UL << TIF_SIGPENDING)
#define _TIF_NEED_RESCHED	(1UL << TIF_NEED_RESCHED)
#define _TIF_NOTIFY_SIGNAL	(1UL << TIF_NOTIFY_SIGNAL)
#define _TIF_RESTORE_TM		(1UL << TIF_RESTORE_TM)
#define _TIF_PATCH_PENDING	(1UL << TIF_PATCH_PENDING)
#define _TIF_NOTIFY_RESUME	(1UL << TIF_NOTIFY_RESUME)
#define _TIF_UPROBE		(1UL << TIF_UPROBE)

#define _TIF_USER_WORK_MASK	(_TIF_SIGPENDING | _TIF_NEED_RESCHED | \
				 _TIF_NOTIFY_RESUME | _TIF_UPROBE | \
				 _TIF_RESTORE_TM | _TIF_PATCH_PENDING | \
				 _TIF_NOTIFY_SIGNAL)

/* ppc64 has THREAD_INFO_IN_TASK: thread_info is the first member of the task. */
struct thread_info {
	unsigned long flags;		/* TIF_* bits, updated with atomic bitops */
};

struct io_uring_task;

struct task_struct {
	struct thread_info thread_info;
	unsigned int __state;
	unsigned int flags;		/* PF_* */
	raw_spinlock_t pi_lock;
	struct callback_head *task_works;
	struct io_uring_task *io_uring;
	void *worker_private;		/* io-wq worker of an io-wq thread */
};

/* current: the task running on this CPU (bound by the harness). */
struct task_struct *get_current(void);
#define current get_current()

#define current_thread_info() (&current->thread_info)

static inline unsigned long read_thread_flags(void)
{
	return READ_ONCE(current_thread_info()->flags);
}

/* include/asm-generic/barrier.h (powerpc does not override it) */
#define smp_store_mb(var, value) \
	do { WRITE_ONCE(var, value); smp_mb(); } while (0)

#define __set_current_state(state_value) \
	WRITE_ONCE(current->__state, (state_value))
#define set_current_state(state_value) \
	smp_store_mb(current->__state, (state_value))

static inline void set_tsk_thread_flag(struct task_struct *tsk, int flag)
{
	set_bit(flag, &tsk->thread_info.flags);
}

static inline bool test_and_set_tsk_thread_flag(struct task_struct *tsk, int flag)
{
	return test_and_set_bit(flag, &tsk->thread_info.flags);
}

static inline bool test_tsk_thread_flag(struct task_struct *tsk, int flag)
{
	return test_bit(flag, &tsk->thread_info.flags);
}

static inline void clear_thread_flag(int flag)
{
	clear_bit(flag, &current_thread_info()->flags);
}

/* Bound by the harness. The real wake_up_state() starts with
 * raw_spin_lock_irqsave(&p->pi_lock) and smp_mb__after_spinlock(); a binding
 * that leaves them out only loses ordering (sound for "safe"). */
int wake_up_state(struct task_struct *p, unsigned int state);
void kick_process(struct task_struct *p);

/*
 * schedule() and wake_up_new_task(): running another task is not modelled.
 * schedule() returns at once; wake_up_new_task() does not start the new task.
 */
static inline void schedule(void)
{
}

static inline void wake_up_new_task(struct task_struct *p)
{
}

#endif /* PC_LINUX_SCHED_H */
