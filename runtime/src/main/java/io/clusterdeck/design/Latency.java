package io.clusterdeck.design;

import io.clusterdeck.json.Checks;

/**
 * A simulated wait: a mean in milliseconds and a spread whose meaning depends on the distribution
 * (half-width for uniform, standard deviation for normal; unused for fixed and exponential).
 */
public record Latency(Distribution distribution, Double meanMs, Double spreadMs) {
    public Latency {
        distribution = distribution == null ? Distribution.FIXED : distribution;
        spreadMs = spreadMs == null ? 0.0 : spreadMs;
        var checks = new Checks();
        if (checks.present("meanMs", meanMs)) {
            checks.between("meanMs", meanMs, 0, 600_000);
        }
        checks.between("spreadMs", spreadMs, 0, 600_000);
        checks.throwIfAny();
    }

    public static Latency fixed(double meanMs) {
        return new Latency(Distribution.FIXED, meanMs, 0.0);
    }
}
