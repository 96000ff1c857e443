package io.clusterdeck.launch;

import io.clusterdeck.plan.PlannedProcess;
import io.clusterdeck.plan.Role;
import io.clusterdeck.time.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The processes of a launch by name, in start order, and the one lock under which their states change. */
final class ProcessTable {
    private final Object lock = new Object();
    private final Map<String, ManagedProcess> byName = new LinkedHashMap<>();
    private final RunFolder run;

    ProcessTable(RunFolder run) {
        this.run = run;
    }

    /** The lock every change of a process's state is made under (the supervisor's too). */
    Object lock() {
        return lock;
    }

    /** Takes a planned process in, with its log in the run folder; not started yet. */
    ManagedProcess add(PlannedProcess process) {
        try {
            var managed = new ManagedProcess(process, new LogBuffer(run.log(process.name()), 2_000));
            synchronized (lock) {
                byName.put(process.name(), managed);
            }
            return managed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean contains(String name) {
        return find(name).isPresent();
    }

    java.util.Optional<ManagedProcess> find(String name) {
        synchronized (lock) {
            return java.util.Optional.ofNullable(byName.get(name));
        }
    }

    /** The process of that name; a {@link LaunchException} that lists the names when there is none. */
    ManagedProcess get(String name) {
        synchronized (lock) {
            var managed = byName.get(name);
            if (managed == null) {
                throw new LaunchException("unknown process '" + name + "'; processes: " + String.join(", ", byName.keySet()));
            }
            return managed;
        }
    }

    /** The process of that name, which must be running now. */
    ManagedProcess running(String name) {
        var managed = get(name);
        if (managed.pid() < 0) {
            throw new LaunchException(name + " is not running (" + managed.state.label() + ")");
        }
        return managed;
    }

    /** The running worker (or standalone service) of that name: only they have a health flag and added latency. */
    ManagedProcess worker(String name) {
        var managed = running(name);
        if (managed.planned.role() != Role.WORKER && managed.planned.role() != Role.STANDALONE) {
            throw new LaunchException(name + " is a " + managed.planned.role().json() + "; only workers have a health flag");
        }
        return managed;
    }

    List<ManagedProcess> withRoles(List<Role> roles) {
        synchronized (lock) {
            return byName.values().stream().filter(m -> roles.contains(m.planned.role())).toList();
        }
    }

    List<ManagedProcess> runningWorkers() {
        synchronized (lock) {
            return byName.values().stream().filter(m -> m.planned.role() == Role.WORKER
                    && m.state == ProcessState.RUNNING).toList();
        }
    }

    List<ProcessStatus> statuses() {
        synchronized (lock) {
            return byName.values().stream().map(ManagedProcess::status).toList();
        }
    }

    /** The port each process has now, by name: a new plan keeps them. */
    Map<String, Integer> ports() {
        synchronized (lock) {
            var ports = new LinkedHashMap<String, Integer>();
            byName.values().forEach(m -> ports.put(m.name, m.planned.port()));
            return ports;
        }
    }

    /** Drops a retired process once it has exited, possibly before the supervisor has marked it so. */
    void forget(ManagedProcess managed) {
        synchronized (lock) {
            if (managed.retiring && managed.pid() < 0) {
                managed.state = ProcessState.EXITED;
                byName.remove(managed.name);
                managed.log.close();
            }
        }
    }

    /**
     * Waits until every process of the batch said it is ready, within {@code timeout} in all; a
     * {@link LaunchException} names the first that was not, with its last lines.
     */
    void awaitReady(List<ManagedProcess> batch, Duration timeout, Clock clock) {
        long deadline = clock.nanos() + timeout.toNanos();
        for (var managed : batch) {
            try {
                managed.ready.get(Math.max(0, deadline - clock.nanos()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw new LaunchException(managed.name + " was not ready within " + timeout.toSeconds()
                        + " s. Its last lines:\n  " + String.join("\n  ", managed.log.tail(15)));
            } catch (ExecutionException e) {
                throw e.getCause() instanceof LaunchException launch ? launch
                        : new LaunchException(managed.name + " failed: " + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchException("interrupted while starting " + managed.name, e);
            }
        }
    }

    /** Closes every process's log. */
    void closeLogs() {
        synchronized (lock) {
            byName.values().forEach(m -> m.log.close());
        }
    }
}
