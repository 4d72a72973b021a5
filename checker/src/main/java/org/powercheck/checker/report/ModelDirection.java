package org.powercheck.checker.report;

import java.util.Optional;

/** How a test's verdict on POWER compares with its verdict under the LKMM. */
public enum ModelDirection {
    /** Both allow the outcome, or both forbid it. */
    SAME("same", "same verdict"),
    /** POWER allows an outcome the LKMM forbids: the kernel's mapping or the model is wrong somewhere. */
    POWER_ALLOWS_LKMM_FORBIDS("power-allows-lkmm-forbids",
            "POWER allows what the LKMM forbids (kernel mapping or model mismatch worth a mail)"),
    /** The LKMM allows what POWER forbids: expected, the LKMM is weaker than any one architecture on purpose. */
    LKMM_ALLOWS_POWER_FORBIDS("lkmm-allows-power-forbids",
            "the LKMM allows what POWER forbids (fine: the LKMM is weaker on purpose)");

    /** The word of the differences file's {@code direction} column. */
    public final String word;
    public final String description;

    ModelDirection(String word, String description) {
        this.word = word;
        this.description = description;
    }

    public static Optional<ModelDirection> ofWord(String word) {
        for (ModelDirection d : values()) if (d.word.equals(word)) return Optional.of(d);
        return Optional.empty();
    }

    /** From whether each model reaches the outcome the condition asks about. */
    public static ModelDirection of(boolean powerReaches, boolean lkmmReaches) {
        if (powerReaches == lkmmReaches) return SAME;
        return powerReaches ? POWER_ALLOWS_LKMM_FORBIDS : LKMM_ALLOWS_POWER_FORBIDS;
    }
}
