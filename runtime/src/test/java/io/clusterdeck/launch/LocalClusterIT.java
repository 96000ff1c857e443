package io.clusterdeck.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.design.Restart;
import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.event.EventType;
import io.clusterdeck.load.LoadGenerator;
import io.clusterdeck.load.LoadSpec;
import io.clusterdeck.plan.Planner;
import io.clusterdeck.service.Await;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The launcher in this JVM, its processes real: supervision, scaling and load. */
@Timeout(180)
class LocalClusterIT {
    @TempDir
    Path folder;

    private LocalCluster cluster;

    @AfterEach
    void stopEverything() {
        if (cluster != null) {
            var pids = cluster.processes().stream().map(ProcessStatus::pid).filter(p -> p > 0).toList();
            cluster.close();
            assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("process %d still alive after close", pid).isFalse());
        }
    }

    @Test
    void killedWorkerWithRestartAlwaysComesBackAndServesCalls() {
        cluster = launch(TestDesigns.echo(2, Restart.ALWAYS));
        var victim = Planner.workerName("echo", 1);
        long oldPid = cluster.process(victim).pid();

        cluster.kill(victim);

        Await.until("a restarted " + victim, Duration.ofSeconds(30), () -> {
            var status = cluster.process(victim);
            return status.state() == ProcessState.RUNNING && status.pid() > 0 && status.pid() != oldPid;
        });
        assertThat(types(victim)).containsSubsequence(EventType.FAULT, EventType.EXITED, EventType.RESTARTED);
        Await.until(victim + " serving again", Duration.ofSeconds(30), () ->
                victim.equals(Calls.call(gateway(), "echo/fast").worker()));
        assertThat(cluster.process(victim).restarts()).isEqualTo(1);
    }

    @Test
    void killedWorkerWithRestartNeverStaysDownAndTheOthersTakeTheLoad() {
        cluster = launch(TestDesigns.echo(2, Restart.NEVER));
        var victim = Planner.workerName("echo", 1);

        cluster.kill(victim);

        Await.until(victim + " exited", Duration.ofSeconds(30), () -> cluster.process(victim).state() == ProcessState.EXITED);
        var served = new HashSet<String>();
        for (int i = 0; i < 20; i++) {
            var answer = Calls.call(gateway(), "echo/fast");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            served.add(answer.worker());
        }
        assertThat(served).containsExactly(Planner.workerName("echo", 2));
        assertThat(types(victim)).doesNotContain(EventType.RESTARTED);
    }

    @Test
    void scalingASegmentUpAndDownChangesWhoServesWithNoFailedCall() throws Exception {
        cluster = launch(TestDesigns.echo(2, Restart.ALWAYS));
        var load = new LoadGenerator(new LoadSpec(URI.create(gateway()), List.of(new LoadSpec.Target("echo/fast", null)),
                50, Duration.ofSeconds(60), 200, Duration.ofSeconds(5)));
        var running = CompletableFuture.supplyAsync(() -> load.run(s -> { }));
        Set<String> servedAfterScaleUp = ConcurrentHashMap.newKeySet();

        cluster.scale("echo", 4);
        Await.until("calls served by all four workers", Duration.ofSeconds(30), () -> {
            servedAfterScaleUp.add(Calls.call(gateway(), "echo/fast").worker());
            return servedAfterScaleUp.size() == 4;
        });
        cluster.scale("echo", 2);
        Await.until("the removed workers gone", Duration.ofSeconds(30), () -> cluster.processes().size() == 4);
        Set<String> servedAfterScaleDown = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            servedAfterScaleDown.add(Calls.call(gateway(), "echo/fast").worker());
        }
        load.stop();
        var report = running.get();

        assertThat(servedAfterScaleUp).containsExactlyInAnyOrder("worker-echo-1", "worker-echo-2", "worker-echo-3", "worker-echo-4");
        var remaining = cluster.processes().stream().filter(p -> p.role() == io.clusterdeck.plan.Role.WORKER)
                .map(ProcessStatus::name).toList();
        assertThat(remaining).hasSize(2);
        assertThat(servedAfterScaleDown).containsExactlyInAnyOrderElementsOf(remaining);
        assertThat(cluster.plan().workersOf("echo")).extracting(p -> p.name()).containsExactlyInAnyOrderElementsOf(remaining);
        assertThat(report.errors()).as(report.render()).isEmpty();
        assertThat(report.ok()).isPositive();
    }

    @Test
    void scalingDownRemovesAnUnhealthyWorkerBeforeHealthyOnes() {
        cluster = launch(TestDesigns.echo(3, Restart.ALWAYS));
        var sick = Planner.workerName("echo", 1);
        cluster.setHealthy(sick, false);
        Await.until("the gateway to find " + sick + " unhealthy", Duration.ofSeconds(30),
                () -> types(sick).contains(EventType.UNHEALTHY));

        cluster.scale("echo", 2);

        Await.until(sick + " gone", Duration.ofSeconds(30),
                () -> cluster.processes().stream().noneMatch(p -> p.name().equals(sick)));
        assertThat(cluster.processes()).extracting(ProcessStatus::name)
                .contains(Planner.workerName("echo", 2), Planner.workerName("echo", 3));
        for (int i = 0; i < 10; i++) {
            assertThat(Calls.call(gateway(), "echo/fast").status()).isEqualTo(200);
        }
        cluster.scale("echo", 3);
        Await.until("three workers again", Duration.ofSeconds(30), () -> cluster.processes().stream()
                .filter(p -> p.role() == io.clusterdeck.plan.Role.WORKER).count() == 3);
    }

    @Test
    void loadAtAFixedRateReportsTheRateAskedForAndTheLatencyOfTheFunction() {
        cluster = launch(TestDesigns.echo(2, Restart.ALWAYS));
        var spec = new LoadSpec(URI.create(gateway()), List.of(new LoadSpec.Target("echo/slow", null)), 40,
                Duration.ofSeconds(10), 500, Duration.ofSeconds(5));
        var seconds = new java.util.ArrayList<io.clusterdeck.load.LoadSecond>();

        var report = new LoadGenerator(spec).run(seconds::add);

        assertThat(report.sent()).isEqualTo(400);
        assertThat(report.achievedPerSecond()).isCloseTo(40, org.assertj.core.data.Offset.offset(2.0));
        assertThat(report.errors()).as(report.render()).isEmpty();
        // The function waits a fixed 20 ms: no call can be faster, and on a busy machine the median stays near it.
        assertThat(report.percentilesMs().get(50.0)).isBetween(TestDesigns.SLOW_MS, TestDesigns.SLOW_MS * 5);
        assertThat(report.percentilesMs().get(99.0)).isGreaterThanOrEqualTo(report.percentilesMs().get(50.0));
        assertThat(seconds).hasSizeGreaterThanOrEqualTo(9);
        System.out.printf("load: %s", report.render());
    }

    @Test
    void pausedWorkerLeavesRotationAndReturnsWhenResumed() {
        cluster = launch(TestDesigns.echo(2, Restart.ALWAYS));
        var victim = Planner.workerName("echo", 1);

        cluster.pause(victim);

        assertThat(cluster.process(victim).state()).isEqualTo(ProcessState.PAUSED);
        Await.until("the gateway to find " + victim + " unhealthy", Duration.ofSeconds(30),
                () -> types(victim).contains(EventType.UNHEALTHY));
        for (int i = 0; i < 10; i++) {
            assertThat(Calls.call(gateway(), "echo/fast").worker()).isEqualTo(Planner.workerName("echo", 2));
        }
        cluster.resume(victim);
        Await.until(victim + " serving again", Duration.ofSeconds(30),
                () -> victim.equals(Calls.call(gateway(), "echo/fast").worker()));
        assertThat(cluster.process(victim).restarts()).isZero();
    }

    @Test
    void workerMadeUnhealthyKeepsRunningButGetsNoCallsUntilMadeHealthy() {
        cluster = launch(TestDesigns.echo(2, Restart.ALWAYS));
        var victim = Planner.workerName("echo", 2);

        cluster.setHealthy(victim, false);

        Await.until("the gateway to find " + victim + " unhealthy", Duration.ofSeconds(30),
                () -> types(victim).contains(EventType.UNHEALTHY));
        for (int i = 0; i < 10; i++) {
            assertThat(Calls.call(gateway(), "echo/fast").worker()).isEqualTo(Planner.workerName("echo", 1));
        }
        assertThat(cluster.process(victim).state()).isEqualTo(ProcessState.RUNNING);
        cluster.setHealthy(victim, true);
        Await.until(victim + " serving again", Duration.ofSeconds(30),
                () -> victim.equals(Calls.call(gateway(), "echo/fast").worker()));
        assertThat(FailoverReport.of(cluster.events().recent())).first()
                .satisfies(r -> assertThat(r.detected()).isNotNull());
    }

    @Test
    void takenPortIsReplacedByAFreeOneAndTheLaunchSaysSo() throws Exception {
        var design = TestDesigns.echo(1, Restart.ALWAYS);
        int gatewayPort = design.ports().base() + 1;
        try (var squatter = new java.net.ServerSocket(gatewayPort, 50, java.net.InetAddress.getLoopbackAddress())) {
            cluster = launch(design);

            var gateway = cluster.plan().process(Planner.GATEWAY).orElseThrow();
            assertThat(gateway.port()).isNotEqualTo(gatewayPort);
            assertThat(cluster.notes()).containsExactly("port " + gatewayPort + " is taken; gateway uses " + gateway.port());
            assertThat(Calls.call(gateway.url(), "echo/fast").status()).isEqualTo(200);
        }
    }

    private LocalCluster launch(io.clusterdeck.design.Design design) {
        var file = TestDesigns.write(design, folder);
        var launched = LocalCluster.start(design, file, TestDesigns.options(folder.resolve("home")));
        System.out.printf("%s: %d processes ready in %d ms%n", design.name(), launched.processes().size(),
                launched.timeToReady().toMillis());
        return launched;
    }

    private String gateway() {
        return cluster.plan().process(Planner.GATEWAY).orElseThrow().url();
    }

    private List<EventType> types(String worker) {
        return cluster.events().recent().stream().filter(e -> worker.equals(e.worker())).map(ClusterEvent::type).toList();
    }
}
