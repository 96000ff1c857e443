package io.clusterdeck.service.gateway;

import io.clusterdeck.plan.GatewayConfig;
import io.clusterdeck.protocol.ClusterState;
import io.clusterdeck.time.Clock;
import java.util.ArrayList;
import java.util.Set;
import org.HdrHistogram.ConcurrentHistogram;

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
                    entry.inFlight(), entry.served(), entry.errors(), latency(histogram)));
        }
        var routes = config.segments().stream().map(segment -> new ClusterState.Route(segment.name(),
                segment.balancing().json(), segment.functions(),
                registry.candidates(segment.name(), Set.of()).stream().map(WorkerEntry::name).toList())).toList();
        return new ClusterState(config.name(), clock.now().toString(), workers, routes);
    }

    /**
     * Percentiles of a worker's latency. One that has served no call has none: looking for a percentile in an empty
     * histogram walks all its buckets, each read under the concurrent histogram's lock, and a launch reads the view
     * every 25 ms while no worker has served anything yet.
     */
    private static ClusterState.Latency latency(ConcurrentHistogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return ClusterState.Latency.NONE;
        }
        return new ClusterState.Latency(histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(90) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0,
                histogram.getMaxValue() / 1000.0);
    }
}
