package io.clusterdeck.app.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's view of its workers at one moment ({@code GET /cluster}). Counters are cumulative since the
 * worker registered; latencies are in milliseconds.
 */
public record ClusterSnapshot(Instant time, List<WorkerStats> workers, List<Route> routes) {
    public ClusterSnapshot {
        workers = List.copyOf(workers);
        routes = List.copyOf(routes);
    }

    /**
     * One registered worker.
     *
     * @param state the gateway's health state: starting, healthy, suspect or unhealthy
     */
    public record WorkerStats(String name, String segment, long pid, int weight, String state, long inFlight,
                              long served, long errors, double p50Ms, double p99Ms) {
    }

    /** A segment's routing: the workers in rotation, in the gateway's order. */
    public record Route(String segment, String balancing, List<String> functions, List<String> inRotation) {
        public Route {
            functions = List.copyOf(functions);
            inRotation = List.copyOf(inRotation);
        }
    }

    public Optional<WorkerStats> worker(String name) {
        return workers.stream().filter(w -> w.name().equals(name)).findFirst();
    }

    public Optional<Route> route(String segment) {
        return routes.stream().filter(r -> r.segment().equals(segment)).findFirst();
    }

    /** Reads the gateway's JSON answer. */
    public static ClusterSnapshot fromJson(JsonNode root) {
        var workers = new ArrayList<WorkerStats>();
        for (var w : root.path("workers")) {
            var latency = w.path("latencyMs");
            workers.add(new WorkerStats(w.path("name").asText(), w.path("segment").asText(), w.path("pid").asLong(-1),
                    w.path("weight").asInt(1), w.path("state").asText("starting"), w.path("inFlight").asLong(),
                    w.path("served").asLong(), w.path("errors").asLong(), latency.path("p50").asDouble(),
                    latency.path("p99").asDouble()));
        }
        var routes = new ArrayList<Route>();
        for (var r : root.path("routes")) {
            routes.add(new Route(r.path("segment").asText(), r.path("balancing").asText(), texts(r.path("functions")),
                    texts(r.path("workers"))));
        }
        var time = root.hasNonNull("time") ? Instant.parse(root.get("time").asText()) : Instant.now();
        return new ClusterSnapshot(time, workers, routes);
    }

    private static List<String> texts(JsonNode array) {
        var texts = new ArrayList<String>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
