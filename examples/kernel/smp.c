/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Model of the IPI message passing of arch/powerpc/kernel/smp.c, Linux v6.6
 * (CONFIG_PPC_SMP_MUXED_IPI, little-endian): arch_smp_send_reschedule,
 * arch_send_call_function_single_ipi, do_message_pass,
 * smp_muxed_ipi_set_message, smp_muxed_ipi_message_pass, smp_ipi_demux,
 * smp_ipi_demux_relaxed; with struct cpu_messages, the per-CPU ipi_message,
 * the PPC_MSG_* numbers and struct smp_ops_t (arch/powerpc/include/asm/smp.h,
 * reduced to message_pass and cause_ipi).
 *
 * All message kinds to one CPU share one interrupt: the sender sets the byte
 * of its message kind in the target's ipi_message word and then calls the
 * platform's cause_ipi; the target's handler swaps the word with 0 and runs
 * the action of every byte it found set, and repeats while the word is
 * non-zero again. Barriers (power-model.md 3.1/3.2): smp_mb() before the
 * message store; a full barrier inside every cause_ipi before the trigger;
 * on the receiver the interrupt path's barrier (mb() in smp_ipi_demux,
 * msgsync in the doorbell handler) and the full xchg().
 *
 * Dropped from smp_ipi_demux_relaxed: the PPC_MSG_RM_HOST_ACTION (KVM XICS),
 * PPC_MSG_TICK_BROADCAST and PPC_MSG_NMI_IPI actions; their bytes are still
 * cleared by the same xchg().
 *
 * Harness bindings: smp_ops (the platform's table; the kernel defines the
 * pointer here and the platform's probe code fills it at boot), scheduler_ipi()
 * and generic_smp_call_function_interrupt() (the message actions).
 */
#ifndef PC_ARCH_POWERPC_SMP_C
#define PC_ARCH_POWERPC_SMP_C

#include "types.h"

/* include/linux/irqreturn.h */
typedef enum irqreturn {
	IRQ_NONE = 0,
	IRQ_HANDLED = 1,
} irqreturn_t;

/* arch/powerpc/include/asm/smp.h: message numbers (byte index in the word) */
#define PPC_MSG_CALL_FUNCTION	0
#define PPC_MSG_RESCHEDULE	1
#define PPC_MSG_TICK_BROADCAST	2
#define PPC_MSG_NMI_IPI		3
#define PPC_MSG_RM_HOST_ACTION	4

/* arch/powerpc/include/asm/smp.h: the platform's IPI operations (reduced) */
struct smp_ops_t {
	void (*message_pass)(int cpu, int msg);	/* NULL: use the muxed IPI */
	void (*cause_ipi)(int cpu);		/* must sync before its trigger */
};

extern struct smp_ops_t *smp_ops;

/* Message actions, bound by the harness. */
void scheduler_ipi(void);
void generic_smp_call_function_interrupt(void);

struct cpu_messages {
	long messages;			/* one byte per PPC_MSG_* */
};
static DEFINE_PER_CPU_SHARED_ALIGNED(struct cpu_messages, ipi_message);

/* The bit of message A's byte in the little-endian word. */
#define IPI_MESSAGE(A) (1uL << (8 * (A)))

void smp_muxed_ipi_set_message(int cpu, int msg)
{
	struct cpu_messages *info = &per_cpu(ipi_message, cpu);
	char *message = (char *)&info->messages;

	/* Whatever this CPU did before the send must be visible to the handler. */
#if !PC_MUTATE_NO_SET_MESSAGE_MB
	smp_mb();
#endif
	WRITE_ONCE(message[msg], 1);
}

void smp_muxed_ipi_message_pass(int cpu, int msg)
{
	smp_muxed_ipi_set_message(cpu, msg);

	/* The full barrier before the trigger is cause_ipi's job. */
	smp_ops->cause_ipi(cpu);
}

irqreturn_t smp_ipi_demux_relaxed(void);

/* Entry from an interrupt controller (XIVE, XICS): order the irq ack first. */
irqreturn_t smp_ipi_demux(void)
{
#if !PC_MUTATE_RELAXED_RECEIVER
	mb();
#endif

	return smp_ipi_demux_relaxed();
}

/* The caller has already ordered the interrupt against what follows. */
irqreturn_t smp_ipi_demux_relaxed(void)
{
	struct cpu_messages *info;
	unsigned long all;

	info = this_cpu_ptr(&ipi_message);
	do {
#if !PC_MUTATE_RELAXED_RECEIVER
		all = xchg(&info->messages, 0);
#else
		all = xchg_relaxed(&info->messages, 0);
#endif
		if (all & IPI_MESSAGE(PPC_MSG_CALL_FUNCTION))
			generic_smp_call_function_interrupt();
		if (all & IPI_MESSAGE(PPC_MSG_RESCHEDULE))
			scheduler_ipi();
	} while (READ_ONCE(info->messages));

	return IRQ_HANDLED;
}

static inline void do_message_pass(int cpu, int msg)
{
	if (smp_ops->message_pass)
		smp_ops->message_pass(cpu, msg);
	else
		smp_muxed_ipi_message_pass(cpu, msg);
}

void arch_smp_send_reschedule(int cpu)
{
	if (likely(smp_ops)) {
#if PC_PATCH_LWSYNC_BEFORE_IPI
		__smp_lwsync();
#endif
#if PC_PATCH_XNOP_BEFORE_IPI
		asm volatile("xnop" : : : "memory");
#endif
		do_message_pass(cpu, PPC_MSG_RESCHEDULE);
	}
}

void arch_send_call_function_single_ipi(int cpu)
{
	do_message_pass(cpu, PPC_MSG_CALL_FUNCTION);
}

#endif /* PC_ARCH_POWERPC_SMP_C */
