package io.clusterdeck.service.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.design.HealthCheck;
import io.clusterdeck.service.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkerHealthTest {
    private final FakeClock clock = new FakeClock();
    private final WorkerHealth health = new WorkerHealth(new HealthCheck(500, 250, 2, 2), clock);

    private void passed() {
        health.checkPassed();
    }

    private void failedAfterInterval() {
        clock.advance(Duration.ofMillis(500));
        health.checkFailed(true, "connection refused");
    }

    @Test
    void newWorkerIsHealthyAfterItsFirstPassingCheck() {
        var transition = health.checkPassed();

        assertThat(transition).hasValueSatisfying(t -> assertThat(t.reason()).isEqualTo("passed its first health check"));
        assertThat(health.state()).isEqualTo(HealthState.HEALTHY);
    }

    @Test
    void aStartingWorkersCheckWaitsTwoIntervalsAndOnceItPassedThePolicysTimeout() {
        assertThat(health.checkTimeoutMs()).isEqualTo(1_000);
        failedAfterInterval();
        assertThat(health.checkTimeoutMs()).as("still starting").isEqualTo(1_000);

        passed();
        assertThat(health.checkTimeoutMs()).isEqualTo(250);
        failedAfterInterval();
        failedAfterInterval();
        assertThat(health.state()).isEqualTo(HealthState.UNHEALTHY);
        assertThat(health.checkTimeoutMs()).as("unhealthy, not starting").isEqualTo(250);
    }

    @Test
    void workerTurnsUnhealthyAfterThresholdFailuresInARow() {
        passed();
        failedAfterInterval();
        assertThat(health.state()).isEqualTo(HealthState.HEALTHY);

        clock.advance(Duration.ofMillis(500));
        var transition = health.checkFailed(true, "connection refused");

        assertThat(health.state()).isEqualTo(HealthState.UNHEALTHY);
        assertThat(transition).hasValueSatisfying(t -> assertThat(t.reason())
                .isEqualTo("2 failed health checks in 1000 ms (connection refused)"));
    }

    @Test
    void workerThatNeverPassedStaysStartingWhileItFails() {
        failedAfterInterval();
        failedAfterInterval();

        assertThat(health.state()).isEqualTo(HealthState.STARTING);
    }

    @Test
    void aPassBetweenFailuresStartsTheCountAgain() {
        passed();
        failedAfterInterval();
        passed();
        failedAfterInterval();

        assertThat(health.state()).isEqualTo(HealthState.HEALTHY);
    }

    @Test
    void unhealthyWorkerReturnsAfterHealthyThresholdPasses() {
        passed();
        failedAfterInterval();
        failedAfterInterval();

        assertThat(health.checkPassed()).isEmpty();
        assertThat(health.checkPassed()).hasValueSatisfying(t -> assertThat(t.reason())
                .isEqualTo("2 passed health checks in a row"));
        assertThat(health.state()).isEqualTo(HealthState.HEALTHY);
    }

    @Test
    void failedCallMakesHealthyWorkerSuspectAtOnce() {
        passed();

        var transition = health.callFailed("connection refused");

        assertThat(health.state()).isEqualTo(HealthState.SUSPECT);
        assertThat(transition).hasValueSatisfying(t -> assertThat(t.reason()).isEqualTo("a call failed: connection refused"));
    }

    @Test
    void suspectWorkerReturnsAfterOnePassingCheck() {
        passed();
        health.callFailed("connection reset");

        health.checkPassed();

        assertThat(health.state()).isEqualTo(HealthState.HEALTHY);
    }

    @Test
    void workerIsForgettableOnlyAfterBeingUnreachableLongEnough() {
        passed();
        failedAfterInterval();
        assertThat(health.unreachableFor(5_000)).isFalse();

        clock.advance(Duration.ofSeconds(5));
        health.checkFailed(true, "connection refused");

        assertThat(health.unreachableFor(5_000)).isTrue();
    }

    @Test
    void workerReportingDownIsNeverForgettable() {
        passed();
        health.checkFailed(false, "reported DOWN");
        clock.advance(Duration.ofMinutes(1));
        health.checkFailed(false, "reported DOWN");

        assertThat(health.unreachableFor(5_000)).isFalse();
    }
}
