package io.clusterdeck.design;

import io.clusterdeck.json.Checks;

/**
 * How the gateway watches workers and forwards calls.
 *
 * @param requestTimeoutMs the longest a client waits for one call, retries included
 * @param retries          how many other workers a call may be tried on after the first
 * @param maxBodyBytes     the largest request body accepted (413 above)
 */
public record GatewaySettings(HealthCheck healthCheck, Integer requestTimeoutMs, Integer retries, Integer maxBodyBytes) {
    public static final GatewaySettings DEFAULT = new GatewaySettings(null, null, null, null);

    public GatewaySettings {
        healthCheck = healthCheck == null ? HealthCheck.DEFAULT : healthCheck;
        requestTimeoutMs = requestTimeoutMs == null ? 5_000 : requestTimeoutMs;
        retries = retries == null ? 2 : retries;
        maxBodyBytes = maxBodyBytes == null ? 1024 * 1024 : maxBodyBytes;
        new Checks()
                .between("requestTimeoutMs", requestTimeoutMs, 10, 3_600_000)
                .between("retries", retries, 0, 10)
                .between("maxBodyBytes", maxBodyBytes, 1024, 64 * 1024 * 1024)
                .throwIfAny();
    }

    public GatewaySettings withHealthCheck(HealthCheck newHealthCheck) {
        return new GatewaySettings(newHealthCheck, requestTimeoutMs, retries, maxBodyBytes);
    }
}
