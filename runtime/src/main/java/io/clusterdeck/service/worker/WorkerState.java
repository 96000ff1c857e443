package io.clusterdeck.service.worker;

import io.clusterdeck.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A worker's runtime switches and load: its health flag, added latency, draining, calls in flight and served. */
public final class WorkerState {
    private volatile boolean healthy = true;
    private volatile long addedLatencyMs;
    private volatile boolean draining;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong served = new AtomicLong();

    public boolean healthy() {
        return healthy;
    }

    public void healthy(boolean value) {
        healthy = value;
    }

    public long addedLatencyMs() {
        return addedLatencyMs;
    }

    public void addedLatencyMs(long value) {
        addedLatencyMs = value;
    }

    public boolean draining() {
        return draining;
    }

    public void drain() {
        draining = true;
    }

    /** How long a stop waits for the calls in flight to end. */
    public static final java.time.Duration DRAIN_LIMIT = java.time.Duration.ofSeconds(10);

    /**
     * Drains (no new calls) and waits until the calls in flight have ended, at most {@link #DRAIN_LIMIT}; true when
     * none is left. The one drain every service that hosts functions stops with.
     */
    public boolean drainAndWait(Clock clock) {
        drain();
        long deadline = clock.nanos() + DRAIN_LIMIT.toNanos();
        while (inFlight() > 0 && clock.nanos() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return inFlight() == 0;
    }

    public boolean up() {
        return healthy && !draining;
    }

    public int inFlight() {
        return inFlight.get();
    }

    public long served() {
        return served.get();
    }

    void started() {
        inFlight.incrementAndGet();
    }

    void finished() {
        inFlight.decrementAndGet();
        served.incrementAndGet();
    }
}
