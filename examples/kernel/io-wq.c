/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Model of the worker accounting and creation paths of io_uring/io-wq.c,
 * Linux v6.6: io_wq_worker_sleeping, io_wq_worker_running, create_worker_cb,
 * create_io_worker, and the helpers they call (io_worker_get,
 * io_worker_release, io_worker_ref_put, io_wq_inc_running, io_wq_dec_running,
 * io_acct_run_queue, io_queue_worker_create, io_init_new_worker,
 * io_should_retry_thread).
 *
 * When the last running worker of an accounting class blocks with work still
 * queued, io_wq_worker_sleeping() (called by the scheduler on the worker's
 * CPU) asks the ring's owning task for a new worker: it queues
 * worker->create_work with task_work_add(..., TWA_SIGNAL). The task runs
 * create_worker_cb() from task_work_run(), which creates the thread. This is
 * the path of the f0/vs0 register bug (power-model.md 4.1): the thread
 * creation copies the task's FP state from an interrupt-exit path.
 *
 * Atomics and barriers kept as in v6.6: nr_running and worker_refs are
 * atomic_t (atomic_inc/atomic_dec without barriers, atomic_dec_and_test fully
 * ordered); worker->ref is a refcount_t (refcount.h); create_state bit 0 is
 * taken with test_and_set_bit_lock (acquire) and released with
 * clear_bit_unlock (release); nr_workers is protected by wq->lock and the
 * work list by acct->lock (raw spinlocks); worker->flags is a plain field
 * only the worker itself writes.
 *
 * Abstracted: thread creation (create_io_thread, bound by the harness: the new
 * task or NULL for failure) and the worker allocation (kzalloc, bound by the
 * harness). Dropped: the free/all worker lists (RCU hlists; only affect which
 * idle worker gets woken), CPU affinity, io_should_retry_thread's
 * retry-through-a-workqueue path (treated as "do not retry"), the io-wq exit
 * and cancellation paths (IO_WQ_BIT_EXIT is still tested), hashed-work
 * stalls except the IO_ACCT_STALLED_BIT test.
 * [uncertain for v6.6: whether io_acct_run_queue() returns with acct->lock
 * held (its caller unlocking) or unlocks itself; the lock/unlock pair and
 * its barriers are the same either way. The model unlocks in the caller.]
 */
#ifndef PC_IO_URING_IO_WQ_C
#define PC_IO_URING_IO_WQ_C

#include "types.h"
#include "kernel_misc.h"
#include "bitops.h"
#include "refcount.h"
#include "sched.h"
#include "task_work.c"

enum {
	IO_WORKER_F_UP		= 1,	/* up and active */
	IO_WORKER_F_RUNNING	= 2,	/* counted in nr_running */
	IO_WORKER_F_FREE	= 4,	/* on the free list */
	IO_WORKER_F_BOUND	= 8,	/* does bounded work */
};

enum {
	IO_WQ_BIT_EXIT		= 0,	/* wq exiting */
};

enum {
	IO_ACCT_STALLED_BIT	= 0,	/* stalled on hashed work */
};

enum {
	IO_WQ_ACCT_BOUND,
	IO_WQ_ACCT_UNBOUND,
	IO_WQ_ACCT_NR,
};

#define NUMA_NO_NODE (-1)

/* io_uring/slist.h */
struct io_wq_work_node {
	struct io_wq_work_node *next;
};

struct io_wq_work_list {
	struct io_wq_work_node *first;
	struct io_wq_work_node *last;
};

static inline bool wq_list_empty(struct io_wq_work_list *list)
{
	return READ_ONCE(list->first) == NULL;
}

struct io_wq;

struct io_worker {
	refcount_t ref;
	unsigned flags;			/* IO_WORKER_F_*, written by the worker only */
	struct task_struct *task;
	struct io_wq *wq;
	struct completion ref_done;
	unsigned long create_state;	/* bit 0: create_work is queued */
	struct callback_head create_work;
	int create_index;		/* which acct create_work is for */
};

struct io_wq_acct {
	unsigned nr_workers;		/* under wq->lock */
	unsigned max_workers;
	int index;
	atomic_t nr_running;
	raw_spinlock_t lock;		/* protects work_list */
	struct io_wq_work_list work_list;
	unsigned long flags;		/* IO_ACCT_STALLED_BIT */
};

struct io_wq {
	unsigned long state;		/* IO_WQ_BIT_EXIT */
	atomic_t worker_refs;
	struct completion worker_done;
	struct task_struct *task;	/* the task that owns the ring */
	struct io_wq_acct acct[IO_WQ_ACCT_NR];
	raw_spinlock_t lock;		/* protects nr_workers */
};

/* Bound by the harness: NULL means failure. */
struct task_struct *create_io_thread(int (*fn)(void *), void *arg, int node);
void *kzalloc(size_t size, gfp_t flags);

static int io_wq_worker(void *data);
static bool create_io_worker(struct io_wq *wq, int index);
static void create_worker_cb(struct callback_head *cb);

static bool io_worker_get(struct io_worker *worker)
{
	return refcount_inc_not_zero(&worker->ref);
}

static void io_worker_release(struct io_worker *worker)
{
	if (refcount_dec_and_test(&worker->ref))
		complete(&worker->ref_done);
}

static inline struct io_wq_acct *io_get_acct(struct io_wq *wq, bool bound)
{
	return &wq->acct[bound ? IO_WQ_ACCT_BOUND : IO_WQ_ACCT_UNBOUND];
}

static inline struct io_wq_acct *io_wq_get_acct(struct io_worker *worker)
{
	return io_get_acct(worker->wq, worker->flags & IO_WORKER_F_BOUND);
}

static void io_worker_ref_put(struct io_wq *wq)
{
	if (atomic_dec_and_test(&wq->worker_refs))
		complete(&wq->worker_done);
}

static inline bool __io_acct_run_queue(struct io_wq_acct *acct)
{
	return !test_bit(IO_ACCT_STALLED_BIT, &acct->flags) &&
		!wq_list_empty(&acct->work_list);
}

/* True, with acct->lock held, if there is runnable work; else false, unlocked. */
static inline bool io_acct_run_queue(struct io_wq_acct *acct)
{
	raw_spin_lock(&acct->lock);
	if (__io_acct_run_queue(acct))
		return true;

	raw_spin_unlock(&acct->lock);
	return false;
}

static void io_wq_inc_running(struct io_worker *worker)
{
	struct io_wq_acct *acct = io_wq_get_acct(worker);

	atomic_inc(&acct->nr_running);
}

/* Runs in the task that owns the ring, from task_work_run(). */
static void create_worker_cb(struct callback_head *cb)
{
	struct io_worker *worker;
	struct io_wq *wq;

	struct io_wq_acct *acct;
	bool do_create = false;

	worker = container_of(cb, struct io_worker, create_work);
	wq = worker->wq;
	acct = &wq->acct[worker->create_index];
	raw_spin_lock(&wq->lock);

	if (acct->nr_workers < acct->max_workers) {
		acct->nr_workers++;
		do_create = true;
	}
	raw_spin_unlock(&wq->lock);
	if (do_create) {
		create_io_worker(wq, worker->create_index);
	} else {
		atomic_dec(&acct->nr_running);
		io_worker_ref_put(wq);
	}
	clear_bit_unlock(0, &worker->create_state);
	io_worker_release(worker);
}

/* Queue func (create_worker_cb) as task_work of the ring's task. */
static bool io_queue_worker_create(struct io_worker *worker,
				   struct io_wq_acct *acct,
				   task_work_func_t func)
{
	struct io_wq *wq = worker->wq;

	/* raced with exit: ignore */
	if (test_bit(IO_WQ_BIT_EXIT, &wq->state))
		goto fail;
	if (!io_worker_get(worker))
		goto fail;
	/* create_state owns create_work: one queued creation per worker */
	if (test_bit(0, &worker->create_state) ||
	    test_and_set_bit_lock(0, &worker->create_state))
		goto fail_release;

	atomic_inc(&wq->worker_refs);
	init_task_work(&worker->create_work, func);
	worker->create_index = acct->index;
	if (!task_work_add(wq->task, &worker->create_work, TWA_SIGNAL)) {
		/*
		 * v6.6 re-tests IO_WQ_BIT_EXIT here and cancels the queued
		 * creation if the wq started exiting meanwhile; the exit path is
		 * not modelled.
		 */
		io_worker_ref_put(wq);
		return true;
	}
	io_worker_ref_put(wq);
	clear_bit_unlock(0, &worker->create_state);
fail_release:
	io_worker_release(worker);
fail:
	atomic_dec(&acct->nr_running);
	io_worker_ref_put(wq);
	return false;
}

static void io_wq_dec_running(struct io_worker *worker)
{
	struct io_wq_acct *acct = io_wq_get_acct(worker);
	struct io_wq *wq = worker->wq;

	if (!(worker->flags & IO_WORKER_F_UP))
		return;

	if (!atomic_dec_and_test(&acct->nr_running))
		return;
	if (!io_acct_run_queue(acct))
		return;

	raw_spin_unlock(&acct->lock);
	atomic_inc(&acct->nr_running);
	atomic_inc(&wq->worker_refs);
	io_queue_worker_create(worker, acct, create_worker_cb);
}

/* Called by the scheduler when the worker thread tsk starts running again. */
void io_wq_worker_running(struct task_struct *tsk)
{
	struct io_worker *worker = tsk->worker_private;

	if (!worker)
		return;
	if (!(worker->flags & IO_WORKER_F_UP))
		return;
	if (worker->flags & IO_WORKER_F_RUNNING)
		return;
	worker->flags |= IO_WORKER_F_RUNNING;
	io_wq_inc_running(worker);
}

/*
 * Called by the scheduler when the worker thread tsk blocks: if no worker of
 * its class is left running while work is queued, have another one created.
 */
void io_wq_worker_sleeping(struct task_struct *tsk)
{
	struct io_worker *worker = tsk->worker_private;

	if (!worker)
		return;
	if (!(worker->flags & IO_WORKER_F_UP))
		return;
	if (!(worker->flags & IO_WORKER_F_RUNNING))
		return;

	worker->flags &= ~IO_WORKER_F_RUNNING;
	io_wq_dec_running(worker);
}

static void io_init_new_worker(struct io_wq *wq, struct io_worker *worker,
			       struct task_struct *tsk)
{
	tsk->worker_private = worker;
	worker->task = tsk;
	/* set_cpus_allowed_ptr(tsk, wq->cpu_mask): affinity, dropped */

	raw_spin_lock(&wq->lock);
	/* adding the worker to wq->free_list and wq->all_list: dropped */
	worker->flags |= IO_WORKER_F_FREE;
	raw_spin_unlock(&wq->lock);
	wake_up_new_task(tsk);
}

/* v6.6 retries on -EAGAIN and friends through a workqueue: not modelled. */
static inline bool io_should_retry_thread(long err)
{
	return false;
}

/* The new worker's thread function: not run by the harnesses. */
static int io_wq_worker(void *data)
{
	return 0;
}

static bool create_io_worker(struct io_wq *wq, int index)
{
	struct io_wq_acct *acct = &wq->acct[index];
	struct io_worker *worker;
	struct task_struct *tsk;

	__set_current_state(TASK_RUNNING);

	worker = kzalloc(sizeof(*worker), GFP_KERNEL);
	if (!worker) {
fail:
		atomic_dec(&acct->nr_running);
		raw_spin_lock(&wq->lock);
		acct->nr_workers--;
		raw_spin_unlock(&wq->lock);
		io_worker_ref_put(wq);
		return false;
	}

	refcount_set(&worker->ref, 1);
	worker->wq = wq;
	/* raw_spin_lock_init(&worker->lock), init_completion(&worker->ref_done): dropped */

	if (index == IO_WQ_ACCT_BOUND)
		worker->flags |= IO_WORKER_F_BOUND;

	tsk = create_io_thread(io_wq_worker, worker, NUMA_NO_NODE);
	if (!IS_ERR(tsk)) {
		io_init_new_worker(wq, worker, tsk);
	} else if (!io_should_retry_thread(PTR_ERR(tsk))) {
		kfree(worker);
		goto fail;
	}
	/* else: INIT_WORK + schedule_work(io_workqueue_create) retry, not modelled */

	return true;
}

#endif /* PC_IO_URING_IO_WQ_C */
