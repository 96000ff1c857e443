package io.clusterdeck.launch;

import io.clusterdeck.design.Restart;
import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.event.EventType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Spawns processes, reads their output, and restarts the ones that exit by their segment's restart policy with
 * exponential backoff, as the Node.js cluster primary does; a crash loop ends in a clear give-up.
 */
final class Supervisor {
    private final RunFolder run;
    private final JvmCommand command;
    private final Backoff backoff;
    private final ScheduledExecutorService scheduler;
    private final Consumer<ClusterEvent> events;
    private final Object lock;
    private volatile boolean closing;

    Supervisor(RunFolder run, JvmCommand command, Backoff backoff, ScheduledExecutorService scheduler,
               Consumer<ClusterEvent> events, Object lock) {
        this.run = run;
        this.command = command;
        this.backoff = backoff;
        this.scheduler = scheduler;
        this.events = events;
        this.lock = lock;
    }

    /** Spawns the process; its {@code ready} future completes with its URL once it says it is ready. */
    void spawn(ManagedProcess managed) {
        synchronized (lock) {
            try {
                var config = run.writeConfig(managed.planned);
                var builder = new ProcessBuilder(command.build(managed.planned, config)).redirectErrorStream(true);
                builder.environment().put(ParentGuard.PARENT_PID_ENV, Long.toString(ProcessHandle.current().pid()));
                // A few malloc arenas are plenty for a small service; the default's dozen only hold memory.
                builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
                var process = builder.start();
                managed.process = process;
                managed.state = ProcessState.STARTING;
                managed.startedAt = Instant.now();
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
            var now = Instant.now();
            boolean ranLong = managed.startedAt != null
                    && Duration.between(managed.startedAt, now).compareTo(backoff.stable()) >= 0;
            managed.quickExits = ranLong ? 1 : managed.quickExits + 1;
            while (!managed.restartTimes.isEmpty()
                    && managed.restartTimes.peekFirst().isBefore(now.minus(backoff.window()))) {
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
        var thread = new Thread(() -> {
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
                        emit(EventType.READY, managed, "ready in " + Duration.between(managed.startedAt, Instant.now()).toMillis()
                                + " ms at " + ready.group(2));
                        managed.ready.complete(ready.group(2));
                    }
                }
            } catch (IOException e) {
                // The process is gone; its exit is handled by onExit.
            }
        }, "output-" + managed.name);
        thread.setDaemon(true);
        thread.start();
    }

    private void emit(EventType type, ManagedProcess managed, String reason) {
        events.accept(ClusterEvent.of(Instant.now(), type, "launcher", managed.name, managed.planned.segment(), reason));
    }
}
