// SPDX-License-Identifier: Apache-2.0
/*
 * A model of arch/powerpc/kernel/asm-offsets.c (Linux v6.6) and include/linux/kbuild.h,
 * written for powercheck: the constants fpu.S and vector.S take from asm/asm-offsets.h, made
 * as kbuild makes them, from DEFINE/OFFSET lines evaluated against the C types.
 */
#include "processor.h"

#define DEFINE(sym, val) \
	asm volatile("\n.ascii \"->" #sym " %0 " #val "\"" : : "i" (val))
#define OFFSET(sym, str, mem) \
	DEFINE(sym, offsetof(struct str, mem))

int main(void)
{
	OFFSET(THREAD, task_struct, thread);
	OFFSET(PT_REGS, thread_struct, regs);
	OFFSET(THREAD_FPSTATE, thread_struct, fp_state);
	OFFSET(THREAD_FPSAVEAREA, thread_struct, fp_save_area);
	OFFSET(FPSTATE_FPSCR, thread_fp_state, fpscr);
	OFFSET(THREAD_VRSTATE, thread_struct, vr_state);
	OFFSET(THREAD_VRSAVEAREA, thread_struct, vr_save_area);
	OFFSET(VRSTATE_VSCR, thread_vr_state, vscr);
	return 0;
}
