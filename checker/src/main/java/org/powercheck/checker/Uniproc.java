package org.powercheck.checker;

import java.util.ArrayList;
import java.util.List;
import org.powercheck.model.Check;
import org.powercheck.model.Model;
import org.powercheck.model.Rel;

/**
 * Whether a model has sc-per-location's consequence that no read takes its value from a
 * program-order later write of its location: some {@code acyclic} check over a union that
 * contains {@code po & loc} and {@code rf} (ppc.cat's {@code scperlocation}, LKMM's
 * {@code coherence}). Static analyses may then ignore a thread's later stores.
 */
public final class Uniproc {
    private Uniproc() {}

    public static boolean holds(Model model) {
        for (Check c : model.checks()) {
            if (c.kind() != Check.Kind.ACYCLIC) continue;
            List<Rel> terms = new ArrayList<>();
            flatten(c.rel(), terms);
            boolean poLoc = false, rf = false;
            for (Rel r : terms) {
                if (r == Rel.Base.RF) rf = true;
                if (r instanceof Rel.Inter i && (i.left() == Rel.Base.PO && i.right() == Rel.Base.LOC
                        || i.left() == Rel.Base.LOC && i.right() == Rel.Base.PO)) poLoc = true;
            }
            if (poLoc && rf) return true;
        }
        return false;
    }

    /**
     * Whether some {@code acyclic} check's union contains {@code co} itself: then no allowed
     * execution has a coherence cycle, and an encoding whose coherence is only total and
     * antisymmetric per cell (a tournament) gets transitivity from the check.
     */
    public static boolean coherenceAcyclic(Model model) {
        for (Check c : model.checks()) {
            if (c.kind() != Check.Kind.ACYCLIC) continue;
            List<Rel> terms = new ArrayList<>();
            flatten(c.rel(), terms);
            if (terms.contains(Rel.Base.CO)) return true;
        }
        return false;
    }

    private static void flatten(Rel r, List<Rel> out) {
        if (r instanceof Rel.Union u) {
            flatten(u.left(), out);
            flatten(u.right(), out);
        } else {
            out.add(r);
        }
    }
}
