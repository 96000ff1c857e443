package io.clusterdeck.service.gateway;

import io.clusterdeck.design.HealthCheck;
import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.event.EventLog;
import io.clusterdeck.event.EventType;
import io.clusterdeck.http.CallException;
import io.clusterdeck.http.OutboundRequest;
import io.clusterdeck.http.ServiceMetrics;
import io.clusterdeck.http.UpstreamClient;
import io.clusterdeck.protocol.ClusterHeaders;
import io.clusterdeck.protocol.Health;
import io.clusterdeck.protocol.Paths;
import io.clusterdeck.protocol.Registration;
import io.clusterdeck.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.XnioIoThread;

/**
 * The workers the gateway knows, their health, and the events their changes make. Each worker is checked
 * actively every interval ({@code GET /health}); failed calls report passively through {@link #callFailed}.
 * Each segment's workers in rotation are kept as a ready list, made anew on every change, so that a call reads
 * them without a lock or a copy.
 */
public final class WorkerRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerRegistry.class);

    private final String source;
    private final HealthCheck policy;
    private final Clock clock;

    private final UpstreamClient client;
    private final EventLog events;
    private final ServiceMetrics metrics;
    private final int routes;
    private final Map<String, WorkerEntry> workers = new ConcurrentHashMap<>();
    private final Map<String, List<WorkerEntry>> rotations = new ConcurrentHashMap<>();
    private final byte[] checkHeaders;
    private final XnioIoThread checker;
    private final AtomicBoolean ticking = new AtomicBoolean();
    private volatile boolean stopped;
    private final StartupHold startupHold;

    /** @param routes how many functions the gateway routes, for the workers' per-function figures */
    public WorkerRegistry(String source, HealthCheck policy, Clock clock, UpstreamClient client,
                          EventLog events, ServiceMetrics metrics, int routes) {
        this.source = source;
        this.checkHeaders = OutboundRequest.headers(ClusterHeaders.CHECKED_BY.toString(), source);
        this.checker = client.timerThread();
        this.policy = policy;
        this.clock = clock;
        this.client = client;
        this.events = events;
        this.metrics = metrics;
        this.routes = routes;
        this.startupHold = new StartupHold(StartupHold.lengthMs(policy.intervalMs()), this, checker, clock);
    }

    /** Registers a worker, or refreshes it (a heartbeat). True when it is new to this gateway. */
    public boolean register(Registration registration) {
        var known = workers.get(registration.name());
        if (known != null && !known.removed() && known.registration().url().equals(registration.url())
                && known.registration().pid() == registration.pid()) {
            return false;
        }
        var entry = new WorkerEntry(registration, new WorkerHealth(policy, clock), client.upstream(registration.url()),
                metrics, routes);
        var previous = workers.put(registration.name(), entry);
        if (previous != null && !previous.removed()) {
            previous.markRemoved();
            refresh(previous.segment());
            // A restarted worker comes back under its old name: the instance that died leaves for good.
            publish(EventType.REMOVED, previous, "replaced by a new instance"
                    + (registration.pid() > 0 ? " (pid " + registration.pid() + ")" : ""));
        }
        publish(EventType.REGISTERED, entry, "registered at " + registration.url()
                + (registration.pid() > 0 ? " (pid " + registration.pid() + ")" : ""));
        checker.execute(() -> checkNow(entry));
        startTicking();
        return true;
    }

    /** A graceful goodbye: the worker leaves rotation at once. */
    public boolean deregister(String name) {
        var entry = workers.remove(name);
        if (entry == null) {
            return false;
        }
        entry.markRemoved();
        refresh(entry.segment());
        publish(EventType.DEREGISTERED, entry, "deregistered on a graceful stop");
        return true;
    }

    /** The segment's workers in rotation, in a stable order (by name); the same list until something changes. */
    public List<WorkerEntry> inRotation(String segment) {
        return rotations.getOrDefault(segment, List.of());
    }

    /** The segment's workers in rotation, without the excluded ones, in a stable order. */
    public List<WorkerEntry> candidates(String segment, Set<String> excluded) {
        var all = inRotation(segment);
        if (excluded.isEmpty()) {
            return all;
        }
        var list = new ArrayList<WorkerEntry>(all.size());
        for (var entry : all) {
            if (!excluded.contains(entry.name())) {
                list.add(entry);
            }
        }
        return list;
    }

    public List<WorkerEntry> all() {
        var list = new ArrayList<>(workers.values());
        list.sort(Comparator.comparing(WorkerEntry::segment).thenComparing(WorkerEntry::name));
        return list;
    }

    /** A call could not reach the worker or was cut: out of rotation at once, and checked right away. */
    public void callFailed(WorkerEntry entry, String why) {
        entry.health().callFailed(why).ifPresent(transition -> {
            refresh(entry.segment());
            publish(EventType.SUSPECT, entry, transition.reason());
            checker.execute(() -> checkNow(entry));
        });
    }

    public void publish(EventType type, WorkerEntry entry, String reason) {
        publish(type, entry == null ? null : entry.name(), entry == null ? null : entry.segment(), reason);
    }

    public void publish(EventType type, String worker, String segment, String reason) {
        // Stamped and published together, so the stream's order is the order of the timestamps.
        synchronized (events) {
            events.publish(ClusterEvent.of(clock.now(), type, source, worker, segment, reason));
        }
        metrics.count("clusterdeck_events", "type", type.json());
        if (type == EventType.RETRIED || type == EventType.NO_WORKER || type == EventType.TIMED_OUT) {
            LOG.debug("{} {}: {}", type.json(), worker, reason);
        } else if (worker == null) {
            LOG.info("{} ({}): {}", type.json(), segment, reason);
        } else {
            LOG.info("{} {} ({}): {}", type.json(), worker, segment, reason);
        }
    }

    public void stop() {
        stopped = true;
    }

    private void startTicking() {
        if (!ticking.getAndSet(true)) {
            checker.executeAfter(this::tick, policy.intervalMs(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Every interval, one tick on one I/O thread checks every worker at once: an idle gateway wakes once per interval,
     * not once per worker, and its checks go out without a hand-off between threads.
     */
    private void tick() {
        if (stopped) {
            return;
        }
        for (var entry : workers.values()) {
            checkNow(entry);
        }
        checker.executeAfter(this::tick, policy.intervalMs(), TimeUnit.MILLISECONDS);
    }

    /** Checks a worker unless a check of it is under way; runs on the checker thread. */
    private void checkNow(WorkerEntry entry) {
        if (stopped || entry.removed() || !entry.startCheck()) {
            return;
        }
        var timeout = Duration.ofMillis(entry.health().checkTimeoutMs());
        client.get(entry.url(), Paths.HEALTH, checkHeaders, timeout, 64 * 1024)
                .handle((response, failure) -> {
                    entry.checkDone();
                    if (failure != null) {
                        failed(entry, true, CallException.describe(failure));
                        return null;
                    }
                    var status = Health.statusOf(response.body());
                    if (response.status() != 200 || !Health.UP.equals(status)) {
                        failed(entry, false, Health.DOWN.equals(status) ? "reported DOWN"
                                : "health answered " + response.status() + " " + status);
                    } else {
                        entry.health().checkPassed().ifPresent(t -> {
                            refresh(entry.segment());
                            publish(EventType.HEALTHY, entry, t.reason());
                        });
                    }
                    return null;
                });
    }

    private void failed(WorkerEntry entry, boolean unreachable, String why) {
        entry.health().checkFailed(unreachable, why).ifPresent(transition -> {
            refresh(entry.segment());
            publish(EventType.UNHEALTHY, entry, transition.reason());
            entry.upstream().down();
        });
        long forgetAfterMs = Math.max(5_000, 20L * policy.intervalMs());
        if (unreachable && entry.health().unreachableFor(forgetAfterMs) && workers.remove(entry.name(), entry)) {
            entry.markRemoved();
            refresh(entry.segment());
            publish(EventType.REMOVED, entry, "unreachable for " + forgetAfterMs + " ms");
        }
    }

    /** Makes the segment's list of workers in rotation anew. */
    private void refresh(String segment) {
        synchronized (rotations) {
            var list = new ArrayList<WorkerEntry>();
            for (var entry : workers.values()) {
                if (entry.segment().equals(segment) && entry.inRotation()) {
                    list.add(entry);
                }
            }
            list.sort(Comparator.comparing(WorkerEntry::name));
            rotations.put(segment, List.copyOf(list));
        }
        var hold = startupHold;
        if (hold != null && !rotations.getOrDefault(segment, List.of()).isEmpty()) {
            hold.joined(segment);
        }
    }

    /**
     * Holds a call that found no worker in its segment while the gateway has just started (see {@link StartupHold});
     * false when it must fail now.
     */
    boolean holdUntilAWorkerJoins(String segment, XnioIoThread thread, Runnable resume) {
        var hold = startupHold;
        return hold != null && hold.hold(segment, thread, resume);
    }
}
