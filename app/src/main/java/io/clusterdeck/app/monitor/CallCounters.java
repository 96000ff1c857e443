package io.clusterdeck.app.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the gateways' cumulative counters into calls per second: per worker over every gateway, and per gateway over
 * its workers. A gateway counts a worker's calls from the worker's registration, and from zero again after either
 * restarts, so each gateway's counter of each worker is read on its own, never their sum (which drops when a gateway
 * goes away): a counter lower than before started again, and all it holds is new; a counter not seen before is new
 * too, unless its gateway is read for the first time. A gateway that does not answer keeps its counters, so a pause
 * that ends does not read as a burst.
 */
final class CallCounters {
    private final Map<String, Instant> readAt = new HashMap<>();
    private final Map<String, Map<String, Long>> served = new HashMap<>();

    /** Calls per second since the previous reading, by worker and by gateway (the gateways in the snapshot's order). */
    record Rates(Map<String, Double> byWorker, Map<String, Double> byGateway) {
    }

    Rates next(ClusterSnapshot snapshot) {
        var byWorker = new HashMap<String, Double>();
        var byGateway = new LinkedHashMap<String, Double>();
        for (var gateway : snapshot.gateways()) {
            var before = readAt.put(gateway.name(), gateway.time());
            double seconds = before == null ? 0
                    : Math.max(0.05, Duration.between(before, gateway.time()).toMillis() / 1000.0);
            var last = served.getOrDefault(gateway.name(), Map.of());
            var now = new HashMap<String, Long>();
            double total = 0;
            for (var worker : gateway.workers()) {
                Long was = last.get(worker.name());
                long count = worker.served();
                long since = was == null || count < was ? count : count - was;
                double rate = seconds == 0 ? 0 : since / seconds;
                byWorker.merge(worker.name(), rate, Double::sum);
                total += rate;
                now.put(worker.name(), count);
            }
            served.put(gateway.name(), now);
            byGateway.put(gateway.name(), total);
        }
        return new Rates(Map.copyOf(byWorker), java.util.Collections.unmodifiableMap(byGateway));
    }
}
