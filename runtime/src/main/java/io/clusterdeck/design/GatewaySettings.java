package io.clusterdeck.design;

import io.clusterdeck.json.Checks;

/**
 * How the gateway watches workers and forwards calls.
 *
 * @param requestTimeoutMs the longest a client waits for one call, retries included
 * @param retries          how many other workers a call may be tried on after the first
 * @param maxBodyBytes     the largest request body accepted (413 above)
 * @param replicas         how many gateways run side by side: each knows every worker, and the proxy balances over
 *                         them, so no gateway is a single point of failure
 * @param tryTimeoutMs     with replicas, how long the proxy waits for one gateway's answer to an idempotent call
 *                         before it sends the call to another gateway as well (a paused gateway stalls no call longer)
 */
public record GatewaySettings(HealthCheck healthCheck, Integer requestTimeoutMs, Integer retries, Integer maxBodyBytes,
                              Integer replicas, Integer tryTimeoutMs) {
    public static final GatewaySettings DEFAULT = new GatewaySettings(null, null, null, null, null, null);
    public static final int MAX_REPLICAS = 5;

    public GatewaySettings {
        healthCheck = healthCheck == null ? HealthCheck.DEFAULT : healthCheck;
        requestTimeoutMs = requestTimeoutMs == null ? 5_000 : requestTimeoutMs;
        retries = retries == null ? 2 : retries;
        maxBodyBytes = maxBodyBytes == null ? 1024 * 1024 : maxBodyBytes;
        replicas = replicas == null ? 1 : replicas;
        tryTimeoutMs = tryTimeoutMs == null ? Math.min(1_000, requestTimeoutMs) : tryTimeoutMs;
        new Checks()
                .between("requestTimeoutMs", requestTimeoutMs, 10, 3_600_000)
                .between("retries", retries, 0, 10)
                .between("maxBodyBytes", maxBodyBytes, 1024, 64 * 1024 * 1024)
                .between("replicas", replicas, 1, MAX_REPLICAS)
                .between("tryTimeoutMs", tryTimeoutMs, 10, requestTimeoutMs)
                .throwIfAny();
    }

    public GatewaySettings withHealthCheck(HealthCheck newHealthCheck) {
        return new GatewaySettings(newHealthCheck, requestTimeoutMs, retries, maxBodyBytes, replicas, tryTimeoutMs);
    }

    public GatewaySettings withReplicas(int newReplicas) {
        return new GatewaySettings(healthCheck, requestTimeoutMs, retries, maxBodyBytes, newReplicas, tryTimeoutMs);
    }
}
