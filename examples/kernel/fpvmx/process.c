// SPDX-License-Identifier: Apache-2.0
/*
 * A model of the FP/VMX facility code of arch/powerpc/kernel/process.c (Linux v6.6,
 * CONFIG_PPC_BOOK3S_64, CONFIG_VSX, CONFIG_ALTIVEC, no transactional memory, no SPE), written
 * for powercheck: msr_check_and_set/clear, __giveup_fpu, __giveup_altivec, giveup_fpu,
 * flush_fp_to_thread, flush_altivec_to_thread, save_all (which saves but keeps MSR_FP and
 * MSR_VEC set in the user MSR, since commit 8792468da5e1, v4.6), flush_all_to_thread,
 * arch_dup_task_struct and restore_math. CPU features are those of POWER9: VSX and AltiVec.
 */
#include "processor.h"

extern struct task_struct *current_task;
#define current current_task

static const unsigned long msr_all_available = MSR_FP | MSR_VEC | MSR_VSX;

unsigned long msr_check_and_set(unsigned long bits)
{
	unsigned long oldmsr = mfmsr();
	unsigned long newmsr;

	newmsr = oldmsr | bits;

	if (bits & MSR_FP)
		newmsr |= MSR_VSX;

	if (oldmsr != newmsr)
		mtmsr_isync(newmsr);

	return newmsr;
}

void __msr_check_and_clear(unsigned long bits)
{
	unsigned long oldmsr = mfmsr();
	unsigned long newmsr;

	newmsr = oldmsr & ~bits;

	if (bits & MSR_FP)
		newmsr &= ~MSR_VSX;

	if (oldmsr != newmsr)
		mtmsr_isync(newmsr);
}

#define msr_check_and_clear(bits) __msr_check_and_clear(bits)

static void regs_set_return_msr(struct pt_regs *regs, unsigned long msr)
{
	regs->msr = msr;
}

static void __giveup_fpu(struct task_struct *tsk)
{
	unsigned long msr;

	save_fpu(tsk);
	msr = tsk->thread.regs->msr;
	msr &= ~(MSR_FP|MSR_FE0|MSR_FE1);
	msr &= ~MSR_VSX;
	regs_set_return_msr(tsk->thread.regs, msr);
}

void giveup_fpu(struct task_struct *tsk)
{
	msr_check_and_set(MSR_FP);
	__giveup_fpu(tsk);
	msr_check_and_clear(MSR_FP);
}

void flush_fp_to_thread(struct task_struct *tsk)
{
	if (tsk->thread.regs) {
		if (tsk->thread.regs->msr & MSR_FP)
			giveup_fpu(tsk);
	}
}

static void __giveup_altivec(struct task_struct *tsk)
{
	unsigned long msr;

	save_altivec(tsk);
	msr = tsk->thread.regs->msr;
	msr &= ~MSR_VEC;
	msr &= ~MSR_VSX;
	regs_set_return_msr(tsk->thread.regs, msr);
}

void giveup_altivec(struct task_struct *tsk)
{
	msr_check_and_set(MSR_VEC);
	__giveup_altivec(tsk);
	msr_check_and_clear(MSR_VEC);
}

void flush_altivec_to_thread(struct task_struct *tsk)
{
	if (tsk->thread.regs) {
		if (tsk->thread.regs->msr & MSR_VEC)
			giveup_altivec(tsk);
	}
}

static void save_all(struct task_struct *tsk)
{
	unsigned long usermsr;

	if (!tsk->thread.regs)
		return;

	usermsr = tsk->thread.regs->msr;

	if ((usermsr & msr_all_available) == 0)
		return;

	msr_check_and_set(msr_all_available);

	if (usermsr & MSR_FP)
		save_fpu(tsk);

	if (usermsr & MSR_VEC)
		save_altivec(tsk);

	msr_check_and_clear(msr_all_available);
}

void flush_all_to_thread(struct task_struct *tsk)
{
	if (tsk->thread.regs)
		save_all(tsk);
}

int arch_dup_task_struct(struct task_struct *dst, struct task_struct *src)
{
	flush_all_to_thread(src);
	*dst = *src;
	return 0;
}

/*
 * restore_math: a facility whose bit is clear in the user MSR is loaded from the thread struct
 * now when load_fp/load_vec says so, and otherwise by the FP/VMX-unavailable interrupt at the
 * user's next use of it. Both load the memory copy before user code reads a register, so the
 * model loads it now (power-model.md 4.4 item 2).
 */
void restore_math(struct pt_regs *regs)
{
	unsigned long msr = regs->msr;
	unsigned long new_msr = 0;

	if (!(msr & MSR_FP))
		new_msr |= MSR_FP;
	if (!(msr & MSR_VEC))
		new_msr |= MSR_VEC;
	if (((msr | new_msr) & (MSR_FP | MSR_VEC)) == (MSR_FP | MSR_VEC))
		new_msr |= MSR_VSX;

	if (new_msr & (MSR_FP | MSR_VEC)) {
		msr_check_and_set(new_msr);
		if (new_msr & MSR_FP)
			load_fp_state(&current->thread.fp_state);
		if (new_msr & MSR_VEC)
			load_vr_state(&current->thread.vr_state);
		msr_check_and_clear(new_msr);
		regs_set_return_msr(regs, regs->msr | new_msr);
	}
}
