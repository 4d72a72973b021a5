#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Writes IRQ-boundaries-N.litmus: scenarios.md S1 (v6.6 doorbell path) with CPU1's user code
# N stores long, so that the handler may start at N+1 boundaries. For `powercheck bench`: how
# the check grows with the interruptible boundaries.
set -euo pipefail
cd "$(dirname "$0")"
for n in 10 20 40 80; do
  {
    echo "C IRQ-boundaries-$n"
    echo "(* S1 with $n interruptible user stores on CPU1; expected: Ok (safe), as S1-doorbell. *)"
    echo
    echo '#include "../dbell.c"'
    echo '#include "../harness/ipi_instrumentation.h"'
    echo
    echo 'static struct smp_ops_t pnv_smp_ops = {'
    echo '	.message_pass = NULL,'
    echo '	.cause_ipi = doorbell_global_ipi,'
    echo '};'
    echo 'struct smp_ops_t *smp_ops = &pnv_smp_ops;'
    echo
    echo 'PC_INTERRUPT(1, IPI, doorbell_exception);'
    echo
    echo "int user[$n];"
    echo
    echo '{'
    echo '	data = 0;'
    echo '}'
    echo
    echo 'P0(void)'
    echo '{'
    echo '	WRITE_ONCE(data, 1);'
    echo '	arch_smp_send_reschedule(1);'
    echo '}'
    echo
    echo 'P1(void)'
    echo '{'
    for ((i = 0; i < n; i++)); do echo "	WRITE_ONCE(user[$i], 1);"; done
    echo '}'
    echo
    echo '~exists (got=1 /\ r_data=0)'
  } > "IRQ-boundaries-$n.litmus"
done
