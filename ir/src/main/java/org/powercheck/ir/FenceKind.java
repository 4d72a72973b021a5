package org.powercheck.ir;

/** POWER barrier kinds, as ppc.cat names their event sets. */
public enum FenceKind {
    SYNC, LWSYNC, ISYNC, EIEIO;

    public String mnemonic() {
        return name().toLowerCase();
    }
}
