package io.clusterdeck.time;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The threads a process starts for its own work: daemons, so none of them keeps a stopped process alive. */
public final class Threads {
    private Threads() {
    }

    /** Daemon threads, each named {@code name}. */
    public static ThreadFactory daemon(String name) {
        return task -> {
            var thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Daemon threads named {@code prefix-1}, {@code prefix-2}, ... */
    public static ThreadFactory numbered(String prefix) {
        var count = new AtomicInteger();
        return task -> {
            var thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Starts a daemon thread of the given name running the task. */
    public static Thread start(String name, Runnable task) {
        var thread = daemon(name).newThread(task);
        thread.start();
        return thread;
    }
}
