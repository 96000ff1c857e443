package io.clusterdeck.service.gateway;

import io.clusterdeck.plan.GatewayConfig;
import io.clusterdeck.protocol.ClusterState;
import io.clusterdeck.time.Clock;
import java.util.ArrayList;
import java.util.Set;

/** {@code GET /cluster}: the gateway's {@link ClusterState}, from its registry and routing table. */
final class ClusterView {
    private ClusterView() {
    }

    static ClusterState of(GatewayConfig config, WorkerRegistry registry, Clock clock) {
        var workers = new ArrayList<ClusterState.Worker>();
        for (var entry : registry.all()) {
            var registration = entry.registration();
            var histogram = entry.latencyMicros();
            workers.add(new ClusterState.Worker(entry.name(), entry.segment(), entry.url(), registration.pid(),
                    registration.weight(), entry.health().state().json(), entry.health().since().toString(),
                    entry.inFlight(), entry.served(), entry.errors(), new ClusterState.Latency(
                    histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(90) / 1000.0,
                    histogram.getValueAtPercentile(99) / 1000.0, histogram.getMaxValue() / 1000.0)));
        }
        var routes = config.segments().stream().map(segment -> new ClusterState.Route(segment.name(),
                segment.balancing().json(), segment.functions(),
                registry.candidates(segment.name(), Set.of()).stream().map(WorkerEntry::name).toList())).toList();
        return new ClusterState(config.name(), clock.now().toString(), workers, routes);
    }
}
