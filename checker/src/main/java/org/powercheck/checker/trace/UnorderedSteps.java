package org.powercheck.checker.trace;

import java.util.ArrayList;
import java.util.List;
import org.powercheck.checker.Execution;

/**
 * Why an execution of a C test reaches its outcome on POWER, in the source's words: each
 * program-order step of the shortest cycle that nothing orders, named by the statements and the
 * instructions they were lowered to ({@code rcu_assign_pointer(*p, (void *)0) -> std}). This is
 * where a kernel primitive's POWER mapping is weaker than its LKMM meaning.
 */
public final class UnorderedSteps {
    private UnorderedSteps() {}

    public static List<String> of(Execution x) {
        Explanation why = Explainer.explain(x);
        SourceText source = new SourceText();
        List<String> out = new ArrayList<>();
        for (Explanation.Step s : why.steps()) {
            if (s.ordered()) continue;
            Execution.Event a = x.events().get(s.edge().from()), b = x.events().get(s.edge().to());
            List<String> reasons = new ArrayList<>();
            if (s.fences().isEmpty()) reasons.add("no fence between them");
            for (Explanation.Fence f : s.fences()) reasons.add(f.kind() + " between them does not order the two");
            reasons.add(s.dependencies().isEmpty() ? "no dependency"
                    : "the " + String.join(", ", s.dependencies()) + " dependency is not in ppo");
            out.add(a.thread().split(" ")[0] + ": nothing orders " + statement(a, source) + " before "
                    + statement(b, source) + ": " + String.join("; ", reasons));
        }
        return out;
    }

    private static String statement(Execution.Event e, SourceText source) {
        return Mnemonic.describe(e.instr(), source.at(e.instr().pos())) + " (line " + e.instr().pos().line() + ")";
    }
}
