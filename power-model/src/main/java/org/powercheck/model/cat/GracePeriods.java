package org.powercheck.model.cat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.powercheck.ir.Instr;
import org.powercheck.ir.Program;
import org.powercheck.ir.ThreadCode;
import org.powercheck.model.Check;
import org.powercheck.model.Model;
import org.powercheck.model.PpcModel;

/**
 * The built-in POWER model with the RCU grace-period guarantee (power-rcu.cat, read after
 * power.cat) for programs that have RCU or SRCU events; the model unchanged for the others, and
 * for every model but the built-in POWER one (the LKMM has its own RCU axiom, a {@code --cat}
 * file says what it means).
 */
public final class GracePeriods {
    /** The tags PowerRcu gives the events of read-side sections and grace periods. */
    static final Set<String> TAGS = Set.of("rcu-lock", "rcu-unlock", "sync-rcu", "srcu-lock", "srcu-unlock", "sync-srcu");

    private static final Model WITH_RCU = read();

    private GracePeriods() {}

    public static Model forProgram(Model model, Program program) {
        if (model != PpcModel.MODEL || !hasRcuEvents(program)) return model;
        return WITH_RCU;
    }

    /** The built-in POWER model with the grace-period axioms. */
    static Model withRcu() {
        return WITH_RCU;
    }

    /** Threads only: an interrupt handler's sections without the axiom are left unordered, which is weaker, not wrong. */
    static boolean hasRcuEvents(Program program) {
        for (ThreadCode t : program.threads()) {
            for (Instr in : t.code()) {
                for (String tag : in.tags()) if (TAGS.contains(tag)) return true;
            }
        }
        return false;
    }

    /** power.cat's checks are PpcModel's (a test says so); the axioms power-rcu.cat adds follow them. */
    private static Model read() {
        CatInterpreter interpreter = new CatInterpreter(Set.of());
        interpreter.run(CatSource.bundled("stdlib.cat").orElseThrow());
        interpreter.run(CatSource.bundled(CatReader.POWER).orElseThrow());
        int power = interpreter.checks().size();
        interpreter.run(CatSource.bundled("power-rcu.cat").orElseThrow());
        List<Check> checks = new ArrayList<>(PpcModel.MODEL.checks());
        List<Check> all = interpreter.checks();
        checks.addAll(all.subList(power, all.size()));
        return new Model(PpcModel.MODEL.name(), checks, interpreter.flags());
    }
}
