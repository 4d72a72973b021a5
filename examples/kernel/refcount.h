/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Model of include/linux/refcount.h, Linux v6.6: refcount_set, refcount_read,
 * refcount_inc_not_zero, refcount_dec_and_test (saturation warnings dropped).
 *
 * Ordering: inc_not_zero is a relaxed try_cmpxchg loop (no barrier);
 * dec_and_test is atomic_fetch_sub_release (lwsync; loop) followed, only when
 * the count reached zero, by smp_acquire__after_ctrl_dep() (lwsync).
 */
#ifndef PC_LINUX_REFCOUNT_H
#define PC_LINUX_REFCOUNT_H

#include "types.h"

typedef struct refcount_struct {
	atomic_t refs;
} refcount_t;

static inline void refcount_set(refcount_t *r, int n)
{
	atomic_set(&r->refs, n);
}

static inline unsigned int refcount_read(const refcount_t *r)
{
	return atomic_read(&r->refs);
}

static inline bool refcount_inc_not_zero(refcount_t *r)
{
	int old = refcount_read(r);

	do {
		if (!old)
			break;
	} while (!atomic_try_cmpxchg_relaxed(&r->refs, &old, old + 1));

	return old;
}

static inline bool refcount_dec_and_test(refcount_t *r)
{
	int old = atomic_fetch_sub_release(1, &r->refs);

	if (old == 1) {
		smp_acquire__after_ctrl_dep();
		return true;
	}
	return false;
}

#endif /* PC_LINUX_REFCOUNT_H */
