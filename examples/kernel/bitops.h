/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Model of arch/powerpc/include/asm/bitops.h, Linux v6.6 (ppc64): set_bit,
 * clear_bit, test_bit, test_and_set_bit, test_and_set_bit_lock,
 * clear_bit_unlock.
 *
 * powerpc writes each one as an ldarx/stdcx. loop on the 64-bit word that holds
 * the bit, with these barriers (power-model.md 2.4):
 *   set_bit, clear_bit           loop, no barrier
 *   test_and_set_bit             sync; loop; sync
 *   test_and_set_bit_lock        loop; PPC_ACQUIRE_BARRIER (lwsync on POWER9)
 *   clear_bit_unlock             lwsync; loop
 * The model writes each loop as the atomic_long_*() operation with exactly that
 * ordering (the same instruction sequence), instead of the kernel's asm.
 */
#ifndef PC_ASM_BITOPS_H
#define PC_ASM_BITOPS_H

#include "types.h"

static inline atomic_long_t *bitop_word(long nr, volatile unsigned long *addr)
{
	return (atomic_long_t *)&addr[BIT_WORD(nr)];
}

static inline void set_bit(long nr, volatile unsigned long *addr)
{
	atomic_long_or(BIT_MASK(nr), bitop_word(nr, addr));
}

static inline void clear_bit(long nr, volatile unsigned long *addr)
{
	atomic_long_andnot(BIT_MASK(nr), bitop_word(nr, addr));
}

/* generic_test_bit(): one plain load of the word. */
static inline bool test_bit(long nr, const volatile unsigned long *addr)
{
	return 1UL & (READ_ONCE(addr[BIT_WORD(nr)]) >> (nr & (BITS_PER_LONG - 1)));
}

/* Fully ordered: sync; ldarx/or/stdcx.; sync. */
static inline bool test_and_set_bit(long nr, volatile unsigned long *addr)
{
	unsigned long mask = BIT_MASK(nr);

	return (atomic_long_fetch_or(mask, bitop_word(nr, addr)) & mask) != 0;
}

/* Acquire: ldarx/or/stdcx.; then PPC_ACQUIRE_BARRIER. */
static inline bool test_and_set_bit_lock(long nr, volatile unsigned long *addr)
{
	unsigned long mask = BIT_MASK(nr);

	return (atomic_long_fetch_or_acquire(mask, bitop_word(nr, addr)) & mask) != 0;
}

/* Release: PPC_RELEASE_BARRIER (lwsync), then clear_bit(). */
static inline void clear_bit_unlock(long nr, volatile unsigned long *addr)
{
	__asm__ __volatile__("lwsync" : : : "memory");
	clear_bit(nr, addr);
}

#endif /* PC_ASM_BITOPS_H */
