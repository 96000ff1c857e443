package io.clusterdeck.service.gateway;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;

/** A worker the gateway knows: its registration, health and load. */
public final class WorkerEntry {
    private final Registration registration;
    private final WorkerHealth health;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder served = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final ConcurrentHistogram latencyMicros = new ConcurrentHistogram(60_000_000L, 2);
    private final Set<Runnable> abortable = ConcurrentHashMap.newKeySet();
    private volatile boolean removed;

    WorkerEntry(Registration registration, WorkerHealth health) {
        this.registration = registration;
        this.health = health;
    }

    public Registration registration() {
        return registration;
    }

    public String name() {
        return registration.name();
    }

    public String segment() {
        return registration.segment();
    }

    public String url() {
        return registration.url();
    }

    public WorkerHealth health() {
        return health;
    }

    public boolean inRotation() {
        return !removed && health.state() == HealthState.HEALTHY;
    }

    public int inFlight() {
        return inFlight.get();
    }

    public long served() {
        return served.sum();
    }

    public long errors() {
        return errors.sum();
    }

    public ConcurrentHistogram latencyMicros() {
        return latencyMicros;
    }

    void started() {
        inFlight.incrementAndGet();
    }

    void finished(int status, long nanos) {
        inFlight.decrementAndGet();
        served.increment();
        if (status >= 500) {
            errors.increment();
        }
        latencyMicros.recordValue(Math.min(nanos / 1000, 60_000_000L));
    }

    void failed() {
        inFlight.decrementAndGet();
        errors.increment();
    }

    /** Calls in flight that can be moved elsewhere if this worker turns unhealthy. */
    Set<Runnable> abortable() {
        return abortable;
    }

    void markRemoved() {
        removed = true;
    }

    boolean removed() {
        return removed;
    }
}
