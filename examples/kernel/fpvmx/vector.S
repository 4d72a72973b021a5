/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A model of arch/powerpc/kernel/vector.S (Linux v6.6, little-endian), written for powercheck:
 * load_vr_state, store_vr_state and save_altivec with the instructions of v6.6. After saving
 * the 32 VRs, save_altivec and store_vr_state read VSCR through v0 (mfvscr) and do not restore
 * v0: commit 5e1d824f9a28 adds "lvx v0,0,<base>". Assembled with -DPC_PATCH_FP_SAVE_FIX=1,
 * this file has the fix.
 */
#include "ppc_asm.h"
#include "processor.h"
#include <asm/asm-offsets.h>

#ifndef PC_PATCH_FP_SAVE_FIX
#define PC_PATCH_FP_SAVE_FIX 0
#endif

/*
 * Load state from memory into VMX registers including VSCR.
 * Assumes the caller has enabled VMX in the MSR.
 */
_GLOBAL(load_vr_state)
	li	r4,VRSTATE_VSCR
	lvx	v0,r4,r3
	mtvscr	v0
	REST_32VRS(0,r4,r3)
	blr

/*
 * Store VMX state into memory, including VSCR.
 * Assumes the caller has enabled VMX in the MSR.
 */
_GLOBAL(store_vr_state)
	SAVE_32VRS(0, r4, r3)
	mfvscr	v0
	li	r4, VRSTATE_VSCR
	stvx	v0, r4, r3
#if PC_PATCH_FP_SAVE_FIX
	lvx	v0, 0, r3
#endif
	blr

/*
 * save_altivec(tsk): save the VMX registers of tsk in its thread struct (or in its
 * vr_save_area when it has one).
 */
_GLOBAL(save_altivec)
	addi	r3,r3,THREAD		/* want THREAD of task */
	PPC_LL	r7,THREAD_VRSAVEAREA(r3)
	PPC_LL	r5,PT_REGS(r3)
	PPC_LCMPI	0,r7,0
	bne	2f
	addi	r7,r3,THREAD_VRSTATE
2:	SAVE_32VRS(0,r4,r7)
	mfvscr	v0
	li	r4,VRSTATE_VSCR
	stvx	v0,r4,r7
#if PC_PATCH_FP_SAVE_FIX
	lvx	v0,0,r7
#endif
	blr
