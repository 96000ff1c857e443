package io.clusterdeck.plan;

import io.clusterdeck.design.Mode;
import java.util.List;
import java.util.Optional;

/**
 * A design resolved into concrete processes, in start order: the one place where names and ports are decided.
 * The launcher runs it; the exporters translate it.
 *
 * @param design   the design's name
 * @param entryUrl where clients call: the proxy when there is one, else the gateway or standalone service
 */
public record Plan(String design, Mode mode, List<PlannedProcess> processes, String entryUrl) {
    public Plan {
        processes = List.copyOf(processes);
    }

    public Optional<PlannedProcess> process(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public List<PlannedProcess> withRole(Role role) {
        return processes.stream().filter(p -> p.role() == role).toList();
    }

    /** The gateways, in instance order: one, or the design's replicas. */
    public List<PlannedProcess> gateways() {
        return withRole(Role.GATEWAY);
    }

    /** This plan with the given workers of one segment, in instance order, where the segment's workers were. */
    public Plan withWorkers(String segment, List<PlannedProcess> workers) {
        var sorted = workers.stream().sorted(java.util.Comparator.comparingInt(PlannedProcess::instance)).toList();
        var changed = new java.util.ArrayList<PlannedProcess>();
        boolean placed = false;
        for (var process : processes) {
            if (process.role() == Role.WORKER && segment.equals(process.segment())) {
                if (!placed) {
                    changed.addAll(sorted);
                    placed = true;
                }
            } else {
                changed.add(process);
            }
        }
        return new Plan(design, mode, changed, entryUrl);
    }

    public List<PlannedProcess> workersOf(String segment) {
        return processes.stream().filter(p -> p.role() == Role.WORKER && segment.equals(p.segment())).toList();
    }
}
