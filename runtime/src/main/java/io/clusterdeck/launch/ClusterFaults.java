package io.clusterdeck.launch;

import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.event.EventLog;
import io.clusterdeck.event.EventType;
import io.clusterdeck.protocol.AdminRequests;
import io.clusterdeck.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Faults caused on purpose, to watch a cluster fail over: signals to any process (kill, stop, pause, resume,
 * restart) and, on a worker, its health flag and added latency. Each is told as a {@code fault} event first.
 */
final class ClusterFaults {
    private final ProcessTable table;
    private final Supervisor supervisor;
    private final Supplier<AdminClient> admin;
    private final EventLog events;
    private final Clock clock;
    private final Duration grace;
    private final Consumer<List<ManagedProcess>> awaitReady;

    /** @param awaitReady waits until the given processes are ready again, after a restart */
    ClusterFaults(ProcessTable table, Supervisor supervisor, Supplier<AdminClient> admin, EventLog events, Clock clock,
                  Duration grace, Consumer<List<ManagedProcess>> awaitReady) {
        this.table = table;
        this.supervisor = supervisor;
        this.admin = admin;
        this.events = events;
        this.clock = clock;
        this.grace = grace;
        this.awaitReady = awaitReady;
    }

    /** Causes a fault on a process; {@code ms} is the added latency for {@link Fault#LATENCY}, ignored otherwise. */
    void apply(Fault fault, String name, int ms) {
        switch (fault) {
            case KILL -> kill(name);
            case STOP -> stop(name);
            case PAUSE -> pause(name);
            case RESUME -> resume(name);
            case UNHEALTHY -> setHealthy(name, false);
            case HEALTHY -> setHealthy(name, true);
            case LATENCY -> addLatency(name, ms);
            case RESTART -> restart(name);
        }
    }

    void kill(String name) {
        var managed = table.running(name);
        told(managed, "kill (SIGKILL) of pid " + managed.pid());
        supervisor.kill(managed);
    }

    void stop(String name) {
        var managed = table.running(name);
        told(managed, "stop (SIGTERM) of pid " + managed.pid());
        supervisor.terminate(managed, grace);
    }

    void pause(String name) {
        var managed = table.running(name);
        told(managed, "pause (SIGSTOP) of pid " + managed.pid());
        supervisor.signal(managed, "STOP");
        synchronized (table.lock()) {
            managed.state = ProcessState.PAUSED;
        }
    }

    void resume(String name) {
        var managed = table.get(name);
        told(managed, "resume (SIGCONT) of pid " + managed.pid());
        supervisor.signal(managed, "CONT");
        synchronized (table.lock()) {
            if (managed.state == ProcessState.PAUSED) {
                managed.state = ProcessState.RUNNING;
            }
        }
    }

    void setHealthy(String name, boolean healthy) {
        var managed = table.worker(name);
        // Told first, as every fault is: the gateway may see the worker's new answer before this call returns.
        told(managed, healthy ? "made healthy" : "made unhealthy");
        admin.get().setHealthy(name, managed.planned.url(), healthy);
    }

    void addLatency(String name, int addedMs) {
        if (addedMs < 0 || addedMs > AdminRequests.AddedLatency.MAX_MS) {
            throw new LaunchException("added latency must be between 0 and " + AdminRequests.AddedLatency.MAX_MS
                    + " ms, was " + addedMs);
        }
        var managed = table.worker(name);
        told(managed, addedMs == 0 ? "latency removed" : "latency +" + addedMs + " ms");
        admin.get().addLatency(name, managed.planned.url(), addedMs);
    }

    void restart(String name) {
        var managed = table.get(name);
        told(managed, "restart");
        managed.retiring = true;
        supervisor.terminate(managed, grace).join();
        synchronized (table.lock()) {
            managed.retiring = false;
            managed.restarts++;
            supervisor.spawn(managed);
        }
        events.publish(event(EventType.RESTARTED, managed, "restart " + managed.restarts + " on request"));
        awaitReady.accept(List.of(managed));
    }

    private void told(ManagedProcess managed, String what) {
        events.publish(event(EventType.FAULT, managed, what));
    }

    private ClusterEvent event(EventType type, ManagedProcess managed, String reason) {
        return ClusterEvent.of(clock.now(), type, "launcher", managed.name, managed.planned.segment(), reason);
    }
}
