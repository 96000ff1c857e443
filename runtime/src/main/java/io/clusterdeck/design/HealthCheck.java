package io.clusterdeck.design;

import io.clusterdeck.json.Checks;

/**
 * The gateway's active health checks of its workers: every {@code intervalMs}, each answered within
 * {@code timeoutMs}; a worker is unhealthy after {@code unhealthyThreshold} failures in a row and healthy
 * again after {@code healthyThreshold} successes.
 */
public record HealthCheck(Integer intervalMs, Integer timeoutMs, Integer unhealthyThreshold, Integer healthyThreshold) {
    public static final HealthCheck DEFAULT = new HealthCheck(null, null, null, null);

    public HealthCheck {
        intervalMs = intervalMs == null ? 500 : intervalMs;
        timeoutMs = timeoutMs == null ? 250 : timeoutMs;
        unhealthyThreshold = unhealthyThreshold == null ? 2 : unhealthyThreshold;
        healthyThreshold = healthyThreshold == null ? 1 : healthyThreshold;
        var checks = new Checks()
                .between("intervalMs", intervalMs, 50, 600_000)
                .between("timeoutMs", timeoutMs, 10, 600_000)
                .between("unhealthyThreshold", unhealthyThreshold, 1, 100)
                .between("healthyThreshold", healthyThreshold, 1, 100);
        if (timeoutMs > intervalMs) {
            checks.fail("timeoutMs", "must not exceed intervalMs (" + intervalMs + "), was " + timeoutMs);
        }
        checks.throwIfAny();
    }
}
