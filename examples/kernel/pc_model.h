/* SPDX-License-Identifier: Apache-2.0 */
/*
 * pc_model.h - configuration and intrinsics shared by the kernel models.
 *
 * Not a model of a kernel file. It fixes the kernel configuration the models of
 * Linux v6.6 in this directory assume (ppc64le, Book3S-64, POWER9, CONFIG_SMP=y,
 * powernv bare-metal host), collects the opt-in variants the scenarios of
 * scenarios.md need (the unmerged Nov 2023 lwsync patch and the barrier
 * mutations of S2-S5), and declares the two checker intrinsics for IPI delivery.
 *
 * Every knob is a macro with value 0 or 1 and a default below; a harness changes
 * one by #defining it before its first #include. With every knob at its default
 * the models are Linux v6.6 as released.
 */
#ifndef PC_MODEL_H
#define PC_MODEL_H

/* ---- configuration ------------------------------------------------------ */

#ifndef NR_CPUS
#define NR_CPUS 4			/* harnesses use CPUs 0..NR_CPUS-1 */
#endif

/*
 * CPU features. The kernel selects between alternative instruction sequences
 * at boot (feature-fixup sections); the models select them when built.
 */
#ifndef PC_CPU_FTR_HVMODE
#define PC_CPU_FTR_HVMODE 1		/* hypervisor mode: msgsnd, msgsync (powernv) */
#endif
#ifndef PC_CPU_FTR_ARCH_300
#define PC_CPU_FTR_ARCH_300 1		/* ISA 3.0 (POWER9) */
#endif

/* SMT threads per core; CPU n is thread (n % PC_THREADS_PER_CORE) of its core. */
#ifndef PC_THREADS_PER_CORE
#define PC_THREADS_PER_CORE 4
#endif

/*
 * CONFIG_KVM_BOOK3S_HV_POSSIBLE (=y in powernv_defconfig): the doorbell send
 * and receive paths then also flag the IPI for KVM, with a full barrier each.
 */
#ifndef PC_CONFIG_KVM_BOOK3S_HV_POSSIBLE
#define PC_CONFIG_KVM_BOOK3S_HV_POSSIBLE 1
#endif

/* ---- variants used by the scenarios (all 0 = Linux v6.6) ----------------- */

/* S1 "patched": __smp_lwsync() at the start of arch_smp_send_reschedule()
 * (linuxppc-dev, Nov 2023, "[PATCH] powerpc: Fix data corruption on IPI"; not merged). */
#ifndef PC_PATCH_LWSYNC_BEFORE_IPI
#define PC_PATCH_LWSYNC_BEFORE_IPI 0
#endif

/* S1 control: the maintainer's suggested experiment, an executed no-op (xnop) in the
 * patch's place, to tell a barrier's effect from a timing change. */
#ifndef PC_PATCH_XNOP_BEFORE_IPI
#define PC_PATCH_XNOP_BEFORE_IPI 0
#endif

/* S2: smp_mb() removed from smp_muxed_ipi_set_message(). */
#ifndef PC_MUTATE_NO_SET_MESSAGE_MB
#define PC_MUTATE_NO_SET_MESSAGE_MB 0
#endif

/* S3: the sync before msgsnd removed (ppc_msgsnd_sync() does nothing). */
#ifndef PC_MUTATE_NO_MSGSND_SYNC
#define PC_MUTATE_NO_MSGSND_SYNC 0
#endif

/* S4: receiver without msgsync, without the mb() of smp_ipi_demux(), and with
 * xchg_relaxed() in smp_ipi_demux_relaxed(). */
#ifndef PC_MUTATE_RELAXED_RECEIVER
#define PC_MUTATE_RELAXED_RECEIVER 0
#endif

/* S5 mutation: task_work_add() publishes with try_cmpxchg_relaxed(). */
#ifndef PC_MUTATE_TASK_WORK_RELAXED_PUBLISH
#define PC_MUTATE_TASK_WORK_RELAXED_PUBLISH 0
#endif

/* ---- checker intrinsics (power-model.md section 3.3) --------------------- */

/*
 * pc_ipi_trigger(cpu): the trigger event Wipi(cpu), a write to the pseudo
 * location of CPU cpu's IPI. Used for triggers that are not written as inline
 * asm here (the XIVE ESB store, the H_IPI hcall). msgsnd/msgsndp in inline asm
 * (dbell.h) produce the same event.
 *
 * pc_ipi_entry(cpu): the delivery event Ripi(cpu), a read of that pseudo
 * location; returns the trigger value it read, 0 if it read the initial value
 * (no trigger yet). A harness calls it where the interrupt is taken and then
 * calls the handler. It adds no ordering of its own (--ipi-entry=plain).
 */
void pc_ipi_trigger(int cpu);
int pc_ipi_entry(int cpu);

#endif /* PC_MODEL_H */
