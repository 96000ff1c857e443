package io.clusterdeck.launch;

import io.clusterdeck.time.Threads;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The child's half of "no orphans": a process started by the launcher exits as soon as the launcher is gone,
 * however it died (kill -9 included). Two signs, whichever comes first: standard input, a pipe the launcher
 * holds, reaches end-of-file the moment the launcher's process ends; and, checked every 5 seconds as a fallback, the
 * launcher's pid stops being alive.
 */
public final class ParentGuard {
    /** Set by the launcher to its own pid in every child's environment. */
    public static final String PARENT_PID_ENV = "CLUSTERDECK_PARENT_PID";

    private ParentGuard() {
    }

    /** Watches the launcher when this process was started by one; does nothing otherwise. */
    public static void installIfLaunched(Runnable onParentGone) {
        var once = new AtomicBoolean();
        Runnable exit = () -> {
            if (once.compareAndSet(false, true)) {
                new Thread(onParentGone, "parent-gone").start();
            }
        };
        var pid = System.getenv(PARENT_PID_ENV);
        if (pid == null || pid.isBlank()) {
            return;
        }
        var parent = ProcessHandle.of(Long.parseLong(pid.strip()));
        if (parent.isEmpty() || !parent.get().isAlive()) {
            exit.run();
            return;
        }
        var watcher = Executors.newSingleThreadScheduledExecutor(Threads.daemon("parent-guard"));
        watcher.scheduleWithFixedDelay(() -> {
            if (!parent.get().isAlive()) {
                exit.run();
            }
        }, 5, 5, TimeUnit.SECONDS);
        Threads.start("parent-guard-stdin", () -> {
            if (drained(System.in)) {
                exit.run();
            }
        });
    }

    private static boolean drained(InputStream in) {
        try {
            var buffer = new byte[256];
            while (in.read(buffer) >= 0) {
                // The launcher never writes; anything read is ignored.
            }
            return true;
        } catch (IOException e) {
            return true;
        }
    }
}
