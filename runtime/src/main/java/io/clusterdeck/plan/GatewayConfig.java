package io.clusterdeck.plan;

import io.clusterdeck.design.HealthCheck;
import io.clusterdeck.design.Latency;
import java.util.List;

/**
 * The gateway: knows which segment hosts each function, balances calls over the segment's registered workers,
 * checks their health and fails over.
 *
 * @param hopLatency simulated network latency added to every hop it forwards, or null for none
 */
public record GatewayConfig(String name, String host, int port, String clusterKeyFile, HealthCheck healthCheck,
                            int requestTimeoutMs, int retries, int maxBodyBytes, List<SegmentRoute> segments,
                            List<FunctionRoute> functions, Latency hopLatency) implements ServiceConfig {
    public GatewayConfig {
        healthCheck = healthCheck == null ? HealthCheck.DEFAULT : healthCheck;
        segments = segments == null ? List.of() : List.copyOf(segments);
        functions = functions == null ? List.of() : List.copyOf(functions);
        Endpoints.check(name, host, port).throwIfAny();
    }

    @Override
    public Role role() {
        return Role.GATEWAY;
    }

    @Override
    public GatewayConfig withAddress(String newHost, int newPort) {
        return new GatewayConfig(name, newHost, newPort, clusterKeyFile, healthCheck, requestTimeoutMs, retries,
                maxBodyBytes, segments, functions, hopLatency);
    }
}
