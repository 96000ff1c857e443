package io.clusterdeck.app.monitor;

import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.event.EventType;
import io.clusterdeck.launch.ProcessState;
import io.clusterdeck.launch.ProcessStatus;
import io.clusterdeck.load.LoadSecond;
import io.clusterdeck.plan.Plan;
import io.clusterdeck.plan.PlanOptions;
import io.clusterdeck.plan.Planner;
import io.clusterdeck.plan.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The webshop design under steady traffic, with worker-images-2 killed at second 20: the events the launcher and
 * the gateway report (fault, exit, suspect, retries, one timed-out call, unhealthy, restart, removal,
 * registration, healthy again) and the process lists and gateway snapshots polled along the way.
 */
final class KillScenario {
    static final Path WEBSHOP = Path.of("..", "designs", "webshop.json");
    static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    static final String VICTIM = "worker-images-2";
    static final Duration KILL_AT = Duration.ofSeconds(20);
    static final Map<String, Double> SEGMENT_RATES = Map.of("storefront", 64.0, "orders", 14.0, "images", 30.0);
    /** Calls a second entering through the proxy: fewer than the segments serve, which count calls between them. */
    static final long ENTRY_RATE = 50;

    final Plan plan;
    final ScriptedCluster cluster;
    private final List<ClusterEvent> script = new ArrayList<>();
    private final Map<String, Double> served = new LinkedHashMap<>();
    private final Map<String, Long> pids = new LinkedHashMap<>();
    private Instant clock = START;
    private Instant lastSecond = START;
    private int next;

    KillScenario() {
        this(plan(WEBSHOP));
    }

    KillScenario(Plan plan) {
        this.plan = plan;
        this.cluster = new ScriptedCluster(plan);
        long pid = 4100;
        for (var process : plan.processes()) {
            pids.put(process.name(), pid++);
            if (process.role() == Role.WORKER) {
                served.put(process.name(), 0.0);
            }
        }
        at(0.2, EventType.REGISTERED, "gateway", null, "worker registered");
        for (var worker : served.keySet()) {
            at(0.3, EventType.REGISTERED, "gateway", worker, "registered");
            at(0.8, EventType.HEALTHY, "gateway", worker, "health check passed");
        }
        at(20.0, EventType.FAULT, "launcher", VICTIM, "kill (SIGKILL) of pid " + pids.get(VICTIM));
        at(20.04, EventType.EXITED, "launcher", VICTIM, "killed by SIGKILL");
        at(20.08, EventType.SUSPECT, "gateway", VICTIM, "connection refused");
        for (int i = 0; i < 4; i++) {
            at(20.09 + i * 0.02, EventType.RETRIED, "gateway", VICTIM, "images/thumbnail retried on another worker");
        }
        at(20.2, EventType.TIMED_OUT, "gateway", VICTIM, "images/thumbnail ran past 3000 ms");
        at(20.9, EventType.UNHEALTHY, "gateway", VICTIM, "2 failed health checks in 1000 ms");
        at(21.05, EventType.RESTARTED, "launcher", VICTIM, "restart 1 after killed by SIGKILL, in 1000 ms");
        at(21.4, EventType.REMOVED, "gateway", VICTIM, "unreachable");
        at(22.6, EventType.REGISTERED, "gateway", VICTIM, "registered");
        at(23.1, EventType.HEALTHY, "gateway", VICTIM, "health check passed");
        script.sort(Comparator.comparing(ClusterEvent::instant));
        cluster.processes = statuses();
    }

    static Plan plan(Path design) {
        return Planner.plan(DesignFiles.load(design).orThrow(), PlanOptions.local(design.getParent()).withCores(4));
    }

    private void at(double seconds, EventType type, String source, String worker, String reason) {
        String segment = worker == null ? null : plan.process(worker).map(p -> p.segment()).orElse(null);
        script.add(ClusterEvent.of(START.plusMillis((long) (seconds * 1000)), type, source, worker, segment, reason));
    }

    Instant now() {
        return clock;
    }

    /** Plays the scenario until {@code seconds} after its start, one frame every 250 ms. */
    void playUntil(double seconds, MonitorViewModel monitor) {
        var end = START.plusMillis((long) (seconds * 1000));
        while (clock.isBefore(end)) {
            clock = clock.plusMillis(250);
            while (next < script.size() && !script.get(next).instant().isAfter(clock)) {
                var event = script.get(next++);
                cluster.publish(event);
                if (event.worker() != null && event.source().equals("launcher")) {
                    cluster.logLine(event.worker(), "[launcher] " + event.type().json() + ": " + event.reason());
                }
            }
            if (Duration.between(START, clock).toMillis() % 5000 == 0) {
                for (var worker : served.keySet()) {
                    if (!worker.contains("@")) {
                        cluster.logLine(worker, clock + " INFO served " + Math.round(served.get(worker))
                                + " calls, heap 31 MB");
                    }
                }
            }
            cluster.processes = statuses();
            if (Duration.between(lastSecond, clock).toMillis() >= 1000) {
                oneSecond();
                lastSecond = clock;
            }
            monitor.frame(clock);
        }
    }

    private double elapsed() {
        return Duration.between(START, clock).toMillis() / 1000.0;
    }

    private boolean victimServing() {
        double t = elapsed();
        return t < KILL_AT.toSeconds() || t >= 23.1;
    }

    private void oneSecond() {
        var inRotation = inRotation();
        for (var entry : SEGMENT_RATES.entrySet()) {
            var workers = inRotation.getOrDefault(entry.getKey(), List.of());
            for (var worker : workers) {
                // Least-requests is not perfectly even: the first worker of a segment gets a little more.
                double skew = worker.endsWith("-1") ? 1.06 : 0.97;
                served.merge(worker, entry.getValue() / workers.size() * skew, Double::sum);
            }
        }
        cluster.processes = statuses();
        cluster.snapshot = snapshot(inRotation);
        cluster.entryCalls = Math.max(0, cluster.entryCalls) + ENTRY_RATE;
        for (var function : List.copyOf(cluster.traffic.keySet())) {
            boolean images = function.startsWith("images");
            double t = elapsed();
            boolean hurt = images && t >= 20 && t < 22;
            cluster.second(function, new LoadSecond((int) t, 20, hurt ? 17 : 20,
                    hurt ? Map.of("timeout", 1L, "503", 2L) : Map.of(), images ? 41 : 11, hurt ? 2900 : images ? 58 : 19,
                    Map.of()));
        }
    }

    private Map<String, List<String>> inRotation() {
        var rotation = new LinkedHashMap<String, List<String>>();
        for (var process : plan.withRole(Role.WORKER)) {
            if (!process.name().equals(VICTIM) || victimServing()) {
                rotation.computeIfAbsent(process.segment(), s -> new ArrayList<>()).add(process.name());
            }
        }
        return rotation;
    }

    private List<ProcessStatus> statuses() {
        double t = elapsed();
        var statuses = new ArrayList<ProcessStatus>();
        for (var process : plan.processes()) {
            var state = ProcessState.RUNNING;
            long pid = pids.get(process.name());
            int restarts = 0;
            String lastExit = null;
            Instant started = START;
            if (process.name().equals(VICTIM) && t >= 20) {
                lastExit = "killed by SIGKILL";
                restarts = t >= 21.05 ? 1 : 0;
                state = t < 21.05 ? ProcessState.RESTARTING : t < 22.6 ? ProcessState.STARTING : ProcessState.RUNNING;
                pid = t < 21.05 ? -1 : 5123;
                started = t < 21.05 ? null : START.plusMillis(21_050);
            }
            statuses.add(new ProcessStatus(process.name(), process.role(), process.segment(), pid, process.url(),
                    state, started, restarts, lastExit));
        }
        return statuses;
    }

    private ClusterSnapshot snapshot(Map<String, List<String>> rotation) {
        double t = elapsed();
        if (t >= 22.6) {
            // The restarted worker registers again and counts from zero.
            served.putIfAbsent(VICTIM + "@restart", served.get(VICTIM));
        }
        var workers = new ArrayList<ClusterSnapshot.WorkerStats>();
        for (var process : plan.withRole(Role.WORKER)) {
            var name = process.name();
            boolean victim = name.equals(VICTIM);
            if (victim && t >= 21.4 && t < 22.6) {
                continue;
            }
            String state = victim && t >= 20 && t < 23.1 ? (t < 20.9 ? "suspect" : t < 22.6 ? "unhealthy" : "starting") : "healthy";
            double p50 = name.contains("images") ? 41 : name.contains("orders") ? 24 : 9;
            boolean strained = name.contains("images") && !victim && t >= 20 && t < 24;
            double p99 = p50 * (strained ? 3.4 : 1.8) + process.instance();
            long count = victim && t >= 22.6 ? Math.round(served.get(name) - served.get(name + "@restart"))
                    : Math.round(served.get(name));
            workers.add(new ClusterSnapshot.WorkerStats(name, process.segment(), victim && t >= 21.05 ? 5123 : pids.get(name),
                    1, state, strained ? 3 : 1, count, 0, p50, p99));
        }
        var routes = new ArrayList<ClusterSnapshot.Route>();
        for (var segment : SEGMENT_RATES.keySet()) {
            routes.add(new ClusterSnapshot.Route(segment, "round-robin", List.of(), rotation.getOrDefault(segment, List.of())));
        }
        return new ClusterSnapshot(clock, workers, routes);
    }
}
