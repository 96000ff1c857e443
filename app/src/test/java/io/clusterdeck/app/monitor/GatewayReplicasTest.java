package io.clusterdeck.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.clusterdeck.event.EventType;
import io.clusterdeck.plan.Role;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The live view's model of a design with two gateways, through the kill of one of them. */
@Timeout(20)
class GatewayReplicasTest {
    private final GatewayKillScenario scenario = new GatewayKillScenario();
    private final MonitorViewModel monitor = new MonitorViewModel(scenario.cluster, Runnable::run);

    GatewayReplicasTest() {
        monitor.start();
    }

    private ProcessRow row(String name) {
        return monitor.process(name).orElseThrow();
    }

    private List<ProcessRow> workers() {
        return monitor.processes().stream().filter(ProcessRow::isWorker).toList();
    }

    @Test
    void everyGatewayHasItsRowAndTheCallsSplitOverThemIsChartedLikeASegments() {
        assertThat(monitor.processes()).filteredOn(r -> r.role() == Role.GATEWAY).extracting(ProcessRow::name)
                .containsExactly("gateway-1", "gateway-2");
        assertThat(monitor.gatewayLoad()).hasValueSatisfying(load -> assertThat(load.name()).isEqualTo("gateways"));

        scenario.playUntil(10, monitor);

        var load = monitor.gatewayLoad().orElseThrow();
        assertThat(load.workerNames()).containsExactly("gateway-1", "gateway-2");
        assertThat(load.sharesProperty().get().get("gateway-1")).isBetween(0.45, 0.55);
        assertThat(load.callsPerSecondProperty().get()).isBetween(105.0, 115.0);
        assertThat(load.unfairnessProperty().get()).isLessThan(0.05);
    }

    @Test
    void eachGatewayCarriesTheCallsItForwardedItselfAndTheWorkersTheSumOverBoth() {
        scenario.playUntil(10, monitor);

        assertThat(row("gateway-1").callsPerSecondProperty().get()).isBetween(50.0, 60.0);
        assertThat(row("gateway-2").callsPerSecondProperty().get()).isBetween(50.0, 60.0);
        assertThat(row("gateway-1").inFlightProperty().get()).isEqualTo(workers().size());
        assertThat(row("worker-images-1").callsPerSecondProperty().get()).isBetween(9.0, 11.0);
        assertThat(row("gateway-2").stateProperty().get()).isEqualTo("running");
        assertThat(row("gateway-2").health()).isEqualTo(Health.UP);
    }

    @Test
    void aKilledGatewayIsDownItsTrafficMovesToTheOtherAndEveryWorkerStaysHealthy() {
        scenario.playUntil(21, monitor);

        assertThat(row("gateway-2").health()).isEqualTo(Health.DOWN);
        assertThat(row("gateway-2").callsPerSecondProperty().get()).isZero();
        assertThat(row("gateway-1").callsPerSecondProperty().get()).isBetween(100.0, 120.0);
        assertThat(workers()).allSatisfy(w -> assertThat(w.health()).as(w.name()).isEqualTo(Health.UP));
        var load = monitor.gatewayLoad().orElseThrow();
        assertThat(load.calls("gateway-2").last()).isZero();
        assertThat(load.calls("gateway-1").last()).isBetween(100.0, 120.0);
        assertThat(load.intended()).containsOnlyKeys("gateway-1");
    }

    @Test
    void noWorkersRateJumpsWhileTheKilledGatewaysCountsVanishAndStartAgainFromZero() {
        scenario.playUntil(18, monitor);
        double most = 0;
        for (int tenth = 181; tenth <= 300; tenth++) {
            scenario.playUntil(tenth / 10.0, monitor);
            for (var worker : workers()) {
                most = Math.max(most, worker.callsPerSecondProperty().get());
            }
        }

        // The busiest worker serves 30 calls a second (storefront: 60 over two); a counter read as new would be hundreds.
        assertThat(most).isBetween(29.0, 33.0);
        assertThat(row("gateway-2").callsPerSecondProperty().get()).isBetween(50.0, 60.0);
    }

    @Test
    void aRestartedGatewayRegisteringTheWorkersAgainDoesNotMakeThemLookStarting() {
        scenario.playUntil(22.4, monitor);

        assertThat(monitor.timeline()).filteredOn(e -> e.type() == EventType.REGISTERED && e.time().isAfter(
                GatewayKillScenario.START.plusSeconds(22))).isNotEmpty();
        assertThat(workers()).allSatisfy(w -> assertThat(w.health()).as(w.name()).isEqualTo(Health.UP));
        assertThat(row("gateway-2").health()).isEqualTo(Health.UP);
    }

    @Test
    void aGatewayThatRunsButDoesNotAnswerReadsNotAnsweringAndCarriesNothing() {
        scenario.playUntil(10, monitor);
        scenario.victimSilent = true;
        scenario.playUntil(12, monitor);

        assertThat(row("gateway-2").health()).isEqualTo(Health.SUSPECT);
        assertThat(row("gateway-2").stateProperty().get()).isEqualTo("not answering");
        assertThat(row("gateway-2").callsPerSecondProperty().get()).isZero();
        assertThat(monitor.summaryProperty().get()).startsWith("10 of 11 processes up · 1 suspect");

        scenario.victimSilent = false;
        scenario.playUntil(14, monitor);
        assertThat(row("gateway-2").health()).isEqualTo(Health.UP);
    }

    @Test
    void theKillOfAGatewayTellsItsStoryOnTheTimelineAndInItsFailoverReport() {
        scenario.playUntil(30, monitor);

        assertThat(monitor.timeline()).filteredOn(e -> e.subject().equals(GatewayKillScenario.VICTIM))
                .extracting(TimelineEntry::type, TimelineEntry::lane)
                .containsExactly(tuple(EventType.FAULT, TimelineEntry.Lane.FAULTS),
                        tuple(EventType.EXITED, TimelineEntry.Lane.PROCESSES),
                        tuple(EventType.RESTARTED, TimelineEntry.Lane.PROCESSES),
                        tuple(EventType.READY, TimelineEntry.Lane.PROCESSES));
        assertThat(monitor.faults()).singleElement().satisfies(report -> {
            assertThat(report.worker()).isEqualTo("gateway-2");
            assertThat(report.closed()).isTrue();
            assertThat(report.render())
                    .isEqualTo("kill gateway-2: detected in 0.03 s · back after 2.00 s · 0 calls lost · 0 retried");
        });
        assertThat(row("gateway-2").restartsProperty().get()).isEqualTo(1);
    }

    @Test
    void faultsOnAGatewayGoToTheLauncherUnderTheGatewaysName() {
        monitor.kill("gateway-2");
        monitor.pause("gateway-1");
        monitor.resume("gateway-1");
        monitor.restart("gateway-2");

        assertThat(scenario.cluster.commands).containsExactly("kill gateway-2", "pause gateway-1", "resume gateway-1",
                "restart gateway-2");
    }
}
