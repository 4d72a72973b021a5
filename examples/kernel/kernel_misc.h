/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Small pieces of other Linux v6.6 kernel files that the models call, either
 * modelled exactly or abstracted. Each entry names its kernel file and says
 * what was dropped. Rule used throughout: an abstraction may drop a barrier
 * (that can only add behaviours, so a "safe" verdict stays sound) but never
 * adds one.
 */
#ifndef PC_KERNEL_MISC_H
#define PC_KERNEL_MISC_H

#include "types.h"

/* include/linux/smp.h: get_cpu()/put_cpu() (exact: preemption only). */
static inline int get_cpu(void)
{
	preempt_disable();
	return smp_processor_id();
}

static inline void put_cpu(void)
{
	preempt_enable();
}

/*
 * include/linux/rcupdate.h: rcu_read_lock()/rcu_read_unlock(). With
 * CONFIG_PREEMPT_RCU=n (ppc64 defconfigs) they only disable preemption.
 */
static inline void rcu_read_lock(void)
{
	preempt_disable();
}

static inline void rcu_read_unlock(void)
{
	preempt_enable();
}

/* kernel/sched/core.c: cond_resched(). Rescheduling is not modelled. */
static inline int cond_resched(void)
{
	return 0;
}

/* include/asm-generic/bug.h: WARN_ON_ONCE() (the warning itself dropped). */
static inline bool WARN_ON_ONCE(bool condition)
{
	return condition;
}

/*
 * include/linux/err.h: error pointers. The models' external calls return NULL
 * for failure instead of an ERR_PTR() value, so IS_ERR() is a NULL test.
 */
#define MAX_ERRNO 4095
#define EAGAIN 11
#define ESRCH 3
#define EEXIST 17

static inline bool IS_ERR(const void *ptr)
{
	return ptr == NULL;
}

static inline long PTR_ERR(const void *ptr)
{
	return -EAGAIN;
}

/*
 * include/linux/completion.h: complete() wakes waiters of teardown paths that
 * the scenarios do not run. Abstracted: no memory effect (the real one takes
 * a spinlock).
 */
struct completion {
	unsigned int done;
};

static inline void complete(struct completion *x)
{
}

/* mm/slab_common.c: kfree(). Freed objects are never reused in a harness. */
static inline void kfree(const void *objp)
{
}

/*
 * kernel/locking/mutex.c: the io_uring ring lock only serialises CQE posting,
 * which the scenarios do not model. mutex_trylock() reports contention (the
 * callers then skip the flush), and its acquire barrier and the release
 * barrier of mutex_unlock() are dropped.
 */
struct mutex {
	atomic_long_t owner;
};

static inline bool mutex_trylock(struct mutex *lock)
{
	return false;
}

static inline void mutex_unlock(struct mutex *lock)
{
}

/* lib/percpu-refcount.c: ring references; never dropped to zero in a harness. */
struct percpu_ref {
	atomic_long_t count;
};

static inline void percpu_ref_get(struct percpu_ref *ref)
{
}

static inline void percpu_ref_put(struct percpu_ref *ref)
{
}

#endif /* PC_KERNEL_MISC_H */
