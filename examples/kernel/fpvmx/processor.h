/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A model of the FP/VMX parts of arch/powerpc/include/asm/processor.h, asm/reg.h and
 * asm/switch_to.h (Linux v6.6, CONFIG_PPC_BOOK3S_64, CONFIG_VSX, little-endian), written for
 * powercheck. Shared by the C models and the assembly (which sees only the constants).
 *
 * Save areas as in v6.6: thread_fp_state holds fpr[32][TS_FPRWIDTH] (16-byte slots: FPR n is
 * doubleword 0 of VSR n) and fpscr; thread_vr_state holds vr[32] and vscr, 16 bytes each.
 * vector128 is two doublewords here (the kernel's is four words; the layout is the same).
 */
#ifndef PC_FPVMX_PROCESSOR_H
#define PC_FPVMX_PROCESSOR_H

#define TS_FPRWIDTH	2

#define MSR_FE1		(1UL << 8)
#define MSR_FE0		(1UL << 11)
#define MSR_FP		(1UL << 13)
#define MSR_EE		(1UL << 15)
#define MSR_PR		(1UL << 14)
#define MSR_VSX		(1UL << 23)
#define MSR_VEC		(1UL << 25)

#ifndef __ASSEMBLY__

typedef struct {
	u64 d[2];
} vector128;

struct thread_fp_state {
	u64 fpr[32][TS_FPRWIDTH];
	u64 fpscr;
	u64 pad;
};

struct thread_vr_state {
	vector128 vr[32];
	vector128 vscr;
};

struct pt_regs {
	unsigned long gpr[4];
	unsigned long nip;
	unsigned long msr;
};

struct thread_struct {
	struct pt_regs *regs;
	struct thread_fp_state fp_state;
	struct thread_fp_state *fp_save_area;
	struct thread_vr_state vr_state;
	struct thread_vr_state *vr_save_area;
	unsigned long vrsave;
	int used_vr;
	int used_vsr;
	u8 load_fp;
	u8 load_vec;
};

struct callback_head {
	struct callback_head *next;
	void (*func)(struct callback_head *head);
};

struct task_struct {
	unsigned long ti_flags;			/* thread_info.flags: _TIF_* */
	struct callback_head *task_works;
	struct thread_struct thread;
};

#define _TIF_SIGPENDING		(1UL << 1)
#define _TIF_NEED_RESCHED	(1UL << 2)
#define _TIF_NOTIFY_SIGNAL	(1UL << 10)

/* The live MSR: the mfmsr/mtmsrd instructions, as asm/reg.h's mfmsr() and mtmsr_isync(). */
static inline unsigned long mfmsr(void)
{
	unsigned long rval;

	asm volatile("mfmsr %0" : "=r" (rval) : : "memory");
	return rval;
}

static inline void mtmsr_isync(unsigned long val)
{
	asm volatile("mtmsrd %0; isync" : : "r" (val) : "memory");
}

/* arch/powerpc/kernel/fpu.S and vector.S */
void load_fp_state(struct thread_fp_state *fp);
void store_fp_state(struct thread_fp_state *fp);
void save_fpu(struct task_struct *tsk);
void load_vr_state(struct thread_vr_state *vr);
void store_vr_state(struct thread_vr_state *vr);
void save_altivec(struct task_struct *tsk);

#endif /* __ASSEMBLY__ */
#endif
