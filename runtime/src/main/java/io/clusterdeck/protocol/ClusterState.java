package io.clusterdeck.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterdeck.json.JsonTrees;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A gateway's view of its workers at one moment, {@code GET /cluster}: every worker it knows with its health and
 * the calls it forwarded to it (counters since the worker registered with this gateway), and its routing table.
 *
 * @param gateway the gateway's name
 * @param time    when the view was taken, ISO-8601
 */
public record ClusterState(String gateway, String time, List<Worker> workers, List<Route> routes) {
    public ClusterState {
        workers = workers == null ? List.of() : List.copyOf(workers);
        routes = routes == null ? List.of() : List.copyOf(routes);
    }

    /**
     * One registered worker.
     *
     * @param state    {@code starting}, {@code healthy}, {@code suspect} or {@code unhealthy}
     * @param since    when it entered that state, ISO-8601
     * @param served   calls this gateway forwarded to it that it answered
     * @param latencyMs percentiles of those calls
     */
    public record Worker(String name, String segment, String url, long pid, int weight, String state, String since,
                         long inFlight, long served, long errors, Latency latencyMs) {
        public Worker {
            latencyMs = latencyMs == null ? Latency.NONE : latencyMs;
        }

        /** The {@code state} of a worker that takes calls. */
        public static final String HEALTHY = "healthy";

        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean healthy() {
            return HEALTHY.equals(state);
        }
    }

    /** Latency percentiles in milliseconds. */
    public record Latency(double p50, double p90, double p99, double max) {
        public static final Latency NONE = new Latency(0, 0, 0, 0);
    }

    /** A segment's routing: how it balances, its functions, and the workers in rotation in the gateway's order. */
    public record Route(String segment, String balancing, List<String> functions, List<String> workers) {
        public Route {
            functions = functions == null ? List.of() : List.copyOf(functions);
            workers = workers == null ? List.of() : List.copyOf(workers);
        }
    }

    /**
     * The view as the tree a mapper writes of the record: a gateway answers {@code GET /cluster} without building
     * one (its readers, the launcher and the desktop application, read it into the record).
     */
    public ObjectNode tree() {
        var tree = JsonTrees.object().put("gateway", gateway).put("time", time);
        var workerTrees = tree.putArray("workers");
        for (var w : workers) {
            var worker = workerTrees.addObject().put("name", w.name).put("segment", w.segment).put("url", w.url)
                    .put("pid", w.pid).put("weight", w.weight).put("state", w.state).put("since", w.since)
                    .put("inFlight", w.inFlight).put("served", w.served).put("errors", w.errors);
            worker.putObject("latencyMs").put("p50", w.latencyMs.p50).put("p90", w.latencyMs.p90)
                    .put("p99", w.latencyMs.p99).put("max", w.latencyMs.max);
        }
        var routeTrees = tree.putArray("routes");
        for (var r : routes) {
            var route = routeTrees.addObject().put("segment", r.segment).put("balancing", r.balancing);
            r.functions.forEach(route.putArray("functions")::add);
            r.workers.forEach(route.putArray("workers")::add);
        }
        return tree;
    }

    /**
     * The names of the workers a view's tree finds healthy, read without binding the whole view: what a launch waits
     * on, every few milliseconds while its processes start.
     */
    public static Set<String> healthyWorkers(JsonNode tree) {
        var healthy = new HashSet<String>();
        for (var worker : tree.path("workers")) {
            if (Worker.HEALTHY.equals(worker.path("state").textValue()) && worker.path("name").isTextual()) {
                healthy.add(worker.path("name").textValue());
            }
        }
        return healthy;
    }

    public Optional<Worker> worker(String name) {
        return workers.stream().filter(w -> w.name().equals(name)).findFirst();
    }
}
