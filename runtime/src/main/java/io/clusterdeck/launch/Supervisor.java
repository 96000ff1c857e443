package io.clusterdeck.launch;

import io.clusterdeck.design.Restart;
import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.event.EventType;
import io.clusterdeck.plan.PlannedProcess;
import io.clusterdeck.time.Clock;
import io.clusterdeck.time.Scheduler;
import io.clusterdeck.time.Threads;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Spawns processes, reads their output, and restarts the ones that exit by their segment's restart policy with
 * exponential backoff, as the Node.js cluster primary does; a crash loop ends in a clear give-up.
 */
final class Supervisor {
    private final Starter starter;
    private final Backoff backoff;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Consumer<ClusterEvent> events;
    private final Object lock;
    private volatile boolean closing;

    Supervisor(Starter starter, Backoff backoff, Scheduler scheduler, Clock clock, Consumer<ClusterEvent> events,
               Object lock) {
        this.starter = starter;
        this.backoff = backoff;
        this.scheduler = scheduler;
        this.clock = clock;
        this.events = events;
        this.lock = lock;
    }

    /** Starts the operating-system process for a planned one. */
    @FunctionalInterface
    interface Starter {
        Process start(PlannedProcess planned) throws IOException;
    }

    /** Starts runtime services as JVMs that run with the config written to the run folder. */
    static Starter jvms(RunFolder run, JvmCommand command) {
        return planned -> {
            var config = run.writeConfig(planned);
            var builder = new ProcessBuilder(command.build(planned, config)).redirectErrorStream(true);
            builder.environment().put(ParentGuard.PARENT_PID_ENV, Long.toString(ProcessHandle.current().pid()));
            // A few malloc arenas are plenty for a small service; the default's dozen only hold memory.
            builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
            return builder.start();
        };
    }

    /** Spawns the process; its {@code ready} future completes with its URL once it says it is ready. */
    void spawn(ManagedProcess managed) {
        synchronized (lock) {
            try {
                var process = starter.start(managed.planned);
                managed.process = process;
                managed.state = ProcessState.STARTING;
                managed.startedAt = clock.now();
                managed.startedNanos = clock.nanos();
                if (managed.ready.isDone()) {
                    managed.ready = new CompletableFuture<>();
                }
                pump(managed, process);
                process.onExit().thenAccept(p -> exited(managed, p));
                emit(EventType.STARTED, managed, "pid " + process.pid());
            } catch (IOException e) {
                managed.state = ProcessState.EXITED;
                managed.lastExit = "could not start: " + e.getMessage();
                managed.ready.completeExceptionally(new LaunchException(managed.name + " could not start: "
                        + e.getMessage(), e));
            }
        }
    }

    /** Stops a process on purpose: it is not restarted. SIGTERM, then SIGKILL after the grace period. */
    CompletableFuture<Void> retire(ManagedProcess managed, Duration grace) {
        managed.retiring = true;
        return terminate(managed, grace);
    }

    /** SIGTERM, then SIGKILL when the process has not exited after the grace period. */
    CompletableFuture<Void> terminate(ManagedProcess managed, Duration grace) {
        var process = managed.process;
        if (process == null || !process.isAlive()) {
            return CompletableFuture.completedFuture(null);
        }
        if (managed.state == ProcessState.PAUSED) {
            signal(managed, "CONT");
        }
        process.destroy();
        return process.onExit()
                .completeOnTimeout(process, grace.toMillis(), TimeUnit.MILLISECONDS)
                .thenCompose(p -> {
                    if (p.isAlive()) {
                        p.destroyForcibly();
                        return p.onExit();
                    }
                    return CompletableFuture.completedFuture(p);
                })
                .thenApply(p -> null);
    }

    void kill(ManagedProcess managed) {
        var process = managed.process;
        if (process != null) {
            process.destroyForcibly();
        }
    }

    /** Sends a signal by name (STOP, CONT) through the system's kill command. */
    void signal(ManagedProcess managed, String signal) {
        long pid = managed.pid();
        if (pid < 0) {
            throw new LaunchException(managed.name + " is not running");
        }
        try {
            var kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true).start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new LaunchException("could not send SIG" + signal + " to " + managed.name + " (pid " + pid + ")");
            }
        } catch (IOException e) {
            throw new LaunchException("could not send SIG" + signal + " to " + managed.name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while signalling " + managed.name, e);
        }
    }

    /** From now on no process is restarted. */
    void close() {
        closing = true;
    }

    private void exited(ManagedProcess managed, Process process) {
        synchronized (lock) {
            if (managed.process != process) {
                return;
            }
            int code = process.exitValue();
            managed.lastExit = ManagedProcess.describeExit(code);
            managed.ready.completeExceptionally(new LaunchException(managed.name + " exited before it was ready ("
                    + managed.lastExit + "). Its last lines:\n  " + String.join("\n  ", managed.log.tail(15))));
            emit(EventType.EXITED, managed, managed.lastExit);
            if (closing || managed.retiring || !restartable(managed.planned.restart(), code)) {
                managed.state = ProcessState.EXITED;
                return;
            }
            long now = clock.nanos();
            boolean ranLong = now - managed.startedNanos >= backoff.stable().toNanos();
            managed.quickExits = ranLong ? 1 : managed.quickExits + 1;
            long windowStart = now - backoff.window().toNanos();
            while (!managed.restartTimes.isEmpty() && managed.restartTimes.peekFirst() < windowStart) {
                managed.restartTimes.removeFirst();
            }
            if (managed.restartTimes.size() >= backoff.maxRestarts()) {
                managed.state = ProcessState.GAVE_UP;
                emit(EventType.GAVE_UP, managed, "exited " + (managed.restartTimes.size() + 1) + " times within "
                        + backoff.window().toSeconds() + " s; not restarting it (last: " + managed.lastExit + ")");
                return;
            }
            managed.restartTimes.addLast(now);
            managed.state = ProcessState.RESTARTING;
            var delay = backoff.delay(managed.quickExits);
            scheduler.schedule(() -> restart(managed, delay), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void restart(ManagedProcess managed, Duration waited) {
        synchronized (lock) {
            if (closing || managed.retiring || managed.state != ProcessState.RESTARTING) {
                return;
            }
            managed.restarts++;
            spawn(managed);
            emit(EventType.RESTARTED, managed, "restart " + managed.restarts + " after " + managed.lastExit
                    + ", waited " + waited.toMillis() + " ms");
        }
    }

    private static boolean restartable(Restart policy, int code) {
        return policy == Restart.ALWAYS || (policy == Restart.ON_FAILURE && code != 0);
    }

    private void pump(ManagedProcess managed, Process process) {
        Threads.start("output-" + managed.name, () -> {
            try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    managed.log.append(line);
                    var ready = ManagedProcess.READY.matcher(line);
                    if (ready.find() && managed.process == process) {
                        synchronized (lock) {
                            if (managed.state == ProcessState.STARTING) {
                                managed.state = ProcessState.RUNNING;
                            }
                        }
                        emit(EventType.READY, managed, "ready in "
                                + Duration.ofNanos(clock.nanos() - managed.startedNanos).toMillis()
                                + " ms at " + ready.group(2));
                        managed.ready.complete(ready.group(2));
                    }
                }
            } catch (IOException e) {
                // The process is gone; its exit is handled by onExit.
            }
        });
    }

    private void emit(EventType type, ManagedProcess managed, String reason) {
        events.accept(ClusterEvent.of(clock.now(), type, "launcher", managed.name, managed.planned.segment(), reason));
    }
}
