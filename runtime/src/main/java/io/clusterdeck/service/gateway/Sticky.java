package io.clusterdeck.service.gateway;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The same affinity key to the same worker, by rendezvous hashing: when that worker leaves rotation its keys
 * spread over the others, and come back when it returns. Calls without a key go round-robin.
 */
final class Sticky implements Balancer {
    private final RoundRobin fallback = new RoundRobin();

    @Override
    public WorkerEntry pick(List<WorkerEntry> candidates, String affinity) {
        if (affinity == null) {
            return fallback.pick(candidates, null);
        }
        WorkerEntry best = null;
        long bestScore = -1;
        for (var candidate : candidates) {
            var crc = new CRC32C();
            crc.update((affinity + "\n" + candidate.name()).getBytes(StandardCharsets.UTF_8));
            long score = crc.getValue();
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }
}
