/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Model of the CPU-topology helpers the doorbell code uses, Linux v6.6 ppc64:
 * threads_per_core, cpu_thread_in_core, cpu_first_thread_sibling
 * (arch/powerpc/include/asm/cputhreads.h), get_hard_smp_processor_id and the
 * sibling test cpumask_test_cpu(cpu, cpu_sibling_mask(this_cpu))
 * (arch/powerpc/include/asm/smp.h).
 *
 * Simplification: the kernel reads the hardware id (paca->hw_cpu_id) and the
 * sibling map from per-CPU data written once at boot. Read-only data adds no
 * ordering, so the models compute both: hardware thread id (PIR) = logical CPU
 * number, and CPUs n and m are siblings when they lie in the same block of
 * threads_per_core CPUs.
 */
#ifndef PC_ASM_CPUTHREADS_H
#define PC_ASM_CPUTHREADS_H

#include "types.h"

#define threads_per_core PC_THREADS_PER_CORE

static inline int cpu_thread_in_core(int cpu)
{
	return cpu & (threads_per_core - 1);
}

static inline int cpu_first_thread_sibling(int cpu)
{
	return cpu & ~(threads_per_core - 1);
}

static inline int get_hard_smp_processor_id(int cpu)
{
	return cpu;
}

/* cpumask_test_cpu(cpu, cpu_sibling_mask(this_cpu)) */
static inline bool cpu_is_sibling_of(int cpu, int this_cpu)
{
	return cpu_first_thread_sibling(cpu) == cpu_first_thread_sibling(this_cpu);
}

#endif /* PC_ASM_CPUTHREADS_H */
