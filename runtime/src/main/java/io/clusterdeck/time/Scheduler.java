package io.clusterdeck.time;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs work later, behind an interface so that tests can drive it with a fake clock. */
public interface Scheduler {
    /** Runs a task once after a delay; the returned handle cancels it. */
    Cancellable schedule(Runnable task, long delay, TimeUnit unit);

    /** A handle to scheduled work. */
    interface Cancellable {
        void cancel();
    }

    /** A scheduler on daemon threads. */
    static Scheduler threads(String name, int threads) {
        return of(Executors.newScheduledThreadPool(threads, Threads.daemon(name)));
    }

    /** A scheduler on an executor its caller shuts down. */
    static Scheduler of(ScheduledExecutorService executor) {
        return (task, delay, unit) -> {
            var future = executor.schedule(task, delay, unit);
            return () -> future.cancel(false);
        };
    }
}
