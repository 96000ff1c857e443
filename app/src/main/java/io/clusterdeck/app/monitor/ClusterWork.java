package io.clusterdeck.app.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live view's work off the FX thread: listening to the cluster's events, reading the cluster once a
 * {@link #POLL_EVERY}, following the selected process's log and carrying out commands. What it learns goes to the
 * inbox as a {@link MonitorUpdate}; a failure goes there as a sentence for the user, never as an exception.
 */
final class ClusterWork {
    static final Duration POLL_EVERY = Duration.ofSeconds(1);
    private static final Logger LOG = Logger.getLogger(ClusterWork.class.getName());

    private final ClusterSource source;
    private final Executor executor;
    private final Consumer<MonitorUpdate> inbox;
    private final AtomicBoolean polling = new AtomicBoolean();
    private final AtomicReference<Runnable> unfollow = new AtomicReference<>(() -> { });
    private Runnable unsubscribe = () -> { };
    private Instant lastPoll;
    private boolean closed;

    /**
     * @param executor runs everything that may block: reading the cluster, faults, scaling, starting traffic
     * @param inbox    takes updates from any thread
     */
    ClusterWork(ClusterSource source, Executor executor, Consumer<MonitorUpdate> inbox) {
        this.source = source;
        this.executor = executor;
        this.inbox = inbox;
    }

    void listen() {
        unsubscribe = source.subscribe(event -> inbox.accept(new MonitorUpdate.Event(event)));
    }

    /** Reads the last lines of a process's log, then each new one, instead of the log followed so far. */
    void follow(String process) {
        unfollow.getAndSet(() -> { }).run();
        executor.execute(() -> {
            try {
                inbox.accept(new MonitorUpdate.LogLines(process, source.logTail(process, 200), true));
                unfollow.getAndSet(source.followLog(process,
                        line -> inbox.accept(new MonitorUpdate.LogLines(process, List.of(line), false)))).run();
            } catch (RuntimeException e) {
                tell("Cannot read the log of " + process, e);
            }
        });
    }

    /** Reads the processes, their memory, the gateways and the entry's counter, unless it did so lately. */
    void pollIfDue(Instant time) {
        if (closed || lastPoll != null && Duration.between(lastPoll, time).compareTo(POLL_EVERY) < 0
                || !polling.compareAndSet(false, true)) {
            return;
        }
        lastPoll = time;
        executor.execute(() -> {
            try {
                var statuses = source.processes();
                var memory = new HashMap<String, OptionalLong>();
                for (var status : statuses) {
                    memory.put(status.name(), status.pid() > 0 ? source.heldBytes(status.pid()) : OptionalLong.empty());
                }
                inbox.accept(new MonitorUpdate.Poll(time, statuses, source.snapshot(), memory,
                        source.launcherHeldBytes(), source.entryCalls()));
            } catch (RuntimeException e) {
                tell("Cannot read the cluster", e);
            } finally {
                polling.set(false);
            }
        });
    }

    /** Carries out a command and says when it is done, or why it failed. */
    void act(String what, Runnable action) {
        executor.execute(() -> {
            try {
                action.run();
                inbox.accept(new MonitorUpdate.Notice(what + ": done.", false));
            } catch (RuntimeException e) {
                tell(what + " failed", e);
            }
        });
    }

    /** Runs the traffic's own work; a failure of it says the traffic failed. */
    Executor trafficWork(String what) {
        return command -> executor.execute(() -> {
            try {
                command.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, what + " failed: " + e);
                LOG.log(Level.FINE, what, e);
                inbox.accept(new MonitorUpdate.Notice(what + " failed: " + e.getMessage(), true));
            }
        });
    }

    /** Stops listening, polling and following; what is under way still reports. */
    void close() {
        closed = true;
        unsubscribe.run();
        unfollow.getAndSet(() -> { }).run();
    }

    private void tell(String what, RuntimeException e) {
        LOG.log(Level.WARNING, what + ": " + e);
        LOG.log(Level.FINE, what, e);
        inbox.accept(new MonitorUpdate.Notice(what + ": " + e.getMessage(), false));
    }
}
