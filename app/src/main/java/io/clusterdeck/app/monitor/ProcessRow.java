package io.clusterdeck.app.monitor;

import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.launch.ProcessMemory;
import io.clusterdeck.launch.ProcessState;
import io.clusterdeck.launch.ProcessStatus;
import io.clusterdeck.plan.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One process as the health grid and the topology show it. Changed only by {@link MonitorViewModel}. */
public final class ProcessRow {
    public static final int SERIES = 60;

    private final String name;
    private final Role role;
    private final String segment;
    private final ReadOnlyObjectWrapper<Health> health = new ReadOnlyObjectWrapper<>(Health.STARTING);
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("starting");
    private final ReadOnlyLongWrapper pid = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyStringWrapper uptime = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper restarts = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper memory = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper inFlight = new ReadOnlyLongWrapper();
    private final ReadOnlyDoubleWrapper callsPerSecond = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper p50 = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyDoubleWrapper p99 = new ReadOnlyDoubleWrapper(Double.NaN);
    private final BoundedSeries p99Series = new BoundedSeries(SERIES);

    private ProcessState processState = ProcessState.STARTING;
    /** A worker's state as each gateway that knows it says, by gateway. */
    private final Map<String, String> gatewayStates = new LinkedHashMap<>();
    /** Whether a gateway answered the latest reading; null before the first. */
    private Boolean answering;
    private Instant startedAt;

    ProcessRow(String name, Role role, String segment) {
        this.name = name;
        this.role = role;
        this.segment = segment;
    }

    // Properties

    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    /** The segment of a worker, null for other roles. */
    public String segment() {
        return segment;
    }

    public boolean isWorker() {
        return role == Role.WORKER;
    }

    public boolean isGateway() {
        return role == Role.GATEWAY;
    }

    public ReadOnlyObjectProperty<Health> healthProperty() {
        return health.getReadOnlyProperty();
    }

    public Health health() {
        return health.get();
    }

    /**
     * The process state in words, with the gateways' view of a worker when it differs, and "not answering" for a
     * running gateway whose counters could not be read.
     */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty pidProperty() {
        return pid.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty uptimeProperty() {
        return uptime.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty restartsProperty() {
        return restarts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty memoryProperty() {
        return memory.getReadOnlyProperty();
    }

    /** Calls in flight: a worker's at the gateways, a gateway's over its workers. */
    public ReadOnlyLongProperty inFlightProperty() {
        return inFlight.getReadOnlyProperty();
    }

    /** Calls a second a worker served, or a gateway forwarded to the workers. */
    public ReadOnlyDoubleProperty callsPerSecondProperty() {
        return callsPerSecond.getReadOnlyProperty();
    }

    /** The median latency at the gateway since the worker registered; NaN before it served a call. */
    public ReadOnlyDoubleProperty p50Property() {
        return p50.getReadOnlyProperty();
    }

    /** The 99th percentile latency at the gateway since the worker registered; NaN before it served a call. */
    public ReadOnlyDoubleProperty p99Property() {
        return p99.getReadOnlyProperty();
    }

    /** The 99th percentile latency, one sample per snapshot. */
    public BoundedSeries p99Series() {
        return p99Series;
    }

    // Updates from the view-model

    void status(ProcessStatus status, OptionalLong heldBytes) {
        processState = status.state();
        pid.set(status.pid());
        startedAt = status.startedAt();
        restarts.set(status.restarts());
        memory.set(heldBytes.isPresent() ? ProcessMemory.shown(heldBytes.getAsLong()) : "");
        if (!serves()) {
            callsPerSecond.set(0);
        }
        refreshHealth();
    }

    /** What an event about this process says about its state, before the next poll confirms it. */
    void event(ClusterEvent event) {
        switch (event.type()) {
            case REGISTERED:
                gatewayState(event.source(), "starting");
                break;
            case HEALTHY:
                gatewayState(event.source(), "healthy");
                break;
            case SUSPECT:
                gatewayState(event.source(), "suspect");
                break;
            case UNHEALTHY:
                gatewayState(event.source(), "unhealthy");
                break;
            case REMOVED:
            case DEREGISTERED:
                gatewayStates.remove(event.source());
                if (gatewayStates.isEmpty()) {
                    unknownToGateway();
                } else {
                    refreshHealth();
                }
                break;
            case STARTED:
                processState(ProcessState.STARTING);
                break;
            case EXITED:
                processState(ProcessState.RESTARTING);
                break;
            case RESTARTED:
                restarts.set(restarts.get() + 1);
                processState(ProcessState.STARTING);
                break;
            case GAVE_UP:
                processState(ProcessState.GAVE_UP);
                break;
            case FAULT:
                var reason = event.reason() == null ? "" : event.reason();
                if (reason.startsWith("pause")) {
                    processState(ProcessState.PAUSED);
                } else if (reason.startsWith("resume")) {
                    processState(ProcessState.RUNNING);
                }
                break;
            default:
                break;
        }
    }

    private void processState(ProcessState newState) {
        processState = newState;
        if (newState != ProcessState.RUNNING && newState != ProcessState.PAUSED) {
            pid.set(-1);
            inFlight.set(0);
        }
        if (!serves()) {
            callsPerSecond.set(0);
        }
        refreshHealth();
    }

    /** Whether the process can answer calls at all: running, not paused, not down or restarting. */
    boolean serves() {
        return processState == ProcessState.RUNNING;
    }

    private void gatewayState(String gateway, String newState) {
        gatewayStates.put(gateway, newState);
        refreshHealth();
    }

    /**
     * Takes the gateways' figures of a worker.
     *
     * @param stats  its counters added up over the gateways that answered
     * @param states its state as each of those gateways says
     */
    void stats(ClusterSnapshot.WorkerStats stats, Map<String, String> states) {
        gatewayStates.clear();
        gatewayStates.putAll(states);
        inFlight.set(stats.inFlight());
        boolean served = stats.served() > 0;
        p50.set(served ? stats.p50Ms() : Double.NaN);
        p99.set(served ? stats.p99Ms() : Double.NaN);
        p99Series.add(served ? stats.p99Ms() : 0);
        refreshHealth();
    }

    /** No gateway that answered knows the worker (yet, or any more). */
    void unknownToGateway() {
        gatewayStates.clear();
        inFlight.set(0);
        p99Series.add(0);
        refreshHealth();
    }

    /** A gateway answered with its counters. */
    void answered(ClusterSnapshot.Gateway gateway) {
        answering = true;
        inFlight.set(gateway.inFlight());
        refreshHealth();
    }

    /** A gateway's counters could not be read: it forwards nothing anyone can see. */
    void silent() {
        answering = false;
        inFlight.set(0);
        callsPerSecond.set(0);
        refreshHealth();
    }

    /** A process that is down, restarting or paused serves nothing, whatever a late count says. */
    void callsPerSecond(double rate) {
        callsPerSecond.set((isWorker() || isGateway()) && !serves() ? 0 : rate);
    }

    void tick(Instant now) {
        boolean alive = processState == ProcessState.RUNNING || processState == ProcessState.PAUSED;
        uptime.set(alive && startedAt != null ? duration(Duration.between(startedAt, now)) : "");
    }

    private void refreshHealth() {
        var gatewayState = ClusterSnapshot.mergedState(gatewayStates.values());
        boolean silent = isGateway() && processState == ProcessState.RUNNING && Boolean.FALSE.equals(answering);
        health.set(silent ? Health.SUSPECT : Health.of(processState, isWorker(), gatewayState));
        var words = silent ? "not answering" : processState.label();
        if (isWorker() && processState == ProcessState.RUNNING && gatewayState != null && !"healthy".equals(gatewayState)) {
            words = words + ", " + gatewayState;
        } else if (isWorker() && processState == ProcessState.RUNNING && gatewayState == null) {
            words = words + ", not in rotation";
        }
        state.set(words);
    }

    static String duration(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
