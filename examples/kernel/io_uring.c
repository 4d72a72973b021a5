/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Model of the task-work paths of io_uring/io_uring.c, Linux v6.6:
 *   add side:  __io_req_task_work_add, io_req_normal_work_add,
 *              io_req_local_work_add (io_req_task_work_add is in io_uring.h);
 *   run side:  tctx_task_work, handle_tw_list, ctx_flush_and_put,
 *              __io_run_local_work, io_run_local_work;
 *   helpers:   io_llist_xchg, io_llist_cmpxchg, io_fallback_tw (reduced).
 *
 * A completed request is handed to its submitting task in one of two ways
 * (scenarios.md S6):
 *  - normal: llist_add() to the task's io_uring_task list; the first adder
 *    queues the task's tctx->task_work with task_work_add() (task_work.c),
 *    and the task runs tctx_task_work(), which swaps the list out with a full
 *    xchg() and calls each request's io_task_work.func;
 *  - IORING_SETUP_DEFER_TASKRUN: a try_cmpxchg() push onto ctx->work_llist,
 *    then a wake-up of the submitter if it waits for enough completions; the
 *    submitter runs the list itself in __io_run_local_work().
 *
 * Dropped: tracing, the prefetch() of the next request, the need_resched()
 * break-out in handle_tw_list, and the INDIRECT_CALL_2() wrapper (a direct
 * call when the pointer matches one of two expected functions; here the
 * indirect call). CQE posting (io_submit_flush_completions), eventfd
 * signalling and cancellation cleanup are no-ops; uring_lock and ring
 * references are abstracted in kernel_misc.h.
 *
 * Version note: this is v6.6 as tagged. Later 6.6.y stable releases took the
 * v6.9 rework ("io_uring: remove looping around handling traditional
 * task_work", "... unconditional looping in local task_work handling"):
 * tctx_task_work then takes the list once with llist_del_all() (a full xchg,
 * like io_llist_xchg here) instead of the marker-node loop.
 */
#ifndef PC_IO_URING_IO_URING_C
#define PC_IO_URING_IO_URING_C

#include "types.h"
#include "kernel_misc.h"
#include "llist.h"
#include "sched.h"
#include "task_work.c"
#include "io_uring.h"

/* Posting completions to the CQ ring is not part of the scenarios. */
static inline void io_submit_flush_completions(struct io_ring_ctx *ctx)
{
}

static inline void io_eventfd_signal(struct io_ring_ctx *ctx)
{
}

static inline void io_uring_drop_tctx_refs(struct task_struct *task)
{
}

/* Finish with one ring: clear the TASKRUN hint, drop the lock and reference. */
static void ctx_flush_and_put(struct io_ring_ctx *ctx, struct io_tw_state *ts)
{
	if (!ctx)
		return;
	if (ctx->flags & IORING_SETUP_TASKRUN_FLAG)
		atomic_andnot(IORING_SQ_TASKRUN, &ctx->rings->sq_flags);
	if (ts->locked) {
		io_submit_flush_completions(ctx);
		mutex_unlock(&ctx->uring_lock);
		ts->locked = false;
	}
	percpu_ref_put(&ctx->refs);
}

/*
 * Runs the requests of a detached chain, newest first, up to last (the
 * marker node tctx_task_work left in the list) or the end of the chain.
 */
static unsigned int handle_tw_list(struct llist_node *node,
				   struct io_ring_ctx **ctx,
				   struct io_tw_state *ts,
				   struct llist_node *last)
{
	unsigned int count = 0;

	while (node && node != last) {
		struct llist_node *next = node->next;
		struct io_kiocb *req = container_of(node, struct io_kiocb,
						    io_task_work.node);

		if (req->ctx != *ctx) {
			ctx_flush_and_put(*ctx, ts);
			*ctx = req->ctx;
			/* batch under the ring lock when it is free */
			ts->locked = mutex_trylock(&(*ctx)->uring_lock);
			percpu_ref_get(&(*ctx)->refs);
		}
		req->io_task_work.func(req, ts);
		node = next;
		count++;
	}

	return count;
}

/* Swap the whole list for new (full xchg); returns the old first node. */
static inline struct llist_node *io_llist_xchg(struct llist_head *head,
					       struct llist_node *new)
{
	return xchg(&head->first, new);
}

/* Replace the list's first node if it is still old (full cmpxchg). */
static inline struct llist_node *io_llist_cmpxchg(struct llist_head *head,
						  struct llist_node *old,
						  struct llist_node *new)
{
	return cmpxchg(&head->first, old, new);
}

/*
 * Reached only when the task is exiting or task_work_add() failed (not in
 * the scenarios): takes the list; handing the requests to the ring's fallback
 * workqueue (llist_add + schedule_delayed_work per ring) is dropped.
 */
static void io_fallback_tw(struct io_uring_task *tctx, bool sync)
{
	llist_del_all(&tctx->task_list);
}

/*
 * The task_work callback of a task's io_uring_task (normal task work).
 * The list is swapped for a marker node on this stack, so adders that find
 * it non-empty do not queue the task_work again; the loop ends when the
 * marker can be swapped back for NULL.
 */
void tctx_task_work(struct callback_head *cb)
{
	struct io_tw_state ts = {};
	struct io_ring_ctx *ctx = NULL;
	struct io_uring_task *tctx = container_of(cb, struct io_uring_task,
						  task_work);
	struct llist_node fake = {};
	struct llist_node *node;
	unsigned int count = 0;

	if (unlikely(current->flags & PF_EXITING)) {
		io_fallback_tw(tctx, true);
		return;
	}

	do {
		node = io_llist_xchg(&tctx->task_list, &fake);
		count += handle_tw_list(node, &ctx, &ts, &fake);

		/* more work arrived: go round again without the cmpxchg */
		if (READ_ONCE(tctx->task_list.first) != &fake)
			continue;
		/* v6.6 also tests ctx->submit_state.compl_reqs here: no CQE batching modelled */
		if (ts.locked) {
			io_submit_flush_completions(ctx);
			if (READ_ONCE(tctx->task_list.first) != &fake)
				continue;
		}
		node = io_llist_cmpxchg(&tctx->task_list, &fake, NULL);
	} while (node != &fake);

	ctx_flush_and_put(ctx, &ts);

	/* relaxed: only this task sets in_cancel */
	if (unlikely(atomic_read(&tctx->in_cancel)))
		io_uring_drop_tctx_refs(current);
}

/*
 * DEFER_TASKRUN add: push req onto ctx->work_llist, then wake the submitter
 * if it waits for at least as many completions as are now queued.
 */
static inline void io_req_local_work_add(struct io_kiocb *req, unsigned flags)
{
	struct io_ring_ctx *ctx = req->ctx;
	unsigned nr_wait, nr_tw, nr_tw_prev;
	struct llist_node *first;

	if (req->flags & (REQ_F_LINK | REQ_F_HARDLINK))
		flags &= ~IOU_F_TWQ_LAZY_WAKE;

	first = READ_ONCE(ctx->work_llist.first);
	do {
		nr_tw_prev = 0;
		if (first) {
			struct io_kiocb *first_req = container_of(first,
							struct io_kiocb,
							io_task_work.node);
			/* the request may be running already; its memory stays valid */
			nr_tw_prev = READ_ONCE(first_req->nr_tw);
		}
		nr_tw = nr_tw_prev + 1;
		/* without lazy wake, large enough to always wake */
		if (!(flags & IOU_F_TWQ_LAZY_WAKE))
			nr_tw = -1U;

		req->nr_tw = nr_tw;
		req->io_task_work.node.next = first;
	} while (!try_cmpxchg(&ctx->work_llist.first, &first,
			      &req->io_task_work.node));

	if (!first) {
		if (ctx->flags & IORING_SETUP_TASKRUN_FLAG)
			atomic_or(IORING_SQ_TASKRUN, &ctx->rings->sq_flags);
		if (ctx->has_evfd)
			io_eventfd_signal(ctx);
	}

	nr_wait = atomic_read(&ctx->cq_wait_nr);
	/* nobody waits */
	if (!nr_wait)
		return;
	/* not enough queued yet, or an earlier add already woke the waiter */
	if (nr_wait > nr_tw || nr_tw_prev >= nr_wait)
		return;
	/* pairs with set_current_state() in io_cqring_wait() */
	smp_mb__after_atomic();
	wake_up_state(ctx->submitter_task, TASK_INTERRUPTIBLE);
}

/* Normal add: queue on the task's list; the first adder queues the task_work. */
static void io_req_normal_work_add(struct io_kiocb *req)
{
	struct io_uring_task *tctx = req->task->io_uring;
	struct io_ring_ctx *ctx = req->ctx;

	/* the list was not empty: the task_work is already queued */
	if (!llist_add(&req->io_task_work.node, &tctx->task_list))
		return;

	if (ctx->flags & IORING_SETUP_TASKRUN_FLAG)
		atomic_or(IORING_SQ_TASKRUN, &ctx->rings->sq_flags);

	if (likely(!task_work_add(req->task, &tctx->task_work, ctx->notify_method)))
		return;

	io_fallback_tw(tctx, false);
}

void __io_req_task_work_add(struct io_kiocb *req, unsigned flags)
{
	if (req->ctx->flags & IORING_SETUP_DEFER_TASKRUN) {
		rcu_read_lock();
		io_req_local_work_add(req, flags);
		rcu_read_unlock();
	} else {
		io_req_normal_work_add(req);
	}
}

/* DEFER_TASKRUN run, by the submitter: oldest first, until the list stays empty. */
static int __io_run_local_work(struct io_ring_ctx *ctx, struct io_tw_state *ts)
{
	struct llist_node *node;
	int ret = 0;

	if (WARN_ON_ONCE(ctx->submitter_task != current))
		return -EEXIST;
	if (ctx->flags & IORING_SETUP_TASKRUN_FLAG)
		atomic_andnot(IORING_SQ_TASKRUN, &ctx->rings->sq_flags);
again:
	/* the list is newest first; run in submission order */
	node = llist_reverse_order(io_llist_xchg(&ctx->work_llist, NULL));
	while (node) {
		struct llist_node *next = node->next;
		struct io_kiocb *req = container_of(node, struct io_kiocb,
						    io_task_work.node);

		req->io_task_work.func(req, ts);
		ret++;
		node = next;
	}

	if (!llist_empty(&ctx->work_llist))
		goto again;
	if (ts->locked) {
		io_submit_flush_completions(ctx);
		if (!llist_empty(&ctx->work_llist))
			goto again;
	}
	return ret;
}

static int io_run_local_work(struct io_ring_ctx *ctx)
{
	struct io_tw_state ts = {};
	int ret;

	ts.locked = mutex_trylock(&ctx->uring_lock);
	ret = __io_run_local_work(ctx, &ts);
	if (ts.locked)
		mutex_unlock(&ctx->uring_lock);

	return ret;
}

#endif /* PC_IO_URING_IO_URING_C */
