package io.clusterdeck.service.gateway;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Each worker in proportion to its registered weight. */
final class Weighted implements Balancer {
    @Override
    public WorkerEntry pick(List<WorkerEntry> candidates, String affinity) {
        int total = 0;
        for (var candidate : candidates) {
            total += candidate.registration().weight();
        }
        int ticket = ThreadLocalRandom.current().nextInt(total);
        for (var candidate : candidates) {
            ticket -= candidate.registration().weight();
            if (ticket < 0) {
                return candidate;
            }
        }
        return candidates.get(candidates.size() - 1);
    }
}
