package io.clusterdeck.design;

import io.clusterdeck.json.Checks;

/**
 * A function's cost model: the CPU it really burns, the latency it waits, the share of calls that fail,
 * and the size of the response it returns.
 */
public record Simulation(Double cpuMs, Latency latency, Double errorRate, Integer responseBytes) {
    public Simulation {
        cpuMs = cpuMs == null ? 0.0 : cpuMs;
        errorRate = errorRate == null ? 0.0 : errorRate;
        responseBytes = responseBytes == null ? 64 : responseBytes;
        new Checks()
                .between("cpuMs", cpuMs, 0, 60_000)
                .between("errorRate", errorRate, 0, 1)
                .between("responseBytes", responseBytes, 0, 16 * 1024 * 1024)
                .throwIfAny();
    }

    /** Total modelled time of one call, in milliseconds: CPU plus mean latency. */
    public double costMs() {
        return cpuMs + (latency == null ? 0 : latency.meanMs());
    }
}
