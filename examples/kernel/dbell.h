/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Model of arch/powerpc/include/asm/dbell.h, Linux v6.6 (CONFIG_PPC_BOOK3S,
 * CONFIG_SMP): _ppc_msgsnd, ppc_msgsnd_sync, ppc_msgsync, ppc_msgsnd,
 * doorbell_global_ipi, doorbell_core_ipi, doorbell_try_core_ipi.
 *
 * A doorbell is sent with msgsnd (hypervisor mode) or msgsndp (otherwise).
 * The ISA orders msgsnd like a store for the purpose of sync, so every sender
 * executes sync first (ppc_msgsnd_sync). A receiver in hypervisor mode on
 * ISA 3.0 executes "msgsync; lwsync" after taking the interrupt, before it
 * reads data the sender stored (ppc_msgsync).
 *
 * The kernel chooses msgsnd/msgsndp and msgsync/nothing with boot-time
 * feature fixups (ASM_FTR_IFSET); the model chooses with PC_CPU_FTR_HVMODE and
 * PC_CPU_FTR_ARCH_300. The kernel emits msgsnd/msgsndp/msgsync as .long
 * opcodes (PPC_MSGSND() etc.); the model writes the mnemonics.
 *
 * The checker reads "msgsnd rB"/"msgsndp rB" as the IPI trigger Wipi of the
 * CPU that rB addresses: for msgsnd the PIR in the low bits
 * (rB & PPC_DBELL_PIR_MASK, = the logical CPU here, see cputhreads.h); for
 * msgsndp the thread number within the sender's core (the CPU is
 * cpu_first_thread_sibling(sender) + (rB & (threads_per_core - 1))).
 */
#ifndef PC_ASM_DBELL_H
#define PC_ASM_DBELL_H

#include "types.h"
#include "kernel_misc.h"
#include "cputhreads.h"
#include "kvm_ppc.h"

#define PPC_DBELL_MSG_BRDCAST	(0x04000000)
#define PPC_DBELL_TYPE(x)	(((x) & 0xf) << (63 - 36))
#define PPC_DBELL_PIR_MASK	0x3fff

enum ppc_dbell {
	PPC_DBELL = 0,		/* doorbell */
	PPC_DBELL_CRIT = 1,	/* critical doorbell */
	PPC_G_DBELL = 2,	/* guest doorbell */
	PPC_G_DBELL_CRIT = 3,	/* guest critical doorbell */
	PPC_G_DBELL_MC = 4,	/* guest machine-check doorbell */
	PPC_DBELL_SERVER = 5,	/* doorbell on server (Book3S) */
};

#define PPC_DBELL_MSGTYPE	PPC_DBELL_SERVER

/* The trigger: no barrier of its own (and no "memory" clobber, as in v6.6). */
static inline void _ppc_msgsnd(u32 msg)
{
#if PC_CPU_FTR_HVMODE
	__asm__ __volatile__("msgsnd %0" : : "r" (msg));
#else
	__asm__ __volatile__("msgsndp %0" : : "r" (msg));
#endif
}

/* Before sending: make the sender's earlier stores visible first. */
static inline void ppc_msgsnd_sync(void)
{
#if !PC_MUTATE_NO_MSGSND_SYNC
	__asm__ __volatile__("sync" : : : "memory");
#endif
}

/* After taking the doorbell: only needed (and only emitted) in HV mode on ISA 3.0. */
static inline void ppc_msgsync(void)
{
#if PC_CPU_FTR_HVMODE && PC_CPU_FTR_ARCH_300 && !PC_MUTATE_RELAXED_RECEIVER
	__asm__ __volatile__("msgsync; lwsync" : : : "memory");
#endif
}

static inline void ppc_msgsnd(enum ppc_dbell type, u32 flags, u32 tag)
{
	u32 msg = PPC_DBELL_TYPE(type) | (flags & PPC_DBELL_MSG_BRDCAST) |
		  (tag & 0x07ffffff);

	_ppc_msgsnd(msg);
}

/* Doorbell to any CPU, addressed by its hardware id (PIR). */
static inline void doorbell_global_ipi(int cpu)
{
	u32 tag = get_hard_smp_processor_id(cpu);

	kvmppc_set_host_ipi(cpu);
	ppc_msgsnd_sync();
	ppc_msgsnd(PPC_DBELL_MSGTYPE, 0, tag);
}

/* Doorbell to a sibling thread, addressed by its thread number in the core. */
static inline void doorbell_core_ipi(int cpu)
{
	u32 tag = cpu_thread_in_core(cpu);

	kvmppc_set_host_ipi(cpu);
	ppc_msgsnd_sync();
	ppc_msgsnd(PPC_DBELL_MSGTYPE, 0, tag);
}

/* Sends a core doorbell if cpu shares this CPU's core: 1 if sent, 0 if not. */
static inline int doorbell_try_core_ipi(int cpu)
{
	int this_cpu = get_cpu();
	int ret = 0;

	if (cpu_is_sibling_of(cpu, this_cpu)) {
		doorbell_core_ipi(cpu);
		ret = 1;
	}

	put_cpu();

	return ret;
}

void doorbell_exception(struct pt_regs *regs);

#endif /* PC_ASM_DBELL_H */
