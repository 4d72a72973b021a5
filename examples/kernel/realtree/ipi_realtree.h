/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Shared by the IPI harnesses of this folder (scenarios.md S1, S2): a kernel tree's own
 * arch/powerpc/kernel/smp.c and dbell.c, the payload the sender writes before its IPI, the
 * instrumented RESCHEDULE action, and the boot-time state the IPI path reads (the pacas, the
 * platform's smp_ops). scheduler_ipi() is renamed after linux/sched.h (which defines it) is
 * read, so that smp_ipi_demux_relaxed() calls the instrumented one, which reads the payload
 * (r_data) and records that it ran (got). A harness sets, in its init block,
 * smp_ops = &pnv_smp_ops, paca_ptrs = pc_paca_ptrs, local_paca = &pc_pacas[1] and each
 * pc_pacas[n].hw_cpu_id = n.
 */
#ifndef PC_REALTREE_IPI_H
#define PC_REALTREE_IPI_H

#include <linux/sched.h>
#define scheduler_ipi pc_scheduler_ipi
#include "arch/powerpc/kernel/smp.c"
#include "arch/powerpc/kernel/dbell.c"

int data;
static struct pt_regs regs1;	/* what the interrupted context saved */
int got;
int r_data;

void pc_scheduler_ipi(void)
{
	WRITE_ONCE(r_data, READ_ONCE(data));
	WRITE_ONCE(got, 1);
}

/* CALL_FUNCTION action: its work (the csd queue) is not part of this check. */
void generic_smp_call_function_single_interrupt(void)
{
}

/*
 * The boot CPU's allocations (allocate_paca_ptrs, allocate_paca): one paca per CPU, its
 * hw_cpu_id the CPU's PIR, which is its number here; r13 (local_paca) on CPU1 points to its own.
 */
static struct paca_struct pc_pacas[4];
static struct paca_struct *pc_paca_ptrs[4] = { &pc_pacas[0], &pc_pacas[1], &pc_pacas[2], &pc_pacas[3] };
struct paca_struct **paca_ptrs;

/* Platform (pnv_smp_probe with CPU_FTR_DBELL and ISA 3.0). */
static struct smp_ops_t pnv_smp_ops = {
	.message_pass = NULL,
	.cause_ipi = doorbell_global_ipi,
};

#endif /* PC_REALTREE_IPI_H */
