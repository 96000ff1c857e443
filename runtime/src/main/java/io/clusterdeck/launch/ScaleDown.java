package io.clusterdeck.launch;

import io.clusterdeck.protocol.ClusterState;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which workers leave when a segment is scaled down: those that serve nothing anyway go first (down, paused,
 * unhealthy, not yet healthy), then idle ones, then busy ones; among equals the newest goes first.
 */
final class ScaleDown {
    private ScaleDown() {
    }

    /**
     * A worker as the launcher and the gateway see it.
     *
     * @param gatewayState the gateway's health state (healthy, suspect, unhealthy, starting), null when it does not
     *                     know the worker
     * @param inFlight     calls the worker is serving now, as the gateway counts them
     */
    record Worker(String name, int instance, ProcessState state, String gatewayState, long inFlight) {
    }

    /** A gateway's view of each worker it knows, by name; empty without a view. */
    static Map<String, ClusterState.Worker> seenBy(Optional<ClusterState> gateway) {
        var byName = new LinkedHashMap<String, ClusterState.Worker>();
        gateway.ifPresent(state -> state.workers().forEach(w -> byName.put(w.name(), w)));
        return byName;
    }

    /** A running worker as a scale-down weighs it: its process state, and its state and load at the gateway. */
    static Worker condition(ManagedProcess managed, Map<String, ClusterState.Worker> gatewayView) {
        var seen = gatewayView.get(managed.name);
        return new Worker(managed.name, managed.planned.instance(), managed.state,
                seen == null ? null : seen.state(), seen == null ? 0 : seen.inFlight());
    }

    /** The {@code count} workers to remove, in the order they should go. */
    static List<String> choose(List<Worker> workers, int count) {
        return workers.stream()
                .sorted(Comparator.comparingInt(ScaleDown::usefulness)
                        .thenComparing(w -> w.inFlight() > 0)
                        .thenComparing(Worker::instance, Comparator.reverseOrder()))
                .limit(Math.max(0, count))
                .map(Worker::name)
                .toList();
    }

    /** 0 for a worker that cannot serve at all, up to 4 for a healthy one. */
    private static int usefulness(Worker worker) {
        return switch (worker.state()) {
            case EXITED, RESTARTING, GAVE_UP -> 0;
            case PAUSED -> 1;
            case STARTING -> 3;
            case RUNNING -> worker.gatewayState() == null ? 3 : switch (worker.gatewayState()) {
                case "healthy" -> 4;
                case "unhealthy", "suspect" -> 2;
                default -> 3;
            };
        };
    }
}
