package io.clusterdeck.service;

import io.clusterdeck.design.Latency;
import java.util.concurrent.ThreadLocalRandom;

/** Draws simulated waits from a design's latency distribution. */
public final class LatencySampler {
    private LatencySampler() {
    }

    /** One wait in nanoseconds; none for a null latency. */
    public static long sampleNanos(Latency latency) {
        if (latency == null || latency.meanMs() == null) {
            return 0;
        }
        double mean = latency.meanMs();
        double spread = latency.spreadMs();
        var random = ThreadLocalRandom.current();
        double ms;
        switch (latency.distribution()) {
            case UNIFORM:
                ms = mean - spread + random.nextDouble() * 2 * spread;
                break;
            case NORMAL:
                ms = mean + random.nextGaussian() * spread;
                break;
            case EXPONENTIAL:
                ms = -mean * Math.log(1 - random.nextDouble());
                break;
            case FIXED:
            default:
                ms = mean;
                break;
        }
        return Math.max(0, Math.round(ms * 1_000_000));
    }
}
