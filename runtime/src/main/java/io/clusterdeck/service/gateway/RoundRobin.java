package io.clusterdeck.service.gateway;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Each worker in turn. */
final class RoundRobin implements Balancer {
    private final AtomicInteger next = new AtomicInteger();

    @Override
    public WorkerEntry pick(List<WorkerEntry> candidates, String affinity) {
        return candidates.get(Math.floorMod(next.getAndIncrement(), candidates.size()));
    }
}
