package io.clusterdeck.service.gateway;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Power of two choices: the less busy of two workers drawn at random. */
final class LeastRequests implements Balancer {
    @Override
    public WorkerEntry pick(List<WorkerEntry> candidates, String affinity) {
        int size = candidates.size();
        if (size == 1) {
            return candidates.get(0);
        }
        var random = ThreadLocalRandom.current();
        int first = random.nextInt(size);
        int second = (first + 1 + random.nextInt(size - 1)) % size;
        var a = candidates.get(first);
        var b = candidates.get(second);
        return b.inFlight() < a.inFlight() ? b : a;
    }
}
