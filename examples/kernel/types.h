/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Model of include/linux/types.h, include/linux/stddef.h and the raw spinlock
 * type (include/linux/spinlock_types_raw.h), Linux v6.6, ppc64: the scalar
 * types, atomic_t/atomic_long_t, struct callback_head and raw_spinlock_t as
 * the other models use them. Layouts keep only the fields the models touch.
 */
#ifndef PC_LINUX_TYPES_H
#define PC_LINUX_TYPES_H

#include "pc_model.h"

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef int s32;
typedef long long s64;
typedef unsigned long size_t;
typedef unsigned int gfp_t;

typedef _Bool bool;
enum { false = 0, true = 1 };
#define NULL ((void *)0)

#define GFP_KERNEL 0u

/* The counters the atomic_*() and atomic_long_*() primitives operate on. */
typedef struct {
	int counter;
} atomic_t;

typedef struct {
	long counter;
} atomic_long_t;

/*
 * The node of the RCU and task_work lists: a next pointer and the function to
 * call. task_work_add() links these through ->next.
 */
struct callback_head {
	struct callback_head *next;
	void (*func)(struct callback_head *head);
} __attribute__((aligned(sizeof(void *))));

/*
 * The lock word raw_spin_lock()/raw_spin_unlock() operate on (the simple
 * spinlock's word; qspinlock has the same ordering, power-model.md 2.5).
 */
typedef struct raw_spinlock {
	unsigned int slock;
} raw_spinlock_t;

/* Only ever used through a pointer in the models. */
struct pt_regs;

#define BITS_PER_LONG 64
#define BIT(nr) (1UL << (nr))
#define BIT_MASK(nr) (1UL << ((nr) % BITS_PER_LONG))
#define BIT_WORD(nr) ((nr) / BITS_PER_LONG)

#endif /* PC_LINUX_TYPES_H */
