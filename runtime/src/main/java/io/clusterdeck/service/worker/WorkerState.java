package io.clusterdeck.service.worker;

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
