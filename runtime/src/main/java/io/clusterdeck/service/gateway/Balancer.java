package io.clusterdeck.service.gateway;

import io.clusterdeck.design.Balancing;
import java.util.List;

/** Picks the worker for a call among the segment's workers in rotation that the call has not tried yet. */
public interface Balancer {
    /**
     * @param candidates non-empty, in a stable order
     * @param affinity   the caller's affinity key for sticky balancing, or null
     */
    WorkerEntry pick(List<WorkerEntry> candidates, String affinity);

    static Balancer of(Balancing balancing) {
        switch (balancing) {
            case LEAST_REQUESTS:
                return new LeastRequests();
            case WEIGHTED:
                return new Weighted();
            case STICKY:
                return new Sticky();
            case ROUND_ROBIN:
            default:
                return new RoundRobin();
        }
    }
}
