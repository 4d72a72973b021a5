/* SPDX-License-Identifier: Apache-2.0 */
/* The locations of the primitive harnesses of this folder. */
int x;
int y;
int ran;
DEFINE_PER_CPU(int, counter);
