/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Model of io_uring/io_uring.h, Linux v6.6: io_req_task_work_add and the
 * IOU_F_TWQ_LAZY_WAKE flag; with the request, ring and per-task structures
 * from include/linux/io_uring_types.h and the setup/ring flags from
 * include/uapi/linux/io_uring.h, each reduced to the fields the task-work
 * paths use.
 */
#ifndef PC_IO_URING_IO_URING_H
#define PC_IO_URING_IO_URING_H

#include "types.h"
#include "kernel_misc.h"
#include "llist.h"
#include "sched.h"
#include "task_work.h"

/* include/uapi/linux/io_uring.h */
#define IORING_SETUP_COOP_TASKRUN	(1U << 8)
#define IORING_SETUP_TASKRUN_FLAG	(1U << 9)
#define IORING_SETUP_DEFER_TASKRUN	(1U << 13)
#define IORING_SQ_TASKRUN		(1U << 2)

/* include/linux/io_uring_types.h: request flags (bits mirror IOSQE_*) */
#define REQ_F_LINK		(1U << 2)
#define REQ_F_HARDLINK		(1U << 3)

struct io_kiocb;

/* State a task-work run carries between requests: do we hold uring_lock? */
struct io_tw_state {
	bool locked;
};

typedef void (*io_req_tw_func_t)(struct io_kiocb *req, struct io_tw_state *ts);

struct io_task_work {
	struct llist_node node;
	io_req_tw_func_t func;
};

struct io_cqe {
	u64 user_data;
	s32 res;
	u32 flags;
};

/* The part of the shared ring that task-work touches. */
struct io_rings {
	atomic_t sq_flags;		/* IORING_SQ_TASKRUN tells user space to enter */
};

struct io_ring_ctx {
	unsigned int flags;		/* IORING_SETUP_* */
	int notify_method;		/* TWA_SIGNAL, or TWA_SIGNAL_NO_IPI with COOP_TASKRUN */
	bool has_evfd;			/* a bit-field in v6.6 */
	struct task_struct *submitter_task;
	struct io_rings *rings;
	struct mutex uring_lock;
	struct percpu_ref refs;
	struct llist_head work_llist;	/* DEFER_TASKRUN task work */
	atomic_t cq_wait_nr;		/* CQEs the waiting submitter wants */
};

/* Per task: the normal (non-deferred) task-work list of all its rings. */
struct io_uring_task {
	struct llist_head task_list;
	struct callback_head task_work;	/* ->func = tctx_task_work */
	atomic_t in_cancel;
};

struct io_kiocb {
	struct io_ring_ctx *ctx;
	struct task_struct *task;
	unsigned int flags;		/* REQ_F_* */
	struct io_cqe cqe;
	struct io_task_work io_task_work;
	unsigned int nr_tw;		/* DEFER_TASKRUN: entries up to and including this one */
};

/* io_uring/io_uring.h */
enum {
	IOU_F_TWQ_LAZY_WAKE = 1,	/* wake the waiter only when enough work is queued */
};

void __io_req_task_work_add(struct io_kiocb *req, unsigned flags);
void tctx_task_work(struct callback_head *cb);

static inline void io_req_task_work_add(struct io_kiocb *req)
{
	__io_req_task_work_add(req, 0);
}

#endif /* PC_IO_URING_IO_URING_H */
