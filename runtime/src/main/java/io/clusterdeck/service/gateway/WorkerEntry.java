package io.clusterdeck.service.gateway;

import io.clusterdeck.http.CallStats;
import io.clusterdeck.http.ServiceMetrics;
import io.clusterdeck.http.Upstream;
import io.clusterdeck.protocol.Registration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;

/** A worker the gateway knows: its registration, health, load, and the connection pool that reaches it. */
public final class WorkerEntry {
    private final Registration registration;
    private final WorkerHealth health;
    private final Upstream upstream;
    private final ServiceMetrics metrics;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder served = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final ConcurrentHistogram latencyMicros = new ConcurrentHistogram(60_000_000L, 2);
    private final AtomicReferenceArray<CallStats> stats;
    private volatile boolean removed;

    WorkerEntry(Registration registration, WorkerHealth health, Upstream upstream, ServiceMetrics metrics, int routes) {
        this.registration = registration;
        this.health = health;
        this.upstream = upstream;
        this.metrics = metrics;
        this.stats = new AtomicReferenceArray<>(Math.max(1, routes));
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

    Upstream upstream() {
        return upstream;
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

    /** The metrics of one route's calls on this worker, made on its first call. */
    CallStats stats(RpcRoute route) {
        var known = stats.get(route.index());
        if (known == null) {
            known = metrics.calls(route.name(), name());
            stats.set(route.index(), known);
        }
        return known;
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

    private boolean checking;

    /** True when no health check of this worker is under way, which then starts; on the checker thread. */
    boolean startCheck() {
        if (checking) {
            return false;
        }
        checking = true;
        return true;
    }

    void checkDone() {
        checking = false;
    }

    void markRemoved() {
        removed = true;
    }

    boolean removed() {
        return removed;
    }
}
