/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Model of kvmppc_set_host_ipi and kvmppc_clear_host_ipi from
 * arch/powerpc/include/asm/kvm_ppc.h, Linux v6.6, with the one PACA field
 * they write (arch/powerpc/include/asm/paca.h, kvm_hstate.host_ipi).
 *
 * With CONFIG_KVM_BOOK3S_HV_POSSIBLE (PC_CONFIG_KVM_BOOK3S_HV_POSSIBLE, on by
 * default) the sender sets the target's host_ipi flag after a full barrier and
 * the receiver clears its own flag before a full barrier, so that a CPU running
 * a KVM guest notices host IPIs. Without it both functions are empty. Note for
 * scenario S4: the receiver's smp_mb() here orders the doorbell delivery
 * before the message read even when msgsync and the demux barriers are gone.
 */
#ifndef PC_ASM_KVM_PPC_H
#define PC_ASM_KVM_PPC_H

#include "types.h"

struct kvmppc_host_state {
	u8 host_ipi;
};

struct paca_struct {
	struct kvmppc_host_state kvm_hstate;
};

/* One PACA per CPU; paca_ptrs[] is set up at boot and read-only afterwards. */
#if NR_CPUS != 4
#error "paca_ptrs[] below lists exactly 4 CPUs"
#endif
static struct paca_struct pc_paca[NR_CPUS];
static struct paca_struct *paca_ptrs[NR_CPUS] = {
	&pc_paca[0], &pc_paca[1], &pc_paca[2], &pc_paca[3],
};

#if PC_CONFIG_KVM_BOOK3S_HV_POSSIBLE
/* Sender: message stores first, then the flag. */
static inline void kvmppc_set_host_ipi(int cpu)
{
	smp_mb();
	WRITE_ONCE(paca_ptrs[cpu]->kvm_hstate.host_ipi, 1);
}

/* Receiver: clear the flag, then process the messages. */
static inline void kvmppc_clear_host_ipi(int cpu)
{
	WRITE_ONCE(paca_ptrs[cpu]->kvm_hstate.host_ipi, 0);
	smp_mb();
}
#else
static inline void kvmppc_set_host_ipi(int cpu)
{
}

static inline void kvmppc_clear_host_ipi(int cpu)
{
}
#endif

#endif /* PC_ASM_KVM_PPC_H */
