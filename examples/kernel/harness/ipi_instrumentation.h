/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Shared by the IPI harnesses (scenarios.md S1-S4): the payload the sender
 * writes before its IPI, and the message actions of the target's handler,
 * bound for smp.c. The RESCHEDULE action is instrumented as scenarios.md S1
 * says: it reads the payload (r_data) and then records that it ran (got).
 * In v6.6 the real scheduler_ipi() only folds TIF_NEED_RESCHED into the
 * preempt count; the visible effect of a reschedule IPI is on the interrupt
 * exit path.
 */
#ifndef PC_HARNESS_IPI_INSTRUMENTATION_H
#define PC_HARNESS_IPI_INSTRUMENTATION_H

#include "../smp.c"

int data;		/* payload, written by the sender before it sends */
int got;		/* 1 once a RESCHEDULE action ran */
int r_data;		/* the value of data that action read */

void scheduler_ipi(void)
{
	WRITE_ONCE(r_data, READ_ONCE(data));
	WRITE_ONCE(got, 1);
}

/* CALL_FUNCTION action: its work (the csd queue) is not part of these checks. */
void generic_smp_call_function_interrupt(void)
{
}

#endif /* PC_HARNESS_IPI_INSTRUMENTATION_H */
