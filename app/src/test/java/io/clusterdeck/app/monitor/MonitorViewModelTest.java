package io.clusterdeck.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.event.EventType;
import io.clusterdeck.load.LoadSecond;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class MonitorViewModelTest {
    private final KillScenario scenario = new KillScenario();
    private final MonitorViewModel monitor = new MonitorViewModel(scenario.cluster, Runnable::run);

    MonitorViewModelTest() {
        monitor.start();
    }

    private Health victim() {
        return monitor.process(KillScenario.VICTIM).orElseThrow().health();
    }

    @Test
    void everyPlannedProcessIsInTheGridFromTheStart() {
        assertThat(monitor.processes()).extracting(ProcessRow::name).containsExactly("repository", "gateway",
                "worker-storefront-1", "worker-storefront-2", "worker-orders-1", "worker-orders-2",
                "worker-images-1", "worker-images-2", "worker-images-3", "proxy");
        assertThat(monitor.segments()).extracting(SegmentLoad::name).containsExactly("storefront", "orders", "images");
    }

    @Test
    void aKilledWorkerIsDownThenStartingThenUpAgainWithOneRestart() {
        scenario.playUntil(19, monitor);
        assertThat(victim()).isEqualTo(Health.UP);

        scenario.playUntil(20.5, monitor);
        assertThat(victim()).isEqualTo(Health.DOWN);

        scenario.playUntil(22, monitor);
        assertThat(victim()).isEqualTo(Health.STARTING);

        scenario.playUntil(26, monitor);
        var row = monitor.process(KillScenario.VICTIM).orElseThrow();
        assertThat(row.health()).isEqualTo(Health.UP);
        assertThat(row.restartsProperty().get()).isEqualTo(1);
        assertThat(row.pidProperty().get()).isEqualTo(5123);
    }

    @Test
    void theTimelineShowsTheKillTheRemovalAndTheRestartOnTheirLanes() {
        scenario.playUntil(26, monitor);

        assertThat(monitor.timeline()).filteredOn(e -> e.subject().equals(KillScenario.VICTIM))
                .extracting(TimelineEntry::type, TimelineEntry::lane)
                .contains(org.assertj.core.groups.Tuple.tuple(EventType.FAULT, TimelineEntry.Lane.FAULTS),
                        org.assertj.core.groups.Tuple.tuple(EventType.REMOVED, TimelineEntry.Lane.HEALTH),
                        org.assertj.core.groups.Tuple.tuple(EventType.RESTARTED, TimelineEntry.Lane.PROCESSES),
                        org.assertj.core.groups.Tuple.tuple(EventType.RETRIED, TimelineEntry.Lane.CALLS));
    }

    @Test
    void theKillsReportSaysWhenItWasDetectedWhenTheWorkerCameBackAndWhatItCost() {
        scenario.playUntil(30, monitor);

        assertThat(monitor.faults()).singleElement().satisfies(fault -> {
            assertThat(fault.worker()).isEqualTo(KillScenario.VICTIM);
            assertThat(fault.detected()).isEqualTo(Duration.ofMillis(80));
            assertThat(fault.recovered()).isEqualTo(Duration.ofMillis(3100));
            assertThat(fault.lost()).isEqualTo(1);
            assertThat(fault.retried()).isEqualTo(4);
            assertThat(fault.render()).isEqualTo("kill worker-images-2: detected in 0.08 s · back after 3.10 s · "
                    + "1 call lost · 4 retried");
        });
    }

    @Test
    void aPausedWorkersReportClosesOnceItIsResumedAndBackEvenAfterLongerThanTheReportsWindow() {
        var worker = "worker-orders-1";
        event(1, EventType.FAULT, worker, "pause (SIGSTOP) of pid 4104");
        event(1.6, EventType.UNHEALTHY, worker, "2 failed health checks in 500 ms");
        event(45, EventType.FAULT, worker, "resume (SIGCONT) of pid 4104");
        event(45.3, EventType.HEALTHY, worker, "passed a health check");
        frames(46, 90);

        assertThat(monitor.faults()).singleElement().satisfies(fault -> {
            assertThat(fault.closed()).isTrue();
            assertThat(fault.render()).isEqualTo("pause worker-orders-1: detected in 0.60 s · back after 44.30 s · "
                    + "0 calls lost · 0 retried");
        });
    }

    @Test
    void makingAWorkerHealthyAgainClosesItsReportAndIsNotReportedAsAFaultOfItsOwn() {
        var worker = "worker-storefront-2";
        event(1, EventType.FAULT, worker, "made unhealthy");
        event(1.3, EventType.UNHEALTHY, worker, "reported DOWN");
        event(6, EventType.FAULT, worker, "made healthy");
        event(6.2, EventType.HEALTHY, worker, "passed a health check");
        frames(7, 12);

        assertThat(monitor.faults()).singleElement().satisfies(fault -> {
            assertThat(fault.what()).isEqualTo("made unhealthy");
            assertThat(fault.closed()).isTrue();
            assertThat(fault.recovered()).isEqualTo(Duration.ofMillis(5200));
        });
    }

    @Test
    void aFinishedReportStaysListedWhenNewerFaultsFollow() {
        event(1, EventType.FAULT, "worker-images-1", "kill (SIGKILL) of pid 4106");
        event(1.1, EventType.SUSPECT, "worker-images-1", "connection refused");
        event(4, EventType.HEALTHY, "worker-images-1", "passed a health check");
        event(40, EventType.FAULT, "worker-orders-1", "pause (SIGSTOP) of pid 4104");
        event(41, EventType.FAULT, "worker-orders-2", "made unhealthy");
        event(42, EventType.FAULT, "worker-storefront-1", "latency +300 ms");
        frames(43, 80);

        assertThat(monitor.faults()).extracting(FaultSummary::worker).containsExactly("worker-storefront-1",
                "worker-orders-2", "worker-orders-1", "worker-images-1");
        assertThat(monitor.faults()).filteredOn(FaultSummary::closed).extracting(FaultSummary::worker)
                .containsExactly("worker-images-1");
    }

    private void event(double seconds, EventType type, String worker, String reason) {
        String segment = scenario.plan.process(worker).map(p -> p.segment()).orElse(null);
        scenario.cluster.publish(io.clusterdeck.event.ClusterEvent.of(KillScenario.START.plusMillis((long) (seconds * 1000)),
                type, worker.startsWith("worker") && type != EventType.FAULT ? "gateway" : "launcher", worker, segment,
                reason));
    }

    /** Frames every 250 ms from one second to another after the scenario's start. */
    private void frames(double fromSeconds, double toSeconds) {
        for (long ms = (long) (fromSeconds * 1000); ms <= toSeconds * 1000; ms += 250) {
            monitor.frame(KillScenario.START.plusMillis(ms));
        }
    }

    @Test
    void aSegmentsCallsMoveToTheOtherWorkersWhileOneIsDown() {
        scenario.playUntil(19, monitor);
        var images = monitor.segments().get(2);
        assertThat(images.sharesProperty().get().get(KillScenario.VICTIM)).isBetween(0.30, 0.36);
        assertThat(images.callsPerSecondProperty().get()).isBetween(28.0, 32.0);

        scenario.playUntil(22.5, monitor);
        assertThat(images.calls(KillScenario.VICTIM).last()).isZero();
        assertThat(images.calls("worker-images-1").last()).isGreaterThan(14);
    }

    @Test
    void edgesCarryCallsPerSecondFromTheGatewaysCountersAndTheEntryOnlyCallsFromOutside() {
        scenario.playUntil(10, monitor);

        assertThat(monitor.segments()).extracting(s -> s.callsPerSecondProperty().get()).satisfies(rates ->
                assertThat(rates.stream().mapToDouble(Double::doubleValue).sum()).isBetween(100.0, 116.0));
        assertThat(monitor.entryCallsPerSecond()).isBetween(45.0, 55.0);
        assertThat(monitor.process("worker-orders-1").orElseThrow().callsPerSecondProperty().get()).isBetween(7.0, 8.0);
        assertThat(monitor.summaryProperty().get()).isEqualTo("10 of 10 processes up · 50 calls/s in");
    }

    @Test
    void theSummarySaysWhatTheProcessesThatAreNotUpAre() {
        scenario.playUntil(20.5, monitor);

        assertThat(monitor.summaryProperty().get()).startsWith("9 of 10 processes up · 1 down · ");
    }

    @Test
    void withoutAnEntryCountOrTrafficTheEntryRateIsUnknownNotZero() {
        var cluster = new ScriptedCluster(scenario.plan);
        cluster.processes = scenario.cluster.processes;
        var blind = new MonitorViewModel(cluster, Runnable::run);
        blind.start();
        blind.frame(KillScenario.START.plusSeconds(1));
        blind.frame(KillScenario.START.plusSeconds(2));

        assertThat(blind.entryCallsPerSecond()).isNaN();
        assertThat(blind.summaryProperty().get()).endsWith(" · — calls/s in");
    }

    @Test
    void aWorkerThatIsDownShowsNoCallsEvenWhenTheGatewayStopsAnswering() {
        scenario.playUntil(19.75, monitor);
        assertThat(monitor.process(KillScenario.VICTIM).orElseThrow().callsPerSecondProperty().get()).isPositive();

        scenario.cluster.gatewayAnswers = false;
        scenario.playUntil(21, monitor);

        assertThat(victim()).isEqualTo(Health.DOWN);
        assertThat(monitor.process(KillScenario.VICTIM).orElseThrow().callsPerSecondProperty().get()).isZero();
    }

    @Test
    void latenciesReadAsUnknownBeforeAnyCallNotAsZero() {
        assertThat(monitor.process("worker-orders-1").orElseThrow().p99Property().get()).isNaN();
        assertThat(monitor.traffic().latestProperty().get().p50Ms()).isNaN();
    }

    @Test
    void stoppingTheTrafficClearsItsFiguresInsteadOfFreezingThem() {
        monitor.startTraffic();
        scenario.playUntil(5, monitor);
        assertThat(monitor.traffic().latestProperty().get().ok()).isPositive();

        monitor.stopTraffic();
        scenario.playUntil(8, monitor);

        assertThat(monitor.traffic().latestProperty().get()).isEqualTo(TrafficModel.Second.NONE);
        assertThat(monitor.traffic().byFunctionProperty().get()).isEmpty();
    }

    @Test
    void workersRemovedByScalingLeaveTheSegmentsLegendAtOnce() {
        scenario.playUntil(10, monitor);
        var remaining = scenario.cluster.processes.stream().filter(p -> !p.name().equals("worker-images-3")).toList();
        scenario.cluster.processes = remaining;
        var images = monitor.segments().get(2);
        assertThat(images.workerNames()).contains("worker-images-3");

        for (int i = 1; i <= 8; i++) {
            scenario.cluster.processes = remaining;
            monitor.frame(scenario.now().plusMillis(250L * i));
        }

        assertThat(images.workerNames()).containsExactly("worker-images-1", "worker-images-2");
    }

    @Test
    void theHealthGridShowsPidUptimeRestartsAndMemory() {
        scenario.playUntil(75, monitor);

        var gateway = monitor.process("gateway").orElseThrow();
        assertThat(gateway.uptimeProperty().get()).isEqualTo("1 min 15 s");
        assertThat(gateway.pidProperty().get()).isEqualTo(4101);
        assertThat(gateway.memoryProperty().get()).isEqualTo("81 MB");
        assertThat(gateway.stateProperty().get()).isEqualTo("running");
    }

    @Test
    void theClusterMemoryIsEveryProcessAddedUp() {
        scenario.playUntil(5, monitor);

        // The scripted cluster says pid p holds 60 + p % 40 MB; its pids are 4100 to 4109.
        long megabytes = java.util.stream.LongStream.rangeClosed(4100, 4109).map(pid -> 60 + pid % 40).sum();
        assertThat(monitor.memoryProperty().get()).isEqualTo(new ClusterMemory(megabytes << 20, 10,
                java.util.OptionalLong.empty()));
        assertThat(monitor.memoryProperty().get().text()).isEqualTo("10 processes hold " + megabytes + " MB");
    }

    @Test
    void theClusterMemoryLeavesOutWhatCannotBeReadAndNamesTheLaunchersOwn() {
        var memory = ClusterMemory.of(java.util.List.of(java.util.OptionalLong.of(300L << 20),
                java.util.OptionalLong.empty(), java.util.OptionalLong.of(200L << 20)), java.util.OptionalLong.of(90L << 20));

        assertThat(memory.text()).isEqualTo("2 processes hold 500 MB · this app 90 MB");
        assertThat(ClusterMemory.UNKNOWN.text()).isEmpty();
    }

    @Test
    void theTimelineKeepsOnlyItsSpan() {
        scenario.playUntil(105, monitor);

        assertThat(monitor.timeline()).isNotEmpty().allSatisfy(e -> assertThat(e.time())
                .isAfterOrEqualTo(scenario.now().minus(MonitorViewModel.TIMELINE_SPAN)));
        assertThat(monitor.timeline()).first().extracting(TimelineEntry::type).isEqualTo(EventType.FAULT);
    }

    @Test
    void commandsRunOnTheExecutorAndSayWhenTheyAreDone() {
        monitor.kill("worker-images-2");
        monitor.pause("worker-orders-1");
        monitor.resume("worker-orders-1");
        monitor.setHealthy("worker-storefront-2", false);
        monitor.setHealthy("worker-storefront-2", true);
        monitor.restart("gateway");
        monitor.frame(scenario.now());

        assertThat(scenario.cluster.commands).containsExactly("kill worker-images-2", "pause worker-orders-1",
                "resume worker-orders-1", "unhealthy worker-storefront-2", "healthy worker-storefront-2",
                "restart gateway");
        assertThat(monitor.messageProperty().get()).isEqualTo("Restart gateway: done.");
    }

    @Test
    void aFailedCommandBecomesASentenceForTheUser() {
        scenario.cluster.failure = new IllegalStateException("worker-images-9 is not running");
        monitor.kill("worker-images-9");
        monitor.frame(scenario.now());

        assertThat(monitor.messageProperty().get()).isEqualTo("Kill worker-images-9 failed: worker-images-9 is not running");
    }

    @Test
    void scalingAddsOrRemovesOneWorkerAndKeepsAtLeastOne() {
        monitor.scale("images", +1);
        monitor.scale("orders", -1);
        monitor.scale("orders", -1);

        assertThat(scenario.cluster.commands).containsExactly("scale images 4", "scale orders 1");
        assertThat(monitor.messageProperty().get()).isEqualTo("orders keeps at least one worker.");
    }

    @Test
    void trafficSplitsTheRateOverTheChosenFunctionsAndReportsEachSecond() {
        var traffic = monitor.traffic();
        assertThat(traffic.functions()).containsExactly("catalog/search", "catalog/product", "cart/add", "cart/view",
                "orders/checkout", "images/thumbnail");
        traffic.functions().stream().filter(f -> !f.equals("catalog/search") && !f.equals("images/thumbnail"))
                .forEach(f -> traffic.chosenProperty(f).set(false));
        traffic.rateProperty().set(80);

        monitor.startTraffic();
        scenario.playUntil(21, monitor);

        assertThat(scenario.cluster.trafficRates).containsOnlyKeys("catalog/search", "images/thumbnail")
                .containsValues(40.0, 40.0);
        assertThat(traffic.runningProperty().get()).isTrue();
        assertThat(traffic.latestProperty().get()).isEqualTo(new TrafficModel.Second(37, 3, (11 * 20 + 41 * 17) / 37.0, 2900));
        assertThat(traffic.byFunctionProperty().get()).containsOnlyKeys("catalog/search", "images/thumbnail");
        assertThat(traffic.okSeries().size()).isBetween(19, 21);

        monitor.stopTraffic();
        assertThat(scenario.cluster.commands).contains("stop traffic catalog/search", "stop traffic images/thumbnail");
        assertThat(traffic.runningProperty().get()).isFalse();
    }

    @Test
    void withoutTheGatewaysCountersTheWorkersTheTrafficSawAnswerGiveTheLoad() {
        var cluster = new ScriptedCluster(scenario.plan);
        cluster.processes = scenario.cluster.processes;
        var blind = new MonitorViewModel(cluster, Runnable::run);
        blind.start();
        blind.startTraffic();
        var time = KillScenario.START;
        for (int second = 1; second <= 3; second++) {
            cluster.second("images/thumbnail", new LoadSecond(second, 30, 30, Map.of(), 40, 60,
                    Map.of("worker-images-1", 20L, "worker-images-2", 10L)));
            time = time.plusSeconds(1);
            blind.frame(time);
        }

        var images = blind.segments().get(2);
        assertThat(images.callsPerSecondProperty().get()).isEqualTo(30);
        assertThat(images.sharesProperty().get()).containsEntry("worker-images-1", 2 / 3.0)
                .containsEntry("worker-images-2", 1 / 3.0);
        assertThat(blind.process("worker-images-1").orElseThrow().callsPerSecondProperty().get()).isEqualTo(20);
    }

    @Test
    void trafficWithNoFunctionChosenDoesNotStart() {
        monitor.traffic().functions().forEach(f -> monitor.traffic().chosenProperty(f).set(false));

        monitor.startTraffic();

        assertThat(monitor.traffic().runningProperty().get()).isFalse();
        assertThat(monitor.messageProperty().get()).isEqualTo("Choose at least one function to call.");
    }

    @Test
    void theSelectedProcesssLogIsFollowedAndBounded() {
        monitor.select("worker-orders-2");
        for (int i = 0; i < MonitorViewModel.LOG_LINES + 500; i++) {
            scenario.cluster.logLine("worker-orders-2", "line " + i);
        }
        scenario.cluster.logLine("worker-orders-1", "not shown");
        scenario.playUntil(1, monitor);

        assertThat(monitor.log()).hasSize(MonitorViewModel.LOG_LINES).last().isEqualTo("line 1499");

        monitor.select("gateway");
        monitor.frame(scenario.now());
        assertThat(monitor.log()).containsExactly("[gateway] started", "[gateway] listening");
    }
}
