package org.powercheck.checker.trace;

import java.util.List;

/**
 * Why an allowed execution can reach its outcome, from the model's relations on it.
 *
 * @param communication the rf edges, the co edges between writes of the CPUs (immediate
 *                      successors) and the fr edges to the write just after the one read
 * @param cycle         a shortest cycle of po, rf, co and fr: the outcome would need it broken
 *                      under sequential consistency (empty: an interleaving reaches the outcome)
 * @param steps         each po edge of the cycle and what orders it, or why nothing does
 * @param outsideHb     the cycle's edges that are not in hb (ppo, fence or rfe)
 * @param inProp        the cycle's edges that are in prop
 */
public record Explanation(List<Edge> communication, List<Edge> cycle, List<Step> steps, List<Edge> outsideHb,
                          List<Edge> inProp) {
    public Explanation {
        communication = List.copyOf(communication);
        cycle = List.copyOf(cycle);
        steps = List.copyOf(steps);
        outsideHb = List.copyOf(outsideHb);
        inProp = List.copyOf(inProp);
    }

    /** An edge of a relation between two events (their ids in the execution). */
    public record Edge(String relation, int from, int to) { }

    /**
     * One program-order step of the cycle.
     *
     * @param orderedBy     the model's relations that contain the pair (ppo, sync, lwsync, eieio)
     * @param fences        the fences po-between the two, with whether their relation holds the pair
     * @param dependencies  the dependencies (addr, data, ctrl, ctrlisync) from the first to the second
     */
    public record Step(Edge edge, List<String> orderedBy, List<Fence> fences, List<String> dependencies) {
        public Step {
            orderedBy = List.copyOf(orderedBy);
            fences = List.copyOf(fences);
            dependencies = List.copyOf(dependencies);
        }

        public boolean ordered() {
            return !orderedBy.isEmpty();
        }
    }

    /** A fence between the two events of a step and whether its relation orders them. */
    public record Fence(int event, String kind, boolean orders) { }
}
