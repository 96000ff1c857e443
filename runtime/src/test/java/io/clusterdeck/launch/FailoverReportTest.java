package io.clusterdeck.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.event.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailoverReportTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private final List<ClusterEvent> events = new ArrayList<>();

    @Test
    void killIsDetectedFailuresCountedAndRecoveryTimedFromTheEventsAlone() {
        at(0, EventType.FAULT, "launcher", "worker-a-1", "kill (SIGKILL) of pid 10");
        at(40, EventType.EXITED, "launcher", "worker-a-1", "killed by SIGKILL");
        at(60, EventType.SUSPECT, "gateway", "worker-a-1", "a call failed: connection refused");
        at(70, EventType.RETRIED, "gateway", "worker-a-2", "retried elsewhere");
        at(90, EventType.RETRIED, "gateway", "worker-a-2", "retried elsewhere");
        at(300, EventType.NO_WORKER, "gateway", null, "no healthy worker");
        at(900, EventType.RESTARTED, "launcher", "worker-a-1", "restart 1");
        at(2100, EventType.HEALTHY, "gateway", "worker-a-1", "passed its first health check");
        at(2500, EventType.RETRIED, "gateway", "worker-b-1", "another segment's retry does not count");

        var report = FailoverReport.of(events).get(0);

        assertThat(report.detected()).isEqualTo(Duration.ofMillis(60));
        assertThat(report.retried()).isEqualTo(2);
        assertThat(report.failedCalls()).isEqualTo(1);
        assertThat(report.errorsFor()).isEqualTo(Duration.ofMillis(300));
        assertThat(report.recovered()).isEqualTo(Duration.ofMillis(2100));
        assertThat(report.render()).isEqualTo("worker-a-1: kill (SIGKILL) of pid 10: detected in 60 ms, errors for 300 ms, "
                + "1 failed, 2 retried, back after 2100 ms");
    }

    @Test
    void aKilledGatewayIsDetectedWhenItExitsAndBackWhenItsReplacementIsReady() {
        gateway(0, EventType.FAULT, "kill (SIGKILL) of pid 20");
        gateway(15, EventType.EXITED, "killed by SIGKILL");
        gateway(150, EventType.RESTARTED, "restart 1 after killed by SIGKILL");
        gateway(1300, EventType.READY, "ready in 1150 ms");
        at(1900, EventType.HELD, "gateway", null, "held 12 calls for up to 600 ms after the gateway started");

        var report = FailoverReport.of(events).get(0);

        assertThat(report.render()).isEqualTo("gateway: kill (SIGKILL) of pid 20: detected in 15 ms, errors for 0 ms, "
                + "0 failed, 0 retried, back after 1300 ms");
        assertThat(report.closed()).isTrue();
    }

    @Test
    void faultNobodyNoticedIsReportedAsNeverDetected() {
        at(0, EventType.FAULT, "launcher", "worker-a-1", "latency +200 ms");

        var report = FailoverReport.of(events).get(0);

        assertThat(report.detected()).isNull();
        assertThat(report.recovered()).isNull();
        assertThat(report.render()).isEqualTo("worker-a-1: latency +200 ms: detected never, errors for 0 ms, 0 failed, "
                + "0 retried, not back yet");
    }

    @Test
    void eachFaultIsJudgedOnlyByWhatHappenedBeforeTheNextOne() {
        at(0, EventType.FAULT, "launcher", "worker-a-1", "pause (SIGSTOP) of pid 10");
        at(500, EventType.UNHEALTHY, "gateway", "worker-a-1", "2 failed health checks in 500 ms");
        at(1000, EventType.FAULT, "launcher", "worker-a-1", "resume (SIGCONT) of pid 10");
        at(1200, EventType.HEALTHY, "gateway", "worker-a-1", "passed a health check");
        at(5000, EventType.FAULT, "launcher", "worker-a-2", "kill (SIGKILL) of pid 11");

        var reports = FailoverReport.of(events);

        assertThat(reports).hasSize(2);
        assertThat(reports.get(0).detected()).isEqualTo(Duration.ofMillis(500));
        assertThat(reports.get(0).recovered()).as("a resume is part of the pause it ends").isEqualTo(Duration.ofMillis(1200));
        assertThat(reports.get(1).fault().worker()).isEqualTo("worker-a-2");
        assertThat(reports.get(1).detected()).isNull();
    }

    @Test
    void aPauseResumedAfterItsWindowStillClosesWhenTheWorkerIsBack() {
        at(0, EventType.FAULT, "launcher", "worker-a-1", "pause (SIGSTOP) of pid 10");
        at(600, EventType.UNHEALTHY, "gateway", "worker-a-1", "2 failed health checks in 500 ms");
        at(40_000, EventType.FAULT, "launcher", "worker-a-1", "resume (SIGCONT) of pid 10");
        at(40_300, EventType.HEALTHY, "gateway", "worker-a-1", "passed a health check");

        var reports = FailoverReport.of(events);

        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.detected()).isEqualTo(Duration.ofMillis(600));
            assertThat(report.undone()).isEqualTo(Duration.ofMillis(40_000));
            assertThat(report.recovered()).isEqualTo(Duration.ofMillis(40_300));
            assertThat(report.closed()).isTrue();
            assertThat(report.settlesAt()).isEqualTo(T0.plusMillis(70_000));
        });
    }

    @Test
    void makingAWorkerHealthyAgainIsNoFaultButTheEndOfTheOneThatMadeItUnhealthy() {
        at(0, EventType.FAULT, "launcher", "worker-a-1", "made unhealthy");
        at(300, EventType.UNHEALTHY, "gateway", "worker-a-1", "reported DOWN");
        at(9_000, EventType.FAULT, "launcher", "worker-a-1", "made healthy");
        at(9_250, EventType.HEALTHY, "gateway", "worker-a-1", "passed a health check");

        var reports = FailoverReport.of(events);

        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.fault().reason()).isEqualTo("made unhealthy");
            assertThat(report.recovered()).isEqualTo(Duration.ofMillis(9_250));
            assertThat(report.render()).endsWith("back after 9250 ms");
        });
    }

    @Test
    void aFaultOnAnotherWorkerDoesNotCutTheStoryOfTheFirstShort() {
        at(0, EventType.FAULT, "launcher", "worker-a-1", "pause (SIGSTOP) of pid 10");
        at(500, EventType.UNHEALTHY, "gateway", "worker-a-1", "2 failed health checks in 500 ms");
        at(2_000, EventType.FAULT, "launcher", "worker-b-1", "kill (SIGKILL) of pid 11");
        at(5_000, EventType.FAULT, "launcher", "worker-a-1", "resume (SIGCONT) of pid 10");
        at(5_300, EventType.HEALTHY, "gateway", "worker-a-1", "passed a health check");

        var reports = FailoverReport.of(events);

        assertThat(reports).hasSize(2);
        assertThat(reports.get(0).recovered()).isEqualTo(Duration.ofMillis(5_300));
    }

    @Test
    void aCallThatTimedOutOnAnotherWorkerIsNoCallThisFaultLost() {
        at(0, EventType.FAULT, "launcher", "worker-a-1", "pause (SIGSTOP) of pid 10");
        at(400, EventType.TIMED_OUT, "gateway", "worker-a-2", "'a/run' got no answer within 3000 ms");
        at(3_000, EventType.TIMED_OUT, "gateway", "worker-a-1", "'a/run' got no answer within 3000 ms");

        var report = FailoverReport.of(events).get(0);

        assertThat(report.failedCalls()).isEqualTo(1);
        assertThat(report.errorsFor()).isEqualTo(Duration.ofMillis(3_000));
    }

    @Test
    void aPauseNobodyUndidNeverSettlesUnlessTheWorkerIsHitAgain() {
        at(0, EventType.FAULT, "launcher", "worker-a-1", "pause (SIGSTOP) of pid 10");
        at(500, EventType.UNHEALTHY, "gateway", "worker-a-1", "2 failed health checks in 500 ms");

        assertThat(FailoverReport.of(events).get(0).settlesAt()).isEqualTo(Instant.MAX);

        at(60_000, EventType.FAULT, "launcher", "worker-a-1", "kill (SIGKILL) of pid 10");

        assertThat(FailoverReport.of(events).get(0).settlesAt()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void latencyRemovedBeforeTheGatewayNoticedClosesTheReportWithoutARecovery() {
        at(0, EventType.FAULT, "launcher", "worker-a-1", "latency +200 ms");
        at(8_000, EventType.FAULT, "launcher", "worker-a-1", "latency removed");

        var report = FailoverReport.of(events).get(0);

        assertThat(report.closed()).isTrue();
        assertThat(report.render()).endsWith("undone after 8000 ms, never out of rotation");
    }

    private void gateway(long millis, EventType type, String reason) {
        events.add(ClusterEvent.of(T0.plusMillis(millis), type, "launcher", "gateway", null, reason));
    }

    private void at(long millis, EventType type, String source, String worker, String reason) {
        String segment = worker == null ? "a" : worker.split("-")[1];
        events.add(ClusterEvent.of(T0.plusMillis(millis), type, source, worker, segment, reason));
    }
}
