package io.clusterdeck.app.monitor;

import io.clusterdeck.protocol.ClusterState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateways' view of their workers at one moment ({@code GET /cluster} of each gateway that answered, merged).
 * Counters are cumulative since the worker registered with a gateway; latencies are in milliseconds.
 *
 * @param time     when the latest of the gateways answered
 * @param workers  every worker some gateway knows, its counters added up over the gateways
 * @param routes   per segment, the workers some gateway routes to
 * @param gateways what each gateway that answered counted itself, in the order they were read
 */
public record ClusterSnapshot(Instant time, List<WorkerStats> workers, List<Route> routes, List<Gateway> gateways) {
    private static final List<String> INFORMED = List.of("healthy", "suspect", "unhealthy");

    public ClusterSnapshot {
        workers = List.copyOf(workers);
        routes = List.copyOf(routes);
        gateways = List.copyOf(gateways);
    }

    /** The answer of a single gateway named {@code gateway}. */
    public ClusterSnapshot(Instant time, List<WorkerStats> workers, List<Route> routes) {
        this(time, workers, routes, List.of(new Gateway("gateway", time, workers)));
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

    /** One gateway's own answer: the workers it knows and the calls it forwarded to each. */
    public record Gateway(String name, Instant time, List<WorkerStats> workers) {
        public Gateway {
            workers = List.copyOf(workers);
        }

        /** The calls this gateway forwarded to its workers, as far as they registered with it. */
        public long calls() {
            return workers.stream().mapToLong(WorkerStats::served).sum();
        }

        public long inFlight() {
            return workers.stream().mapToLong(WorkerStats::inFlight).sum();
        }
    }

    public Optional<WorkerStats> worker(String name) {
        return workers.stream().filter(w -> w.name().equals(name)).findFirst();
    }

    public Optional<Route> route(String segment) {
        return routes.stream().filter(r -> r.segment().equals(segment)).findFirst();
    }

    public Optional<Gateway> gateway(String name) {
        return gateways.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** Each answering gateway's state of a worker, by gateway; empty when none knows it. */
    public Map<String, String> statesOf(String worker) {
        var states = new LinkedHashMap<String, String>();
        for (var gateway : gateways) {
            gateway.workers().stream().filter(w -> w.name().equals(worker)).findFirst()
                    .ifPresent(w -> states.put(gateway.name(), w.state()));
        }
        return states;
    }

    /**
     * The state to show for a worker that several gateways judge: the worst judgement of the gateways that have
     * checked it (unhealthy, then suspect, then healthy), so a worker failing anywhere shows at once; "starting"
     * while every gateway that knows it has only just registered it, as a gateway does after its own restart; null
     * when no gateway knows it. A gateway that does not answer has no say.
     */
    public static String mergedState(Collection<String> states) {
        String merged = null;
        for (var state : states) {
            if (merged == null || INFORMED.indexOf(state) > INFORMED.indexOf(merged)) {
                merged = state;
            }
        }
        return merged;
    }

    /**
     * The gateways' answers as one: each worker's served, errors and in-flight calls added up, its state by
     * {@link #mergedState}, its median latency weighted by the calls each gateway served and its worst 99th
     * percentile; per segment every worker some gateway routes to. Empty when no gateway answered.
     */
    public static Optional<ClusterSnapshot> merge(List<ClusterSnapshot> answers) {
        if (answers.size() <= 1) {
            return answers.stream().findFirst();
        }
        var time = answers.stream().map(ClusterSnapshot::time).max(Instant::compareTo).orElseThrow();
        var byWorker = new LinkedHashMap<String, List<WorkerStats>>();
        var routes = new LinkedHashMap<String, List<Route>>();
        var gateways = new ArrayList<Gateway>();
        for (var answer : answers) {
            answer.workers().forEach(w -> byWorker.computeIfAbsent(w.name(), n -> new ArrayList<>()).add(w));
            answer.routes().forEach(r -> routes.computeIfAbsent(r.segment(), s -> new ArrayList<>()).add(r));
            gateways.addAll(answer.gateways());
        }
        var workers = byWorker.values().stream().map(ClusterSnapshot::merged).toList();
        var merged = routes.values().stream().map(views -> {
            var inRotation = new LinkedHashSet<String>();
            views.forEach(r -> inRotation.addAll(r.inRotation()));
            var first = views.get(0);
            return new Route(first.segment(), first.balancing(), first.functions(), List.copyOf(inRotation));
        }).toList();
        return Optional.of(new ClusterSnapshot(time, workers, merged, gateways));
    }

    private static WorkerStats merged(List<WorkerStats> views) {
        var first = views.get(0);
        long pid = views.stream().mapToLong(WorkerStats::pid).filter(p -> p > 0).findFirst().orElse(first.pid());
        long served = views.stream().mapToLong(WorkerStats::served).sum();
        double p50 = served == 0 ? views.stream().mapToDouble(WorkerStats::p50Ms).max().orElse(0)
                : views.stream().mapToDouble(w -> w.p50Ms() * w.served()).sum() / served;
        double p99 = views.stream().filter(w -> served == 0 || w.served() > 0).mapToDouble(WorkerStats::p99Ms).max()
                .orElse(0);
        return new WorkerStats(first.name(), first.segment(), pid, first.weight(),
                mergedState(views.stream().map(WorkerStats::state).toList()),
                views.stream().mapToLong(WorkerStats::inFlight).sum(), served,
                views.stream().mapToLong(WorkerStats::errors).sum(), p50, p99);
    }

    /** Every answering gateway's view ({@code GET /cluster}), by gateway name, as one snapshot; empty when none answered. */
    public static Optional<ClusterSnapshot> of(Map<String, ClusterState> byGateway) {
        var answers = new ArrayList<ClusterSnapshot>();
        byGateway.forEach((gateway, state) -> answers.add(of(gateway, state)));
        return merge(answers);
    }

    /** A gateway's view; the gateway is named as it names itself. */
    public static ClusterSnapshot of(ClusterState state) {
        return of(state.gateway() == null ? "gateway" : state.gateway(), state);
    }

    /** The view of the named gateway. */
    public static ClusterSnapshot of(String gateway, ClusterState state) {
        var workers = state.workers().stream().map(w -> new WorkerStats(w.name(), w.segment(), w.pid(),
                Math.max(1, w.weight()), w.state() == null ? "starting" : w.state(), w.inFlight(), w.served(),
                w.errors(), w.latencyMs().p50(), w.latencyMs().p99())).toList();
        var routes = state.routes().stream().map(r -> new Route(r.segment(), r.balancing(), r.functions(),
                r.workers())).toList();
        var time = state.time() != null ? Instant.parse(state.time()) : Instant.now();
        return new ClusterSnapshot(time, workers, routes, List.of(new Gateway(gateway, time, workers)));
    }
}
