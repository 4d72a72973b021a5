package org.powercheck.checker.explicit;

import org.powercheck.ir.Undetermined;
import org.powercheck.model.Rel;

/**
 * herd7's symbolic read values in a candidate ({@link org.powercheck.ir.Program#symbolicReads()}):
 * a read is grounded when the write it reads has a value that depends (by data) on grounded
 * reads only, the least fixpoint from the initial writes and constant stores. A candidate is
 * one of herd's executions exactly when its ungrounded reads, and only they, read the
 * undetermined value; a cycle carrying a concrete value is none. The SAT engine's counterpart
 * is {@code sat.Grounding}.
 */
final class GroundedReads {
    private GroundedReads() {}

    static boolean consistent(Candidate candidate) {
        EventGraph g = candidate.g;
        int n = g.n;
        int[] source = new int[n];
        java.util.Arrays.fill(source, -1);
        for (int c = 0; c < g.cells; c++) {
            int[] reads = g.readsOf[c];
            for (int r = 0; r < reads.length; r++) source[reads[r]] = g.writesOf[c][candidate.choices[c].rfSource()[r]];
        }
        BitMatrix data = g.relation(Rel.Base.DATA);
        boolean[] grounded = new boolean[n];
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int r = 0; r < n; r++) {
                if (source[r] < 0 || grounded[r]) continue;
                if (groundedWrite(source[r], source, data, grounded, n)) {
                    grounded[r] = true;
                    grew = true;
                }
            }
        }
        for (int r = 0; r < n; r++) {
            if (source[r] >= 0 && grounded[r] == Undetermined.is(g.value[r])) return false;
        }
        return true;
    }

    /** Every read the write's value depends on is grounded (an initial write depends on none). */
    private static boolean groundedWrite(int w, int[] source, BitMatrix data, boolean[] grounded, int n) {
        for (int d = 0; d < n; d++) {
            if (source[d] >= 0 && !grounded[d] && data.get(d, w)) return false;
        }
        return true;
    }
}
