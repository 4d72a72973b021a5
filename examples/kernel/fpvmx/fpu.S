/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A model of arch/powerpc/kernel/fpu.S (Linux v6.6, CONFIG_VSX, little-endian), written for
 * powercheck: load_fp_state, store_fp_state and save_fpu with the instructions of v6.6.
 * save_fpu and store_fp_state read FPSCR through f0 (mffs) after saving the registers and do
 * not restore f0/vs0: the bug that commit 5e1d824f9a28 ("powerpc: Don't clobber f0/vs0 during
 * fp|altivec register save", v6.7-rc4) fixes by reloading vs0 from slot 0. Assembled with
 * -DPC_PATCH_FP_SAVE_FIX=1, this file has the fix.
 */
#include "ppc_asm.h"
#include "processor.h"
#include <asm/asm-offsets.h>

#ifndef PC_PATCH_FP_SAVE_FIX
#define PC_PATCH_FP_SAVE_FIX 0
#endif

/* the VSX forms only: CONFIG_VSX on a CPU with VSX */
#define SAVE_32FPVSRS(n, c, base)	SAVE_32VSRS(n, c, base)
#define REST_32FPVSRS(n, c, base)	REST_32VSRS(n, c, base)
#define REST_1FPVSR(n, c, base)		REST_VSR(n, c, base)

/*
 * Load state from memory into FP registers including FPSCR.
 * Assumes the caller has enabled FP in the MSR.
 */
_GLOBAL(load_fp_state)
	lfd	fr0,FPSTATE_FPSCR(r3)
	MTFSF_L(fr0)
	REST_32FPVSRS(0, r4, r3)
	blr

/*
 * Store FP state into memory, including FPSCR.
 * Assumes the caller has enabled FP in the MSR.
 */
_GLOBAL(store_fp_state)
	SAVE_32FPVSRS(0, r4, r3)
	mffs	fr0
	stfd	fr0,FPSTATE_FPSCR(r3)
#if PC_PATCH_FP_SAVE_FIX
	REST_1FPVSR(0, r4, r3)
#endif
	blr

/*
 * save_fpu(tsk): save the FP registers of tsk in its thread struct (or in its
 * fp_save_area when it has one). Enables nothing: the caller has MSR_FP set.
 */
_GLOBAL(save_fpu)
	addi	r3,r3,THREAD		/* want THREAD of task */
	PPC_LL	r6,THREAD_FPSAVEAREA(r3)
	PPC_LL	r5,PT_REGS(r3)
	PPC_LCMPI	0,r6,0
	bne	2f
	addi	r6,r3,THREAD_FPSTATE
2:	SAVE_32FPVSRS(0, r4, r6)
	mffs	fr0
	stfd	fr0,FPSTATE_FPSCR(r6)
#if PC_PATCH_FP_SAVE_FIX
	REST_1FPVSR(0, r4, r6)
#endif
	blr
