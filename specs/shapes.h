/* SPDX-License-Identifier: Apache-2.0 */
/*
 * shapes.h - the shared locations of the classic-shape harnesses
 * (scenarios.md S9 and S10).
 *
 * x and y are the two words the shapes communicate through; like all memory
 * nobody initialises, they start at 0. A harness that needs other locations
 * (a pointer, an atomic_t, a spinlock) declares them itself. Including this
 * file is also what makes a C test a kernel harness rather than a herd C
 * litmus test (see examples/kernel/HARNESS.md).
 */
#ifndef SPECS_SHAPES_H
#define SPECS_SHAPES_H

int x;
int y;

#endif
