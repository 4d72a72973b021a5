/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A model of what arch/powerpc/include/asm/ppc_asm.h (Linux v6.6) gives fpu.S and vector.S,
 * written for powercheck: the ELFv2 function entry, register names, and the macros that save
 * and restore FPRs, VSRs and VRs with the same instructions and slot layout (16-byte slots,
 * TS_FPRWIDTH = 2 with CONFIG_VSX; the little-endian xxswapd around stxvd2x/lxvd2x).
 * The 32-register forms use the assembler's .rept, as v6.6's OP_REGS does.
 */
#ifndef PC_PPC_ASM_H
#define PC_PPC_ASM_H
#ifdef __ASSEMBLY__

#define _GLOBAL(name) \
	.align 2 ; \
	.type name,@function; \
	.globl name; \
name:

#define EXPORT_SYMBOL(name)
#define _ASM_NOKPROBE_SYMBOL(name)

#define PPC_LL		ld
#define PPC_STL		std
#define PPC_LCMPI	cmpdi

#define	r0	%r0
#define	r1	%r1
#define	r2	%r2
#define	r3	%r3
#define	r4	%r4
#define	r5	%r5
#define	r6	%r6
#define	r7	%r7
#define	r8	%r8
#define	r9	%r9
#define	r10	%r10
#define	r11	%r11
#define	r12	%r12
#define	r13	%r13
#define	r14	%r14
#define	r15	%r15
#define	r16	%r16
#define	r17	%r17
#define	r18	%r18
#define	r19	%r19
#define	r20	%r20
#define	r21	%r21
#define	r22	%r22
#define	r23	%r23
#define	r24	%r24
#define	r25	%r25
#define	r26	%r26
#define	r27	%r27
#define	r28	%r28
#define	r29	%r29
#define	r30	%r30
#define	r31	%r31

#define	fr0	0
#define	fr1	1
#define	fr2	2
#define	fr3	3
#define	fr4	4
#define	fr5	5
#define	fr6	6
#define	fr7	7
#define	fr8	8
#define	fr9	9
#define	fr10	10
#define	fr11	11
#define	fr12	12
#define	fr13	13
#define	fr14	14
#define	fr15	15
#define	fr16	16
#define	fr17	17
#define	fr18	18
#define	fr19	19
#define	fr20	20
#define	fr21	21
#define	fr22	22
#define	fr23	23
#define	fr24	24
#define	fr25	25
#define	fr26	26
#define	fr27	27
#define	fr28	28
#define	fr29	29
#define	fr30	30
#define	fr31	31

#define	v0	0
#define	v1	1
#define	v2	2
#define	v3	3
#define	v4	4
#define	v5	5
#define	v6	6
#define	v7	7
#define	v8	8
#define	v9	9
#define	v10	10
#define	v11	11
#define	v12	12
#define	v13	13
#define	v14	14
#define	v15	15
#define	v16	16
#define	v17	17
#define	v18	18
#define	v19	19
#define	v20	20
#define	v21	21
#define	v22	22
#define	v23	23
#define	v24	24
#define	v25	25
#define	v26	26
#define	v27	27
#define	v28	28
#define	v29	29
#define	v30	30
#define	v31	31

#define	vs0	0
#define	vs1	1
#define	vs2	2
#define	vs3	3
#define	vs4	4
#define	vs5	5
#define	vs6	6
#define	vs7	7
#define	vs8	8
#define	vs9	9
#define	vs10	10
#define	vs11	11
#define	vs12	12
#define	vs13	13
#define	vs14	14
#define	vs15	15
#define	vs16	16
#define	vs17	17
#define	vs18	18
#define	vs19	19
#define	vs20	20
#define	vs21	21
#define	vs22	22
#define	vs23	23
#define	vs24	24
#define	vs25	25
#define	vs26	26
#define	vs27	27
#define	vs28	28
#define	vs29	29
#define	vs30	30
#define	vs31	31
#define	vs32	32
#define	vs33	33
#define	vs34	34
#define	vs35	35
#define	vs36	36
#define	vs37	37
#define	vs38	38
#define	vs39	39
#define	vs40	40
#define	vs41	41
#define	vs42	42
#define	vs43	43
#define	vs44	44
#define	vs45	45
#define	vs46	46
#define	vs47	47
#define	vs48	48
#define	vs49	49
#define	vs50	50
#define	vs51	51
#define	vs52	52
#define	vs53	53
#define	vs54	54
#define	vs55	55
#define	vs56	56
#define	vs57	57
#define	vs58	58
#define	vs59	59
#define	vs60	60
#define	vs61	61
#define	vs62	62
#define	vs63	63

/* one register */
#define SAVE_FPR(n, base)	stfd	n,8*TS_FPRWIDTH*(n)(base)
#define REST_FPR(n, base)	lfd	n,8*TS_FPRWIDTH*(n)(base)
#define SAVE_VR(n, b, base)	li	b,16*(n); stvx n,base,b
#define REST_VR(n, b, base)	li	b,16*(n); lvx n,base,b
#define STXVD2X_ROT(n, b, base)	xxswapd n,n; stxvd2x n,b,base; xxswapd n,n
#define LXVD2X_ROT(n, b, base)	lxvd2x n,b,base; xxswapd n,n
#define SAVE_VSR(n, b, base)	li	b,16*(n); STXVD2X_ROT(n,base,b)
#define REST_VSR(n, b, base)	li	b,16*(n); LXVD2X_ROT(n,base,b)

/* all 32: the assembler repeats the one-register form for n = 0..31 */
.macro pc_save_32vsrs b, base
	.set pc_n, 0
	.rept 32
	SAVE_VSR(pc_n, \b, \base)
	.set pc_n, pc_n + 1
	.endr
.endm

.macro pc_rest_32vsrs b, base
	.set pc_n, 0
	.rept 32
	REST_VSR(pc_n, \b, \base)
	.set pc_n, pc_n + 1
	.endr
.endm

.macro pc_save_32vrs b, base
	.set pc_n, 0
	.rept 32
	SAVE_VR(pc_n, \b, \base)
	.set pc_n, pc_n + 1
	.endr
.endm

.macro pc_rest_32vrs b, base
	.set pc_n, 0
	.rept 32
	REST_VR(pc_n, \b, \base)
	.set pc_n, pc_n + 1
	.endr
.endm

#define SAVE_32VSRS(n, b, base)	pc_save_32vsrs b, base
#define REST_32VSRS(n, b, base)	pc_rest_32vsrs b, base
#define SAVE_32VRS(n, b, base)	pc_save_32vrs b, base
#define REST_32VRS(n, b, base)	pc_rest_32vrs b, base

#define MTFSF_L(REG)	mtfsf 0xff, REG, 1, 0

#endif
#endif /* __ASSEMBLY__ */
