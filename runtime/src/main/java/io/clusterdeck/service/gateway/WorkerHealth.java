package io.clusterdeck.service.gateway;

import io.clusterdeck.design.HealthCheck;
import io.clusterdeck.time.Clock;
import java.util.Optional;

/**
 * The health state machine of one worker, driven by active checks and by failed calls. It decides only; the
 * registry turns its transitions into events. Time comes from a {@link Clock} so it can be tested without sleeps.
 */
public final class WorkerHealth {
    private final HealthCheck policy;
    private final Clock clock;
    private HealthState state = HealthState.STARTING;
    private long sinceNanos;
    private java.time.Instant since;
    private int failures;
    private int successes;
    private long firstFailureNanos;
    private long unreachableSinceNanos = -1;

    public WorkerHealth(HealthCheck policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
        this.sinceNanos = clock.nanos();
        this.since = clock.now();
    }

    /** A change of state and why it happened. */
    public record Transition(HealthState from, HealthState to, String reason) {
    }

    public synchronized HealthState state() {
        return state;
    }

    public synchronized java.time.Instant since() {
        return since;
    }

    /**
     * How long a check may wait for its answer: the policy's timeout, or twice the interval while the worker has not
     * passed a check yet. A worker that has just registered answers its first checks from a JVM that has just started
     * (its code still interpreted, its cores shared with every process starting beside it): on two cores its first
     * answer took longer than 250 ms in most launches, so it failed, and the worker waited for the next tick to join
     * the rotation. Failing a starting worker's check only puts its rotation off; it never makes it unhealthy.
     */
    public synchronized long checkTimeoutMs() {
        return state == HealthState.STARTING ? Math.max(policy.timeoutMs(), 2L * policy.intervalMs()) : policy.timeoutMs();
    }

    /**
     * A health check passed. A new or suspect worker is healthy at once; an unhealthy one after the policy's
     * healthy threshold of passes in a row.
     */
    public synchronized Optional<Transition> checkPassed() {
        failures = 0;
        unreachableSinceNanos = -1;
        successes++;
        if (state == HealthState.HEALTHY) {
            return Optional.empty();
        }
        if (state == HealthState.UNHEALTHY && successes < policy.healthyThreshold()) {
            return Optional.empty();
        }
        var reason = state == HealthState.STARTING ? "passed its first health check"
                : successes + (successes == 1 ? " passed health check" : " passed health checks in a row");
        return move(HealthState.HEALTHY, reason);
    }

    /**
     * A health check failed: unreachable (no answer) or reporting DOWN. Unhealthy after the policy's threshold of
     * failures in a row; a worker that never passed stays starting.
     */
    public synchronized Optional<Transition> checkFailed(boolean unreachable, String why) {
        long now = clock.nanos();
        successes = 0;
        if (failures == 0) {
            firstFailureNanos = now - policy.intervalMs() * 1_000_000L;
        }
        failures++;
        if (unreachable && unreachableSinceNanos < 0) {
            unreachableSinceNanos = now;
        } else if (!unreachable) {
            unreachableSinceNanos = -1;
        }
        // A starting worker is out of rotation anyway: no verdict until it first passes.
        if (state == HealthState.STARTING || state == HealthState.UNHEALTHY || failures < policy.unhealthyThreshold()) {
            return Optional.empty();
        }
        long elapsedMs = (now - firstFailureNanos) / 1_000_000;
        return move(HealthState.UNHEALTHY, failures + " failed health checks in " + elapsedMs + " ms (" + why + ")");
    }

    /** A call to the worker failed to connect or was cut: it leaves rotation until a health check passes. */
    public synchronized Optional<Transition> callFailed(String why) {
        if (state != HealthState.HEALTHY) {
            return Optional.empty();
        }
        successes = 0;
        return move(HealthState.SUSPECT, "a call failed: " + why);
    }

    /** True when the worker has been unreachable long enough to forget it. */
    public synchronized boolean unreachableFor(long millis) {
        return unreachableSinceNanos >= 0 && clock.nanos() - unreachableSinceNanos >= millis * 1_000_000L;
    }

    public synchronized long sinceMillis() {
        return (clock.nanos() - sinceNanos) / 1_000_000;
    }

    private Optional<Transition> move(HealthState to, String reason) {
        var from = state;
        state = to;
        sinceNanos = clock.nanos();
        since = clock.now();
        return Optional.of(new Transition(from, to, reason));
    }
}
