package org.powercheck.model.mapping;

/**
 * How {@code PPC_ACQUIRE_BARRIER} is encoded. The kernel source has {@code isync} (after the
 * loop's branch) in a fixup section that boot code rewrites to {@code lwsync} on every Book3S-64
 * CPU, so {@link #LWSYNC} is what POWER9 runs; {@link #CTRL_ISYNC} checks the source text, which
 * is weaker under ppc.cat when the branch does not depend on the loaded value.
 * {@code smp_load_acquire} is a plain {@code lwsync} in both.
 */
public enum AcquireEncoding {
    LWSYNC, CTRL_ISYNC
}
