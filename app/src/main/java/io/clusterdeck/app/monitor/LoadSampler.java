package io.clusterdeck.app.monitor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Brings each reading of the gateways to the rows and the load charts: every worker's and gateway's calls per second,
 * the gateways' view of each worker, each segment's split over its workers and, with several gateways, the split of
 * the calls over the gateways. Changes rows and loads only on the FX thread, as the view-model does.
 */
final class LoadSampler {
    private final List<ProcessRow> rows;
    private final Map<String, SegmentLoad> segments;
    private final SegmentLoad gateways;
    private final CallCounters counters = new CallCounters();
    private boolean counted;

    /**
     * @param rows     the view-model's rows, as they are at each reading
     * @param gateways how calls spread over the gateways, or null with a single gateway
     */
    LoadSampler(List<ProcessRow> rows, Map<String, SegmentLoad> segments, SegmentLoad gateways) {
        this.rows = rows;
        this.segments = segments;
        this.gateways = gateways;
    }

    /** Whether a gateway's counters have been read: until then the calls the traffic saw stand in for them. */
    boolean counted() {
        return counted;
    }

    /** A reading of the gateways that answered. */
    void snapshot(ClusterSnapshot snapshot) {
        var rates = counters.next(snapshot);
        var workerRates = new HashMap<String, Double>();
        var weights = new HashMap<String, Integer>();
        var gatewayRates = new HashMap<String, Double>();
        var answering = new ArrayList<String>();
        for (var row : rows) {
            if (row.isGateway()) {
                var seen = snapshot.gateway(row.name());
                seen.ifPresentOrElse(row::answered, row::silent);
                row.callsPerSecond(rates.byGateway().getOrDefault(row.name(), 0.0));
                gatewayRates.put(row.name(), row.callsPerSecondProperty().get());
                if (seen.isPresent() && row.serves()) {
                    answering.add(row.name());
                }
            } else if (row.isWorker()) {
                var stats = snapshot.worker(row.name());
                if (stats.isPresent()) {
                    row.stats(stats.get(), snapshot.statesOf(row.name()));
                    weights.put(row.name(), stats.get().weight());
                } else {
                    row.unknownToGateway();
                }
                workerRates.put(row.name(), rates.byWorker().getOrDefault(row.name(), 0.0));
            }
        }
        sample(workerRates, segment -> snapshot.route(segment).map(ClusterSnapshot.Route::inRotation)
                .orElse(List.of()), weights);
        if (gateways != null) {
            // The proxy takes turns over the gateways that are up: those are the ones due an even share.
            gateways.sample(gatewayRates, answering, Map.of(), new TreeSet<>(gatewayRates.keySet()));
        }
        counted = true;
    }

    /** No gateway answered. */
    void silence() {
        rows.stream().filter(ProcessRow::isGateway).forEach(ProcessRow::silent);
    }

    /**
     * Without the gateways' counters, the calls the traffic generator saw each worker answer are the next best
     * measure of the load's spread; the workers in rotation are then the healthy ones.
     */
    void callerRates(Map<String, Long> answeredByWorker) {
        var rates = new HashMap<String, Double>();
        for (var row : rows) {
            if (row.isWorker()) {
                rates.put(row.name(), answeredByWorker.getOrDefault(row.name(), 0L).doubleValue());
            }
        }
        sample(rates, segment -> rows.stream().filter(r -> segment.equals(r.segment()) && r.health() == Health.UP)
                .map(ProcessRow::name).toList(), Map.of());
    }

    private void sample(Map<String, Double> rates, Function<String, List<String>> inRotation,
                        Map<String, Integer> weights) {
        var bySegment = new HashMap<String, Map<String, Double>>();
        for (var row : rows) {
            var rate = rates.get(row.name());
            if (rate != null) {
                row.callsPerSecond(rate);
                bySegment.computeIfAbsent(row.segment(), s -> new HashMap<>())
                        .put(row.name(), row.callsPerSecondProperty().get());
            }
        }
        for (var load : segments.values()) {
            var segmentRates = bySegment.getOrDefault(load.name(), Map.of());
            load.sample(segmentRates, inRotation.apply(load.name()), weights, new TreeSet<>(segmentRates.keySet()));
        }
    }
}
