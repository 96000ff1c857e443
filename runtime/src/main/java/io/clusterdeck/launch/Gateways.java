package io.clusterdeck.launch;

import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.http.UpstreamClient;
import io.clusterdeck.plan.PlannedProcess;
import io.clusterdeck.protocol.ClusterState;
import io.clusterdeck.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.xnio.XnioIoThread;

/**
 * The launcher's ties to the gateways of its cluster, one or several: it follows each one's events into the
 * launch's, reads each one's view of its workers, and waits until every gateway finds given workers healthy.
 */
final class Gateways implements AutoCloseable {
    private final Supplier<List<PlannedProcess>> gateways;
    private final GatewayProbe probe;
    private final Clock clock;
    private final List<GatewayEvents> streams = new ArrayList<>();

    /** @param gateways the plan's gateways now (the plan changes when the cluster scales) */
    Gateways(Supplier<List<PlannedProcess>> gateways, UpstreamClient client, XnioIoThread thread,
             Supplier<String> authorization, Consumer<ClusterEvent> sink, Clock clock) {
        this.gateways = gateways;
        this.probe = new GatewayProbe(client, clock);
        this.clock = clock;
        for (var gateway : gateways.get()) {
            streams.add(new GatewayEvents(client, thread, gateway::url, authorization, sink));
        }
    }

    /** Starts following every gateway's events. */
    void follow() {
        streams.forEach(GatewayEvents::start);
    }

    /** Every answering gateway's view, by gateway name, in plan order; a gateway that does not answer is left out. */
    Map<String, ClusterState> states() {
        var views = new LinkedHashMap<String, ClusterState>();
        for (var gateway : gateways.get()) {
            probe.state(gateway.url()).ifPresent(view -> views.put(gateway.name(), view));
        }
        return views;
    }

    /** Waits until every gateway finds the named workers healthy, within {@code timeout} in all. */
    void awaitHealthy(Set<String> workers, Duration timeout) {
        if (workers.isEmpty()) {
            return;
        }
        long deadline = clock.nanos() + timeout.toNanos();
        for (var gateway : gateways.get()) {
            probe.awaitHealthy(gateway.name(), gateway.url(), workers,
                    Duration.ofNanos(Math.max(0, deadline - clock.nanos())));
        }
    }

    @Override
    public void close() {
        streams.forEach(GatewayEvents::close);
    }
}
