package io.clusterdeck.service.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterdeck.plan.GatewayConfig;
import io.clusterdeck.http.Json;
import java.time.Instant;
import java.util.Set;

/**
 * {@code GET /cluster}: every worker (name, segment, URL, pid, health state and since when, in-flight, calls
 * served, errors, latency percentiles in ms) and the routing table (per segment: balancing, functions, workers in
 * rotation).
 */
final class ClusterView {
    private ClusterView() {
    }

    static ObjectNode of(GatewayConfig config, WorkerRegistry registry) {
        var root = Json.object();
        root.put("gateway", config.name());
        root.put("time", Instant.now().toString());
        var workers = root.putArray("workers");
        for (var entry : registry.all()) {
            var worker = workers.addObject();
            var registration = entry.registration();
            worker.put("name", entry.name());
            worker.put("segment", entry.segment());
            worker.put("url", entry.url());
            worker.put("pid", registration.pid());
            worker.put("weight", registration.weight());
            worker.put("state", entry.health().state().json());
            worker.put("since", entry.health().since().toString());
            worker.put("inFlight", entry.inFlight());
            worker.put("served", entry.served());
            worker.put("errors", entry.errors());
            var histogram = entry.latencyMicros();
            var latency = worker.putObject("latencyMs");
            latency.put("p50", histogram.getValueAtPercentile(50) / 1000.0);
            latency.put("p90", histogram.getValueAtPercentile(90) / 1000.0);
            latency.put("p99", histogram.getValueAtPercentile(99) / 1000.0);
            latency.put("max", histogram.getMaxValue() / 1000.0);
        }
        var routes = root.putArray("routes");
        for (var segment : config.segments()) {
            var route = routes.addObject();
            route.put("segment", segment.name());
            route.put("balancing", segment.balancing().json());
            var functions = route.putArray("functions");
            segment.functions().forEach(functions::add);
            var inRotation = route.putArray("workers");
            registry.candidates(segment.name(), Set.of()).forEach(w -> inRotation.add(w.name()));
        }
        return root;
    }
}
