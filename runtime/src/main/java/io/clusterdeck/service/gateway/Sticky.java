package io.clusterdeck.service.gateway;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The same affinity key to the same worker, by rendezvous hashing: when that worker leaves rotation its keys
 * spread over the others, and come back when it returns. Calls without a key go round-robin.
 *
 * <p>A CRC is linear: the CRCs of one key with two worker names differ by a pattern that depends on the names only,
 * so ranking by the CRC itself sends a worker's keys to one other worker and shares keys unevenly. Mixing each CRC
 * (MurmurHash3's finalizer) makes the ranks independent.
 */
final class Sticky implements Balancer {
    private final RoundRobin fallback = new RoundRobin();

    @Override
    public WorkerEntry pick(List<WorkerEntry> candidates, String affinity) {
        if (affinity == null) {
            return fallback.pick(candidates, null);
        }
        WorkerEntry best = null;
        long bestScore = 0;
        for (var candidate : candidates) {
            var crc = new CRC32C();
            crc.update((affinity + "\n" + candidate.name()).getBytes(StandardCharsets.UTF_8));
            long score = mix(crc.getValue());
            if (best == null || Long.compareUnsigned(score, bestScore) > 0) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    private static long mix(long hash) {
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        return hash ^ (hash >>> 33);
    }
}
