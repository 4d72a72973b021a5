/**
 * POWER assembly as the kernel writes it ({@code .S} files and the instructions of inline
 * {@code asm}): read after the C preprocessor ({@link org.powercheck.frontend.asm.AsmReader}),
 * with the assembler's macros, repetitions, sections and local labels; lowered instruction by
 * instruction to the IR ({@link org.powercheck.frontend.asm.AsmInstructions}), with the register
 * file of {@link org.powercheck.frontend.asm.AsmRegisters}; a C call of an assembly function is
 * inlined under the ELF ABI ({@link org.powercheck.frontend.asm.AsmModule}).
 */
package org.powercheck.frontend.asm;
