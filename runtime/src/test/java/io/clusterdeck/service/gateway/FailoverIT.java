package io.clusterdeck.service.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.event.EventType;
import io.clusterdeck.http.Json;
import io.clusterdeck.service.Await;
import io.clusterdeck.service.Events;
import io.clusterdeck.service.Load;
import io.clusterdeck.service.ServiceProcesses;
import io.clusterdeck.service.TestConfigs;
import io.clusterdeck.service.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Real gateway and worker processes under steady load, with workers killed, paused and restarted. */
class FailoverIT {
    private static final Logger LOG = LoggerFactory.getLogger(FailoverIT.class);
    private static final int TIMEOUT_MS = 2_000;

    private final ServiceProcesses processes = new ServiceProcesses();
    private ServiceProcesses.Running gateway;

    @BeforeEach
    void startCluster() {
        gateway = processes.start(TestConfigs.gateway(0, TestConfigs.FAST_CHECKS, TIMEOUT_MS, processes.keyFile()));
        for (int i = 1; i <= 3; i++) {
            startWorker("worker-shop-" + i);
        }
        awaitInRotation(3);
    }

    @AfterEach
    void killEverything() {
        processes.close();
    }

    private ServiceProcesses.Running startWorker(String name) {
        return processes.start(TestConfigs.worker(name, "shop", gateway.url(), processes.keyFile()));
    }

    @Test
    void killedWorkerCostsNoIdempotentCallAndGetsNoCallAfterDetection() {
        var victim = "worker-shop-2";
        Instant killedAt;
        try (var load = new Load(gateway.url() + "/rpc/shop/read", 4, Duration.ofMillis(2))) {
            Load.sleep(Duration.ofMillis(1_500));
            killedAt = Instant.now();
            killByName(victim);
            var detected = Await.until(victim + " is out of rotation", Duration.ofSeconds(10), () -> !inRotation(victim));
            LOG.info("kill -9 of {}: out of rotation {} ms after the kill was seen by the test", victim, detected);
            Load.sleep(Duration.ofMillis(300));
            long handledAfterDetection = handled(victim);
            Load.sleep(Duration.ofMillis(2_000));

            assertThat(handled(victim)).as("calls the gateway sent to the dead worker after detection").isEqualTo(handledAfterDetection);
            load.stop();
            var outcomes = load.outcomes();
            var failures = load.failures();
            LOG.info("{} calls under load, {} after the kill, {} failed", outcomes.size(), load.since(killedAt).size(),
                    failures.size());
            assertThat(failures).as("failed idempotent calls (%s killed at %s); the gateway's events:%n%s",
                    victim, killedAt, eventsAround(failures)).isEmpty();
            assertThat(load.since(killedAt)).hasSizeGreaterThan(50);
        }

        var events = Events.read(gateway.url(), list -> false, Duration.ofSeconds(2));
        var ofVictim = events.stream().filter(e -> victim.equals(e.worker())).map(ClusterEvent::type).collect(Collectors.toList());
        assertThat(ofVictim).as("events of %s", victim)
                .containsSubsequence(EventType.REGISTERED, EventType.HEALTHY, EventType.SUSPECT, EventType.UNHEALTHY);
        assertThat(events).extracting(ClusterEvent::instant).isSorted();
        assertThat(events).anyMatch(e -> e.type() == EventType.RETRIED && victim.equals(e.worker()));
    }

    @Test
    void restartedWorkerServesCallsSoonAfterItsFirstPassingHealthCheck() {
        var victim = "worker-shop-3";
        killByName(victim);
        Await.until(victim + " is out of rotation", Duration.ofSeconds(10), () -> !inRotation(victim));
        try (var load = new Load(gateway.url() + "/rpc/shop/read", 3, Duration.ofMillis(5))) {
            startWorker(victim);
            Await.until(victim + " passes a health check", Duration.ofSeconds(10), () -> inRotation(victim));
            var healthyAt = Instant.now();
            long servedAfter = Await.until(victim + " serves a call", Duration.ofSeconds(10), () ->
                    load.since(healthyAt).stream().anyMatch(o -> victim.equals(o.worker())));
            LOG.info("restarted {} served its first call {} ms after it was seen healthy", victim, servedAfter);
            load.stop();
            assertThat(load.failures()).isEmpty();
        }
    }

    @Test
    void pausedWorkerMakesNoClientWaitPastTheTimeout() {
        var victim = "worker-shop-1";
        var pid = pidOf(victim);
        try (var load = new Load(gateway.url() + "/rpc/shop/read", 4, Duration.ofMillis(2))) {
            Load.sleep(Duration.ofMillis(1_000));
            var pausedAt = Instant.now();
            signal(pid, "STOP");
            try {
                long detected = Await.until(victim + " is out of rotation", Duration.ofSeconds(10), () -> !inRotation(victim));
                LOG.info("SIGSTOP of {}: out of rotation after {} ms", victim, detected);
                Load.sleep(Duration.ofMillis(2_500));
            } finally {
                signal(pid, "CONT");
            }
            load.stop();
            var duringPause = load.since(pausedAt);
            long longest = duringPause.stream().mapToLong(Load.Outcome::millis).max().orElse(0);
            LOG.info("{} calls while paused, longest {} ms, {} failed", duringPause.size(), longest,
                    duringPause.stream().filter(o -> o.status() != 200).count());
            assertThat(longest).as("longest wait of a client (timeout %d ms)", TIMEOUT_MS).isLessThan(TIMEOUT_MS + 1_000);
            assertThat(duringPause).allSatisfy(o -> assertThat(o.status()).isIn(200, 504));
            assertThat(duringPause.stream().filter(o -> o.status() == 200).count()).isGreaterThan(50);
        }
    }

    /** The gateway's events from shortly before each failed call to its end, to tell why a call failed. */
    private String eventsAround(List<Load.Outcome> failures) {
        if (failures.isEmpty()) {
            return "";
        }
        var events = Events.read(gateway.url(), list -> false, Duration.ofSeconds(1));
        return events.stream()
                .filter(e -> failures.stream().anyMatch(f -> {
                    var at = e.instant();
                    return !at.isBefore(f.started().minusMillis(200)) && !at.isAfter(f.started().plusMillis(f.millis() + 200));
                }))
                .map(ClusterEvent::toString)
                .collect(Collectors.joining(System.lineSeparator()));
    }

    private void killByName(String worker) {
        signal(pidOf(worker), "KILL");
    }

    private static void signal(long pid, String signal) {
        try {
            var kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            assertThat(kill.waitFor()).isZero();
        } catch (Exception e) {
            throw new AssertionError("kill -" + signal + " " + pid, e);
        }
    }

    private long pidOf(String worker) {
        return worker(worker).path("pid").asLong();
    }

    private long handled(String worker) {
        var entry = worker(worker);
        return entry.path("served").asLong() + entry.path("errors").asLong();
    }

    private com.fasterxml.jackson.databind.JsonNode worker(String name) {
        try {
            for (var worker : Json.mapper().readTree(TestHttp.get(gateway.url() + "/cluster").body()).path("workers")) {
                if (worker.path("name").asText().equals(name)) {
                    return worker;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private boolean inRotation(String name) {
        return worker(name).path("state").asText().equals("healthy");
    }

    private void awaitInRotation(int count) {
        Await.until(count + " workers in rotation", Duration.ofSeconds(20), () -> List.of("worker-shop-1", "worker-shop-2",
                "worker-shop-3").stream().filter(this::inRotation).count() == count);
    }
}
