package io.clusterdeck.app.monitor;

import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.event.EventType;
import io.clusterdeck.launch.ProcessState;
import io.clusterdeck.launch.ProcessStatus;
import io.clusterdeck.plan.Plan;
import io.clusterdeck.plan.PlannedProcess;
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
 * The webshop with two gateways under steady traffic, gateway-2 killed at second 20: the launcher reports the fault,
 * the exit, the restart and the new process ready at 22; the gateway registers every worker again and finds them
 * healthy at 22.6. Until then gateway-1 forwards every call; each gateway's snapshot counts only its own calls, and
 * gateway-2's counts from zero after its restart.
 */
final class GatewayKillScenario {
    static final Path WEBSHOP_HA = Path.of("..", "designs", "webshop-ha.json");
    static final String VICTIM = "gateway-2";
    static final Instant START = KillScenario.START;
    /** Calls a second each segment serves, over both gateways. */
    static final Map<String, Double> SEGMENT_RATES = Map.of("storefront", 60.0, "orders", 20.0, "images", 30.0);

    final Plan plan = KillScenario.plan(WEBSHOP_HA);
    final ScriptedCluster cluster = new ScriptedCluster(plan);
    private final List<ClusterEvent> script = new ArrayList<>();
    /** Calls each gateway forwarded to each worker since the gateway (re)started. */
    private final Map<String, Map<String, Double>> served = new LinkedHashMap<>();
    /** Whether gateway-2 keeps running but stops answering, as an overloaded gateway would. */
    boolean victimSilent;
    private Instant clock = START;
    private Instant lastSecond = START;
    private int next;

    GatewayKillScenario() {
        for (var gateway : plan.gateways()) {
            served.put(gateway.name(), new LinkedHashMap<>());
            for (var worker : workers()) {
                at(0.3, EventType.REGISTERED, gateway.name(), worker.name(), "registered");
                at(0.8, EventType.HEALTHY, gateway.name(), worker.name(), "health check passed");
            }
        }
        at(20.0, EventType.FAULT, "launcher", VICTIM, "kill (SIGKILL) of pid 4102");
        at(20.03, EventType.EXITED, "launcher", VICTIM, "killed by SIGKILL");
        at(21.03, EventType.RESTARTED, "launcher", VICTIM, "restart 1 after killed by SIGKILL, in 1000 ms");
        at(22.0, EventType.READY, "launcher", VICTIM, "ready in 970 ms");
        for (var worker : workers()) {
            at(22.1, EventType.REGISTERED, VICTIM, worker.name(), "registered");
            at(22.6, EventType.HEALTHY, VICTIM, worker.name(), "health check passed");
        }
        script.sort(Comparator.comparing(ClusterEvent::instant));
        cluster.processes = statuses();
    }

    private List<PlannedProcess> workers() {
        return plan.withRole(Role.WORKER);
    }

    private void at(double seconds, EventType type, String source, String worker, String reason) {
        String segment = plan.process(worker).map(PlannedProcess::segment).orElse(null);
        script.add(ClusterEvent.of(START.plusMillis((long) (seconds * 1000)), type, source, worker, segment, reason));
    }

    /** Plays the scenario until {@code seconds} after its start, one frame every 250 ms. */
    void playUntil(double seconds, MonitorViewModel monitor) {
        var end = START.plusMillis((long) (seconds * 1000));
        while (clock.isBefore(end)) {
            clock = clock.plusMillis(250);
            while (next < script.size() && !script.get(next).instant().isAfter(clock)) {
                cluster.publish(script.get(next++));
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

    private boolean victimServes() {
        double t = elapsed();
        return t < 20 || t >= 22.6;
    }

    private boolean victimAnswers() {
        double t = elapsed();
        return t < 20 || t >= 22.0;
    }

    private void oneSecond() {
        if (elapsed() >= 22.0 && elapsed() < 23) {
            served.get(VICTIM).clear();
        }
        var carrying = victimServes() ? List.of("gateway-1", VICTIM) : List.of("gateway-1");
        for (var worker : workers()) {
            double perWorker = SEGMENT_RATES.get(worker.segment()) / plan.workersOf(worker.segment()).size();
            for (var gateway : carrying) {
                served.get(gateway).merge(worker.name(), perWorker / carrying.size(), Double::sum);
            }
        }
        var answers = new ArrayList<ClusterSnapshot>();
        for (var gateway : plan.gateways()) {
            if (gateway.name().equals(VICTIM) && (!victimAnswers() || victimSilent)) {
                continue;
            }
            var stats = new ArrayList<ClusterSnapshot.WorkerStats>();
            for (var worker : workers()) {
                boolean known = !gateway.name().equals(VICTIM) || victimServes() || elapsed() >= 22.1;
                if (known) {
                    long count = Math.round(served.get(gateway.name()).getOrDefault(worker.name(), 0.0));
                    String state = gateway.name().equals(VICTIM) && !victimServes() ? "starting" : "healthy";
                    stats.add(new ClusterSnapshot.WorkerStats(worker.name(), worker.segment(), 5000, 1, state, 1,
                            count, 0, 12, 30));
                }
            }
            var routes = new ArrayList<ClusterSnapshot.Route>();
            for (var segment : SEGMENT_RATES.keySet()) {
                routes.add(new ClusterSnapshot.Route(segment, "round-robin", List.of(), plan.workersOf(segment)
                        .stream().map(PlannedProcess::name).filter(w -> stats.stream().anyMatch(s -> s.name().equals(w)
                                && s.state().equals("healthy"))).toList()));
            }
            answers.add(new ClusterSnapshot(clock, stats, routes,
                    List.of(new ClusterSnapshot.Gateway(gateway.name(), clock, stats))));
        }
        cluster.snapshot = ClusterSnapshot.merge(answers).orElse(null);
        cluster.entryCalls = Math.max(0, cluster.entryCalls) + 50;
    }

    private List<ProcessStatus> statuses() {
        double t = elapsed();
        var statuses = new ArrayList<ProcessStatus>();
        long pid = 4100;
        for (var process : plan.processes()) {
            var state = ProcessState.RUNNING;
            long id = pid++;
            int restarts = 0;
            String lastExit = null;
            Instant started = START;
            if (process.name().equals(VICTIM) && t >= 20) {
                lastExit = "killed by SIGKILL";
                restarts = t >= 21.03 ? 1 : 0;
                state = t < 21.03 ? ProcessState.RESTARTING : t < 22.0 ? ProcessState.STARTING : ProcessState.RUNNING;
                id = t < 21.03 ? -1 : 6200;
                started = t < 21.03 ? null : START.plusMillis(21_030);
            }
            statuses.add(new ProcessStatus(process.name(), process.role(), process.segment(), id, process.url(),
                    state, started, restarts, lastExit));
        }
        return statuses;
    }
}
