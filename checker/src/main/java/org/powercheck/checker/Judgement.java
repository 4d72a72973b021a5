package org.powercheck.checker;

import org.powercheck.ir.Condition;
import org.powercheck.ir.Prop;

/**
 * herd's reading of an outcome. {@code positive}/{@code negative} count final states that do /
 * do not satisfy the proposition P (herd counts executions; the observation word is the same).
 *
 * <ul>
 *   <li>verdict: {@code Allowed} iff some state satisfies P, whatever the quantifier;</li>
 *   <li>observation: Never (no state satisfies P), Always (every state does), else Sometimes;</li>
 *   <li>validation ({@code Ok}/{@code No}): exists - P reachable; ~exists - P unreachable;
 *       forall - every state satisfies P;</li>
 *   <li>counterexample (exit status 1): the validation of {@code exists} is Ok, or that of
 *       {@code ~exists}/{@code forall} is No.</li>
 * </ul>
 */
public record Judgement(int positive, int negative, Condition.Quantifier quantifier) {
    public static Judgement of(Outcome o) {
        Prop p = o.program().condition().prop();
        var layout = o.program().layout();
        int pos = 0, neg = 0;
        for (FinalState s : o.states()) {
            if (p.holds(s.values(), layout)) pos++; else neg++;
        }
        return new Judgement(pos, neg, o.program().condition().quantifier());
    }

    public String verdict() {
        return positive > 0 ? "Allowed" : "Forbidden";
    }

    public String observation() {
        if (positive == 0) return "Never";
        if (negative == 0) return "Always";
        return "Sometimes";
    }

    public boolean ok() {
        return switch (quantifier) {
            case EXISTS -> positive > 0;
            case NOT_EXISTS -> positive == 0;
            case FORALL -> negative == 0;
        };
    }

    public boolean counterexample() {
        return quantifier == Condition.Quantifier.EXISTS ? ok() : !ok();
    }

    /** herd's header word: Allowed for exists, Forbidden for ~exists, Required for forall. */
    public String kind() {
        return switch (quantifier) {
            case EXISTS -> "Allowed";
            case NOT_EXISTS -> "Forbidden";
            case FORALL -> "Required";
        };
    }
}
